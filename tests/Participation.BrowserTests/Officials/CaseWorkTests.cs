using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Initiatives;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Officials;

/// <summary>
/// The official's case work in the browser: the timeline in words, a theme correction and a merge in the case page,
/// and the inbox and case pages (also as the council reads them) checked by <see cref="PageChecks"/>.
/// </summary>
[Collection(BackOfficeSite.Name)]
public sealed class CaseWorkTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Official_reads_the_timeline_in_words_corrects_the_theme_and_merges_a_duplicate_in_the_case_page()
    {
        var checks = new PageChecks(output);
        var anonymous = await site.NewPageAsync();
        var first = await SubmitThroughApiAsync(anonymous, "Oversteekplaats bij de Grote Markt", "Een zebrapad bij de Grote Markt, het is daar druk.");
        var second = await SubmitThroughApiAsync(anonymous, "Zebrapad Grote Markt", "Graag een zebrapad op de Grote Markt; oversteken is gevaarlijk.");

        var official = await site.NewPageAsync(Site.Official);
        await Eventually.HoldsAsync(async () =>
        {
            await official.GotoAsync($"/behandelen/{second}");
            return await official.GetByTestId("merge").CountAsync() == 1;
        }, $"{second} is routed to {Site.Official}");
        var timeline = await official.GetByTestId("timeline").InnerTextAsync();
        Assert.Contains("Doorgestuurd naar Gebiedsteam Zuid-West, behandelaar Lotte Smit", timeline);
        Assert.DoesNotContain("Resident:", timeline);
        await checks.CheckAsync(official, "case page");

        // Reassigning offers only the chosen team's officials.
        await official.Locator("#team").SelectOptionAsync("groen-oost");
        Assert.True(await official.Locator("#official optgroup[data-team='gebied-zuidwest']").EvaluateAsync<bool>("g => g.hidden && g.disabled"));
        Assert.False(await official.Locator("#official optgroup[data-team='groen-oost']").EvaluateAsync<bool>("g => g.hidden"));

        var theme = official.GetByTestId("correct-theme");
        await theme.GetByLabel("Juiste thema").SelectOptionAsync(new SelectOptionValue { Label = "Verkeer en parkeren" });
        await theme.GetByLabel("Reden (alleen voor collega's, optioneel)").FillAsync("Gaat over oversteken, niet over groen.");
        await theme.GetByRole(AriaRole.Button, new() { Name = "Thema corrigeren" }).ClickAsync();
        Assert.Contains("Thema corrigeren", await official.GetByTestId("done").InnerTextAsync());
        Assert.StartsWith("Verkeer en parkeren", (await official.GetByTestId("theme").InnerTextAsync()).Trim());
        Assert.Contains("Thema gecorrigeerd naar Verkeer en parkeren door Lotte Smit", await official.GetByTestId("timeline").InnerTextAsync());

        // Merging without a motivation is refused next to the field; with one, the case is merged.
        var merge = official.GetByTestId("merge");
        await merge.GetByLabel("Samenvoegen met (volgcode)").FillAsync(first);
        await merge.GetByRole(AriaRole.Button, new() { Name = "Samenvoegen" }).ClickAsync();
        Assert.Equal("Geef een motivering; de inwoner en het publiek zien die.", (await official.Locator("#merge-reason-fout").InnerTextAsync()).Trim());
        await checks.CheckAsync(official, "case page with a merge error");
        merge = official.GetByTestId("merge");
        await merge.GetByLabel("Samenvoegen met (volgcode)").FillAsync(first);
        await merge.GetByLabel("Reden van het samenvoegen (de inwoner ziet deze)").FillAsync("Dit verzoek is gelijk aan een eerder initiatief; we behandelen ze samen.");
        await merge.GetByRole(AriaRole.Button, new() { Name = "Samenvoegen" }).ClickAsync();
        Assert.Equal("Samengevoegd", (await official.GetByTestId("status").InnerTextAsync()).Trim());
        Assert.Contains($"Samengevoegd met {first} door Lotte Smit", await official.GetByTestId("timeline").InnerTextAsync());
        await Site.ScreenshotAsync(official, "official-case-merged");
        await checks.CheckAsync(official, "merged case page");

        checks.AssertNone();
    }

    [Fact]
    public async Task The_inbox_and_the_case_page_pass_axe_and_do_not_scroll_sideways_on_a_phone()
    {
        var store = site.App.Services.GetRequiredService<InitiativeStore>();
        await Eventually.HoldsAsync(async () => (await store.ListAllAsync(null, CancellationToken.None)).Any(i => i.Neighbourhood is "binnenstad" or "westhaven"),
            $"a demo initiative of {Site.Official}'s neighbourhoods is stored");
        var hers = (await store.ListAllAsync(null, CancellationToken.None)).First(i => i.Neighbourhood is "binnenstad" or "westhaven").TrackingCode;

        var checks = new PageChecks(output);
        await checks.WalkAsync(site,
        [
            (Site.Official, "/behandelen"), (Site.Official, $"/behandelen/{hers}"), (Site.Official, $"/behandelen/{hers}?lang=en"),
            ("council-jeroen", $"/behandelen/{hers}"),
        ]);
        checks.AssertNone();
    }

    private static async Task<string> SubmitThroughApiAsync(IPage page, string title, string description)
    {
        var response = await page.APIRequest.PostAsync("/api/initiatives", new()
        {
            DataObject = new { title, description, neighbourhood = "binnenstad", theme = "groen" },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("trackingCode").GetString()!;
    }
}
