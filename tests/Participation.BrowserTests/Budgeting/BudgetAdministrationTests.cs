using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Budgeting;

/// <summary>
/// The budget back office in the browser: the menu leads officials and admins to it, an administrator prepares a budget
/// up to voting codes, and paper ballots are entered by one official and confirmed by a colleague.
/// </summary>
[Collection(BackOfficeSite.Name)]
public sealed class BudgetAdministrationTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Officials_and_admins_find_the_budget_pages_in_the_menu_and_residents_do_not()
    {
        foreach (var user in new[] { Site.Official, "admin-ingrid" })
        {
            var staff = await site.NewPageAsync(user);
            await staff.GotoAsync("/");
            await staff.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Buurtbudgetten" }).ClickAsync();
            Assert.EndsWith("/beheer/buurtbudgetten", new Uri(staff.Url).AbsolutePath);
            Assert.Equal("page", await staff.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Buurtbudgetten" }).GetAttributeAsync("aria-current"));
        }

        foreach (var user in new[] { "resident-sanne", null })
        {
            var resident = await site.NewPageAsync(user);
            await resident.GotoAsync("/");
            Assert.Equal(0, await resident.Locator("nav a[href='/beheer/buurtbudgetten']").CountAsync());
        }
    }

    [Fact]
    public async Task Administrator_creates_a_budget_adds_projects_sets_rules_downloads_codes_opens_voting_and_publishes_the_results_in_the_pages()
    {
        var checks = new PageChecks(output);
        var admin = await site.NewPageAsync("admin-ingrid");
        await admin.GotoAsync("/beheer");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Buurtbudgetten" }).ClickAsync();
        await checks.CheckAsync(admin, "budget list");

        var create = admin.GetByTestId("create-budget");
        await create.GetByRole(AriaRole.Button, new() { Name = "Buurtbudget openen" }).ClickAsync();
        Assert.Equal("Geef een titel van hoogstens 200 tekens.", (await admin.Locator("#title-fout").InnerTextAsync()).Trim());
        await checks.CheckAsync(admin, "budget list with errors");

        create = admin.GetByTestId("create-budget");
        await create.GetByLabel("Titel").FillAsync("Buurtbudget Noorderkwartier 2027");
        await create.GetByLabel("Code in de link").FillAsync("noorderkwartier-browser-2027");
        await create.GetByLabel("Buurt").SelectOptionAsync("noorderkwartier");
        await create.GetByLabel("Bedrag in hele euro's").FillAsync("25000");
        await create.GetByLabel("Aantal stemgerechtigden").FillAsync("5");
        await create.GetByRole(AriaRole.Button, new() { Name = "Buurtbudget openen" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beheer/buurtbudgetten/noorderkwartier-browser-2027"));
        await checks.CheckAsync(admin, "new budget");

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
        await checks.CheckAsync(admin, "budget with projects and rules");

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
        await checks.CheckAsync(admin, "budget in voting");

        // A resident votes with the first letter's code; the administrator closes the vote and publishes the results.
        var resident = await site.NewPageAsync();
        await resident.GotoAsync("/buurtbudget/noorderkwartier-browser-2027/stemmen");
        await resident.GetByLabel("Stemcode").FillAsync(lines[1].Split(',')[2].Trim());
        await resident.GetByLabel("Moestuin bij de school").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAsync();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", (await resident.GetByTestId("receipt").InnerTextAsync()).Trim());

        foreach (var (next, shown) in new[] { ("counting", "Stemmen tellen"), ("results", "Uitslag bekend") })
        {
            phase = admin.GetByTestId("move-phase");
            await phase.GetByLabel("Naar fase").SelectOptionAsync(next);
            await phase.GetByRole(AriaRole.Button, new() { Name = "Naar deze fase" }).ClickAsync();
            Assert.Equal(shown, (await admin.GetByTestId("phase").InnerTextAsync()).Trim());
        }

        await checks.CheckAsync(admin, "budget with published results");
        await resident.GotoAsync("/buurtbudget/noorderkwartier-browser-2027/uitslag");
        // The voted plan is funded with its one vote (greedy goes on while the money lasts, so the other plan fits too).
        var funded = resident.GetByTestId("funded").Locator("li[data-funded='true']");
        await Assertions.Expect(funded.Filter(new() { HasText = "Moestuin bij de school" })).ToContainTextAsync("1 stem");
        await checks.CheckAsync(resident, "published results");

        checks.AssertNone();
    }

    [Fact]
    public async Task An_official_uploads_paper_ballots_and_only_a_colleague_confirms_them_on_accessible_pages()
    {
        var (budget, code) = await PaperBudgetAsync();
        var checks = new PageChecks(output);

        var anouk = await site.NewPageAsync("anouk.devries");
        await anouk.GotoAsync($"/beheer/papieren-stembiljetten?begroting={budget}");
        await checks.CheckAsync(anouk, "paper ballots: empty");
        await anouk.GetByLabel("CSV-bestand met de kolommen code en projects").SetInputFilesAsync(new FilePayload
        {
            Name = "stembiljetten.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"code,projects\n{code},p1\nGEEN-CODE,p1\n"),
        });
        await anouk.GetByRole(AriaRole.Button, new() { Name = "Invoeren (nog niet tellen)" }).ClickAsync();
        Assert.Contains("Er is nog niets geteld", await anouk.GetByTestId("done").InnerTextAsync());
        Assert.Contains("Regel 3", await anouk.GetByTestId("lines").InnerTextAsync());
        Assert.Contains("Een collega bevestigt", await anouk.GetByTestId("batches").InnerTextAsync());
        Assert.Equal(0, await anouk.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en tellen" }).CountAsync());
        await checks.CheckAsync(anouk, "paper ballots: uploaded");
        await Site.ScreenshotAsync(anouk, "paper-ballots-uploaded");

        var bram = await site.NewPageAsync("bram.jansen");
        await bram.GotoAsync($"/beheer/papieren-stembiljetten?begroting={budget}");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en tellen" }).ClickAsync();
        Assert.Contains("Bevestigd en geteld: 1 stembiljetten", await bram.GetByTestId("done").InnerTextAsync());
        await checks.CheckAsync(bram, "paper ballots: confirmed");
        await bram.GotoAsync($"/beheer/papieren-stembiljetten?begroting={budget}&lang=en");
        Assert.Contains("counted", await bram.GetByTestId("batches").InnerTextAsync());
        await checks.CheckAsync(bram, "paper ballots (en)");

        checks.AssertNone();
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
