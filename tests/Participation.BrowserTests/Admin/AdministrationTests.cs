using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Hosting;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Admin;

/// <summary>The administrator's pages under /beheer: routing, the audit log, and failed messages put back on their queue.</summary>
[Collection(BackOfficeSite.Name)]
public sealed class AdministrationTests(Site site, ITestOutputHelper output)
{
    private const string Path = "/beheer/mislukte-berichten";

    [Fact]
    public async Task The_administration_pages_pass_axe_and_do_not_scroll_sideways_on_a_phone()
    {
        var checks = new PageChecks(output);
        await checks.WalkAsync(site,
        [
            ("admin-ingrid", "/beheer"), ("admin-ingrid", "/beheer/routering"), ("admin-ingrid", "/beheer/audit"),
            ("admin-ingrid", Path), ("admin-ingrid", Path + "?lang=en"),
        ]);
        checks.AssertNone();
    }

    [Fact]
    public async Task Administrator_sees_failed_messages_and_puts_them_back_on_their_queue_and_nobody_else_can()
    {
        var poison = site.App.Services.GetRequiredService<PoisonQueues>();
        var queue = poison.Names.First();
        var target = queue[..^"-poison".Length];
        var client = site.App.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(queue);
        var sent = (await client.SendMessageAsync("""{"test":"browser"}""")).Value;
        var ticked = (await client.SendMessageAsync("""{"test":"browser, ticked"}""")).Value;
        async Task<bool> StillPoisoned(string id) =>
            (await poison.ListAsync(CancellationToken.None)).Single(q => q.Queue == queue).Newest.Any(m => m.Id == id);

        // An official is turned away (to the sign-in's access-denied answer) and sees no queue.
        var official = await site.NewPageAsync(Site.Official);
        Assert.Contains((await official.APIRequest.GetAsync(Path, new() { MaxRedirects = 0 })).Status, new[] { 302, 403 });
        await official.GotoAsync(Path);
        Assert.Equal(0, await official.Locator("section[data-queue]").CountAsync());

        var checks = new PageChecks(output);
        var admin = await site.NewPageAsync("admin-ingrid");
        await admin.GotoAsync("/beheer");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Mislukte berichten" }).ClickAsync();
        var section = admin.Locator($"section[data-queue='{queue}']");
        var row = section.Locator($"tr[data-message='{sent.MessageId}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await checks.CheckAsync(admin, "failed messages, two waiting");

        // A post without the page's antiforgery token (another site's form) is refused and moves nothing.
        var form = admin.APIRequest.CreateFormData();
        form.Set("queue", queue);
        Assert.Equal(400, (await admin.APIRequest.PostAsync(Path, new() { Form = form })).Status);
        Assert.True(await StillPoisoned(sent.MessageId));

        await section.GetByRole(AriaRole.Checkbox, new() { Name = $"Bericht {ticked.MessageId} kiezen" }).CheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Gekozen berichten terugzetten" }).ClickAsync();
        await Assertions.Expect(admin.Locator($"tr[data-message='{ticked.MessageId}']")).ToHaveCountAsync(0);
        Assert.Equal($"1 bericht staat weer op {target}.", (await admin.GetByTestId("done").InnerTextAsync()).Trim());
        Assert.False(await StillPoisoned(ticked.MessageId));
        Assert.True(await StillPoisoned(sent.MessageId));

        await row.GetByRole(AriaRole.Button, new() { Name = "Terugzetten" }).ClickAsync();
        await Assertions.Expect(admin.Locator($"tr[data-message='{sent.MessageId}']")).ToHaveCountAsync(0);
        Assert.Equal($"1 bericht staat weer op {target}.", (await admin.GetByTestId("done").InnerTextAsync()).Trim());
        Assert.False(await StillPoisoned(sent.MessageId));
        await checks.CheckAsync(admin, "failed messages, put back");

        await admin.GotoAsync(Path + "?lang=en");
        Assert.Equal("Failed messages", (await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
        checks.AssertNone();
    }
}
