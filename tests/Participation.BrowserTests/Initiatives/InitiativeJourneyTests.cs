using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Initiatives;

/// <summary>
/// An initiative from the resident's form to the official's decision and back to the resident by tracking code.
/// </summary>
public sealed class InitiativeJourneyTests(Site site, ITestOutputHelper output) : IClassFixture<Site>
{
    [Fact]
    public async Task Resident_submits_official_decides_and_resident_sees_the_decision_by_tracking_code()
    {
        var resident = await site.NewPageAsync();
        await resident.GotoAsync("/");
        await Site.ScreenshotAsync(resident, "home");

        // An empty form comes back with its errors next to the fields, and focusable from a summary.
        await resident.GotoAsync("/initiatieven/nieuw");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        Assert.Equal("Geef uw initiatief een titel.", await resident.Locator("#title-fout").InnerTextAsync());
        Assert.Equal("true", await resident.Locator("#title").GetAttributeAsync("aria-invalid"));
        Assert.Contains("title-fout", await resident.Locator("#title").GetAttributeAsync("aria-describedby"));

        await resident.GetByLabel("Titel").FillAsync("Bankjes op het Stationsplein");
        await resident.GetByLabel("Beschrijving").FillAsync("Ouderen kunnen nergens zitten als ze op de bus wachten. Graag drie bankjes.");
        await resident.GetByLabel("Buurt").SelectOptionAsync("binnenstad");
        await resident.GetByLabel("E-mailadres").FillAsync("inwoner@example.org");
        await Site.ScreenshotAsync(resident, "submit-form");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        var code = (await resident.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        output.WriteLine($"Submitted {code}");

        // The routing queue function gives it to the neighbourhood's official; it appears in her inbox.
        var official = await site.NewPageAsync(Site.Official);
        await Eventually.HoldsAsync(async () =>
        {
            await official.GotoAsync("/behandelen");
            return await official.Locator($"tr[data-code='{code}']").CountAsync() == 1;
        }, $"{code} is in {Site.Official}'s inbox");
        await Site.ScreenshotAsync(official, "official-inbox");
        await official.Locator($"tr[data-code='{code}'] a").ClickAsync();
        // The inbox lists it as soon as it is submitted; the review can start once routing made her the owner.
        await Journeys.StartReviewAsync(official, code);
        Assert.Contains("In behandeling", await official.GetByTestId("status").InnerTextAsync());

        // Deciding without choosing is refused next to the choice; then accept with a reason.
        var decide = official.GetByTestId("decide");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        Assert.Equal("Kies goedkeuren of afwijzen.", await official.Locator("#decision-fout").InnerTextAsync());
        await official.GetByLabel("Goedkeuren").CheckAsync();
        await official.GetByLabel("Motivering (de inwoner ziet deze)").FillAsync("Goed plan: de bankjes komen er in het voorjaar.");
        await official.GetByLabel("Interne notitie (optioneel)").FillAsync("Budget uit onderhoud openbare ruimte.");
        await Site.ScreenshotAsync(official, "official-case");
        await official.GetByTestId("decide").GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        Assert.Contains("Goedkeuren", await official.GetByTestId("done").InnerTextAsync());

        // The resident follows the request by its code: the decision with its reason, never the internal note.
        await resident.GotoAsync("/volgen");
        await resident.GetByLabel("Volgcode").FillAsync(code.ToLowerInvariant());
        await resident.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        Assert.Equal("Goedgekeurd", (await resident.GetByTestId("status").InnerTextAsync()).Trim());
        var timeline = await resident.GetByTestId("timeline").InnerTextAsync();
        Assert.Contains("Goed plan: de bankjes komen er in het voorjaar.", timeline);
        Assert.DoesNotContain("Budget uit onderhoud", await resident.ContentAsync());
        await Site.ScreenshotAsync(resident, "resident-decision");

        // The same page in English, by the switch in the header.
        await resident.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await resident.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Accepted", (await resident.GetByTestId("status").InnerTextAsync()).Trim());
    }
}
