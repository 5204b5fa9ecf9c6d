using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;

namespace Participation.BrowserTests;

/// <summary>
/// Paper ballots in the back office: one official uploads a batch (nothing counted), she cannot confirm it herself, a
/// colleague of the neighbourhood confirms it and it counts. Every state passes axe at desktop width and at 375 px.
/// </summary>
public sealed partial class SiteTests
{
    [Fact]
    public async Task An_official_uploads_paper_ballots_and_only_a_colleague_confirms_them_on_accessible_pages()
    {
        var (budget, code) = await PaperBudgetAsync();
        var failures = new List<string>();

        var anouk = await site.NewPageAsync("anouk.devries");
        await anouk.GotoAsync($"/beheer/papieren-stembiljetten?begroting={budget}");
        failures.AddRange(await PaperPageFailuresAsync(anouk, "paper ballots: empty"));
        await anouk.GetByLabel("CSV-bestand met de kolommen code en projects").SetInputFilesAsync(new FilePayload
        {
            Name = "stembiljetten.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"code,projects\n{code},p1\nGEEN-CODE,p1\n"),
        });
        await anouk.GetByRole(AriaRole.Button, new() { Name = "Invoeren (nog niet tellen)" }).ClickAsync();
        Assert.Contains("Er is nog niets geteld", await anouk.GetByTestId("done").InnerTextAsync());
        Assert.Contains("Regel 3", await anouk.GetByTestId("lines").InnerTextAsync());
        Assert.Contains("Een collega bevestigt", await anouk.GetByTestId("batches").InnerTextAsync());
        Assert.Equal(0, await anouk.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en tellen" }).CountAsync());
        failures.AddRange(await PaperPageFailuresAsync(anouk, "paper ballots: uploaded"));
        await Site.ScreenshotAsync(anouk, "paper-ballots-uploaded");

        var bram = await site.NewPageAsync("bram.jansen");
        await bram.GotoAsync($"/beheer/papieren-stembiljetten?begroting={budget}");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en tellen" }).ClickAsync();
        Assert.Contains("Bevestigd en geteld: 1 stembiljetten", await bram.GetByTestId("done").InnerTextAsync());
        failures.AddRange(await PaperPageFailuresAsync(bram, "paper ballots: confirmed"));
        await bram.GotoAsync($"/beheer/papieren-stembiljetten?begroting={budget}&lang=en");
        Assert.Contains("counted", await bram.GetByTestId("batches").InnerTextAsync());
        failures.AddRange(await PaperPageFailuresAsync(bram, "paper ballots (en)"));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<List<string>> PaperPageFailuresAsync(IPage page, string label)
    {
        var failures = new List<string>();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            failures.AddRange(results.Violations.Select(v => $"{label} at {width} px: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            {
                failures.Add($"{label}: scrolls sideways at {width} px");
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
        return failures;
    }

    /// <summary>A fresh Oosterpark budget with one voting code, open for voting, made through the API by the admin.</summary>
    private async Task<(string Budget, string Code)> PaperBudgetAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var token = await (await client.PostAsJsonAsync("/api/dev/token", new { userId = "admin-ingrid" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var id = "papier-" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsJsonAsync("/api/budgets", new { id, title = "Papieren stemmen Oosterpark", neighbourhood = "oosterpark", amount = 10_000, eligibility = "codes", eligibleVoters = 1 })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = "Plan 1", description = "Een plan.", cost = 4_000 })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/budgets/{id}/rules", new { voteType = "approval", minProjects = 1, maxProjects = 1, outcomeRule = "greedy" })).EnsureSuccessStatusCode();
        var codes = await client.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count = 1 });
        codes.EnsureSuccessStatusCode();
        var code = (await codes.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[2].Trim();
        (await client.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" })).EnsureSuccessStatusCode();
        return (id, code);
    }
}
