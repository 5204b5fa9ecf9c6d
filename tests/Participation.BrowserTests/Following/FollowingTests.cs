using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Following;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Notifications;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Following;

/// <summary>
/// Following in the browser: a resident asks to follow on the initiative page, confirms with the link from the e-mail
/// and unsubscribes with the link a follower's e-mail carries. Every page on the way passes <see cref="PageChecks"/>.
/// </summary>
[Collection(ResidentSite.Name)]
public sealed class FollowingTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Resident_follows_an_initiative_confirms_by_the_emailed_link_and_unsubscribes_each_page_axe_clean()
    {
        var store = site.App.Services.GetRequiredService<InitiativeStore>();
        await Eventually.HoldsAsync(async () => (await store.ListAllAsync(new InitiativeFilter(OpenOnly: true), CancellationToken.None)).Count > 0, "an initiative is stored");
        var code = (await store.ListAllAsync(new InitiativeFilter(OpenOnly: true), CancellationToken.None)).First().TrackingCode;
        var email = $"volger-{Guid.NewGuid():N}@example.org";
        var followers = site.App.Services.GetRequiredService<Followers>();
        var checks = new PageChecks(output);
        var page = await site.NewPageAsync();

        await page.GotoAsync($"/initiatieven/{code}");
        await page.GetByLabel("Uw e-mailadres").Last.FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Volg dit initiatief" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kijk in uw e-mail");
        await checks.CheckAsync(page, "follow requested");
        Assert.Empty(await followers.FollowerIdsAsync(code, CancellationToken.None));

        OutboxMailSender.OutboxEmail? mail = null;
        await Eventually.HoldsAsync(async () => (mail = (await OutboxMailSender.ReadAsync(site.App.Services.GetRequiredService<TableServiceClient>(), 1000, CancellationToken.None))
            .FirstOrDefault(m => m.To == email)) is not null, "the confirmation e-mail is in the outbox");
        var confirm = Regex.Match(mail!.Body, @"/initiatieven/\w+/volgen/bevestigen\?token=[0-9a-f]{40}").Value;
        await page.GotoAsync(confirm);
        await checks.CheckAsync(page, "confirm page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, ik volg dit initiatief" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U volgt dit initiatief");
        await checks.CheckAsync(page, "confirmed");
        var follower = Assert.Single(await followers.FollowerIdsAsync(code, CancellationToken.None));

        await page.GotoAsync(new Uri(followers.UnsubscribeUrl(code, follower)).PathAndQuery + "&lang=en");
        await checks.CheckAsync(page, "unsubscribe page (en)");
        await page.GotoAsync(new Uri(followers.UnsubscribeUrl(code, follower)).PathAndQuery + "&lang=nl");
        await checks.CheckAsync(page, "unsubscribe page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, afmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");
        await checks.CheckAsync(page, "unsubscribed");
        Assert.Empty(await followers.FollowerIdsAsync(code, CancellationToken.None));

        checks.AssertNone();
    }
}
