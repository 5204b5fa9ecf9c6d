using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Following;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Notifications;

namespace Participation.BrowserTests;

/// <summary>
/// Following in the browser: a resident asks to follow on the initiative page, confirms with the link from the e-mail
/// and unsubscribes with the link a follower's e-mail carries. Every page on the way passes axe at desktop width and at
/// 375 px, and does not scroll sideways on a phone.
/// </summary>
public sealed partial class SiteTests
{
    [Fact]
    public async Task Resident_follows_an_initiative_confirms_by_the_emailed_link_and_unsubscribes_each_page_axe_clean()
    {
        var store = site.App.Services.GetRequiredService<InitiativeStore>();
        await Eventually.HoldsAsync(async () => (await store.ListAllAsync(new InitiativeFilter(OpenOnly: true), CancellationToken.None)).Count > 0, "an initiative is stored");
        var code = (await store.ListAllAsync(new InitiativeFilter(OpenOnly: true), CancellationToken.None)).First().TrackingCode;
        var email = $"volger-{Guid.NewGuid():N}@example.org";
        var followers = site.App.Services.GetRequiredService<Followers>();
        var failures = new List<string>();
        var page = await site.NewPageAsync();

        await page.GotoAsync($"/initiatieven/{code}");
        await page.GetByLabel("Uw e-mailadres").Last.FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Volg dit initiatief" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kijk in uw e-mail");
        failures.AddRange(await PhoneAndDesktopFailuresAsync(page, "follow requested"));
        Assert.Empty(await followers.FollowerIdsAsync(code, CancellationToken.None));

        OutboxMailSender.OutboxEmail? mail = null;
        await Eventually.HoldsAsync(async () => (mail = (await OutboxMailSender.ReadAsync(site.App.Services.GetRequiredService<TableServiceClient>(), 1000, CancellationToken.None))
            .FirstOrDefault(m => m.To == email)) is not null, "the confirmation e-mail is in the outbox");
        var confirm = Regex.Match(mail!.Body, @"/initiatieven/\w+/volgen/bevestigen\?token=[0-9a-f]{40}").Value;
        await page.GotoAsync(confirm);
        failures.AddRange(await PhoneAndDesktopFailuresAsync(page, "confirm page"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, ik volg dit initiatief" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U volgt dit initiatief");
        failures.AddRange(await PhoneAndDesktopFailuresAsync(page, "confirmed"));
        var follower = Assert.Single(await followers.FollowerIdsAsync(code, CancellationToken.None));

        await page.GotoAsync(new Uri(followers.UnsubscribeUrl(code, follower)).PathAndQuery + "&lang=en");
        failures.AddRange(await PhoneAndDesktopFailuresAsync(page, "unsubscribe page (en)"));
        await page.GotoAsync(new Uri(followers.UnsubscribeUrl(code, follower)).PathAndQuery + "&lang=nl");
        failures.AddRange(await PhoneAndDesktopFailuresAsync(page, "unsubscribe page"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, afmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");
        failures.AddRange(await PhoneAndDesktopFailuresAsync(page, "unsubscribed"));
        Assert.Empty(await followers.FollowerIdsAsync(code, CancellationToken.None));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<List<string>> PhoneAndDesktopFailuresAsync(IPage page, string label)
    {
        var failures = new List<string>();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            failures.AddRange(await AxeFailuresAsync(page, $"{label} at {width} px"));
            if (width == 375 && await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
            {
                failures.Add($"{label}: scrolls sideways at 375 px");
            }
        }

        return failures;
    }
}
