using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;

namespace Participation.BrowserTests;

/// <summary>
/// The back office in the browser: an official corrects a theme and merges a duplicate in the case page, an
/// administrator prepares a budget up to voting codes in the /beheer pages, a council member downloads the Excel CSV.
/// Every page on the way is scanned with axe and checked for sideways scrolling at 375 px.
/// </summary>
public sealed partial class SiteTests
{
    [Fact]
    public async Task Official_reads_the_timeline_in_words_corrects_the_theme_and_merges_a_duplicate_in_the_case_page()
    {
        var failures = new List<string>();
        var anonymous = await site.NewPageAsync();
        var first = await SubmitAsync(anonymous, "Oversteekplaats bij de Grote Markt", "Een zebrapad bij de Grote Markt, het is daar druk.");
        var second = await SubmitAsync(anonymous, "Zebrapad Grote Markt", "Graag een zebrapad op de Grote Markt; oversteken is gevaarlijk.");

        var official = await site.NewPageAsync(Official);
        await Eventually.HoldsAsync(async () =>
        {
            await official.GotoAsync($"/behandelen/{second}");
            return await official.GetByTestId("merge").CountAsync() == 1;
        }, $"{second} is routed to {Official}");
        var timeline = await official.GetByTestId("timeline").InnerTextAsync();
        Assert.Contains("Doorgestuurd naar Gebiedsteam Zuid-West, behandelaar Lotte Smit", timeline);
        Assert.DoesNotContain("Resident:", timeline);
        failures.AddRange(await PageFailuresAsync(official, "case page"));

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
        failures.AddRange(await PageFailuresAsync(official, "case page with a merge error"));
        merge = official.GetByTestId("merge");
        await merge.GetByLabel("Samenvoegen met (volgcode)").FillAsync(first);
        await merge.GetByLabel("Reden van het samenvoegen (de inwoner ziet deze)").FillAsync("Dit verzoek is gelijk aan een eerder initiatief; we behandelen ze samen.");
        await merge.GetByRole(AriaRole.Button, new() { Name = "Samenvoegen" }).ClickAsync();
        Assert.Equal("Samengevoegd", (await official.GetByTestId("status").InnerTextAsync()).Trim());
        Assert.Contains($"Samengevoegd met {first} door Lotte Smit", await official.GetByTestId("timeline").InnerTextAsync());
        await Site.ScreenshotAsync(official, "official-case-merged");
        failures.AddRange(await PageFailuresAsync(official, "merged case page"));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Administrator_creates_a_budget_adds_projects_sets_rules_opens_voting_and_downloads_codes_in_the_pages()
    {
        var failures = new List<string>();
        var admin = await site.NewPageAsync("admin-ingrid");
        await admin.GotoAsync("/beheer");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Buurtbudgetten" }).ClickAsync();
        failures.AddRange(await PageFailuresAsync(admin, "budget list"));

        var create = admin.GetByTestId("create-budget");
        await create.GetByRole(AriaRole.Button, new() { Name = "Buurtbudget openen" }).ClickAsync();
        Assert.Equal("Geef een titel van hoogstens 200 tekens.", (await admin.Locator("#title-fout").InnerTextAsync()).Trim());
        failures.AddRange(await PageFailuresAsync(admin, "budget list with errors"));

        create = admin.GetByTestId("create-budget");
        await create.GetByLabel("Titel").FillAsync("Buurtbudget Noorderkwartier 2027");
        await create.GetByLabel("Code in de link").FillAsync("noorderkwartier-browser-2027");
        await create.GetByLabel("Buurt").SelectOptionAsync("noorderkwartier");
        await create.GetByLabel("Bedrag in hele euro's").FillAsync("25000");
        await create.GetByLabel("Aantal stemgerechtigden").FillAsync("5");
        await create.GetByRole(AriaRole.Button, new() { Name = "Buurtbudget openen" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beheer/buurtbudgetten/noorderkwartier-browser-2027"));
        failures.AddRange(await PageFailuresAsync(admin, "new budget"));

        foreach (var (title, cost) in new[] { ("Moestuin bij de school", "9000"), ("Speeltoestel in het park", "14000") })
        {
            var project = admin.GetByTestId("add-project");
            await project.GetByLabel("Titel").FillAsync(title);
            await project.GetByLabel("Kosten in hele euro's").FillAsync(cost);
            await project.GetByRole(AriaRole.Button, new() { Name = "Plan toevoegen" }).ClickAsync();
            Assert.Contains("Het plan staat op het stembiljet.", await admin.GetByTestId("done").InnerTextAsync());
        }

        Assert.Equal(2, await admin.GetByTestId("projects").Locator("tbody tr").CountAsync());
        var rules = admin.GetByTestId("rules");
        await rules.GetByLabel("Plannen kiezen binnen het budget").CheckAsync();
        await rules.GetByLabel("Hoe de stemmen worden geteld").SelectOptionAsync("greedy");
        await rules.GetByRole(AriaRole.Button, new() { Name = "Regels opslaan" }).ClickAsync();
        Assert.Contains("De regels zijn opgeslagen.", await admin.GetByTestId("done").InnerTextAsync());
        failures.AddRange(await PageFailuresAsync(admin, "budget with projects and rules"));

        // The letters' codes first, for the five eligible voters: once voting is open no more are made.
        var codes = admin.GetByTestId("voting-codes");
        await codes.GetByLabel("Aantal stemcodes").FillAsync("5");
        var download = await admin.RunAndWaitForDownloadAsync(() => codes.GetByRole(AriaRole.Button, new() { Name = "Stemcodes maken en downloaden" }).ClickAsync());
        Assert.Equal("stemcodes-noorderkwartier-browser-2027.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Trim().Split('\n');
        Assert.Equal(6, lines.Length);

        var phase = admin.GetByTestId("move-phase");
        await phase.GetByLabel("Naar fase").SelectOptionAsync("voting");
        await phase.GetByRole(AriaRole.Button, new() { Name = "Naar deze fase" }).ClickAsync();
        Assert.Equal("Stemmen", (await admin.GetByTestId("phase").InnerTextAsync()).Trim());
        Assert.Equal(1, await admin.GetByTestId("frozen").CountAsync());
        Assert.Equal(0, await admin.GetByTestId("voting-codes").CountAsync());
        await Site.ScreenshotAsync(admin, "admin-budget");
        failures.AddRange(await PageFailuresAsync(admin, "budget in voting"));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Council_member_downloads_the_dashboard_as_a_csv_that_dutch_excel_opens_in_columns()
    {
        var council = await site.NewPageAsync("council-jeroen");
        await council.GotoAsync("/raad");
        var download = await council.RunAndWaitForDownloadAsync(() => council.GetByTestId("excel-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"Onderdeel\";\"Onderwerp\";\"Deze periode\";", text);
        Assert.Contains("\"Kerncijfer\";\"Ingediende initiatieven\";", text);
        Assert.DoesNotContain("0,0 dagen", text);
        var failures = await PageFailuresAsync(council, "council dashboard");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<string> SubmitAsync(IPage page, string title, string description)
    {
        var response = await page.APIRequest.PostAsync("/api/initiatives", new()
        {
            DataObject = new { title, description, neighbourhood = "binnenstad", theme = "groen" },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("trackingCode").GetString()!;
    }

    /// <summary>axe (WCAG 2.1 A/AA) at desktop width and at 375 px, and no sideways scrolling on the phone.</summary>
    private async Task<List<string>> PageFailuresAsync(IPage page, string label)
    {
        var failures = new List<string>();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, width == 375 ? 800 : 900);
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            output.WriteLine($"{label} at {width}px: {results.Violations.Length} violations, {results.Passes.Length} rules passed");
            failures.AddRange(results.Violations.Select(v => $"{label} at {width}px: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            if (width == 375 && await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            {
                failures.Add($"{label}: scrolls sideways at 375 px");
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
        return failures;
    }
}
