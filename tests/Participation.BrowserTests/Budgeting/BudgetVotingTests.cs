using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Budgeting;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Budgeting;

/// <summary>
/// The buurtbudget in the browser: a resident votes with a demo voting code (without JavaScript), a signed-in resident
/// meets the running total and the over-budget error, the council's turnout equals the stored ballots, and every
/// budget page passes <see cref="PageChecks"/>.
/// </summary>
public sealed class BudgetVotingTests(Site site, ITestOutputHelper output) : IClassFixture<Site>
{
    private const string CodeBudget = "oosterpark-2026";      // voting codes STEM-KAAR-TAA2 … TAA9, approval 1–3, mes-complete
    private const string ResidentBudget = "binnenstad-2026";  // signed-in residents, knapsack within € 30.000, greedy

    [Fact]
    public async Task Resident_votes_with_a_demo_voting_code_gets_a_receipt_and_after_counting_sees_the_funded_projects_and_explanations()
    {
        var checks = new PageChecks(output);
        // Without JavaScript: the form, its errors and the receipt are all server-rendered.
        var resident = await site.NewPageAsync(javaScript: false);
        await resident.GotoAsync("/");
        await resident.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Buurtbudget" }).ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Buurtbudget Oosterpark 2026" }).ClickAsync();
        Assert.Contains("Kies hoogstens 3 plannen", await resident.GetByTestId("rules").InnerTextAsync());
        await resident.GetByRole(AriaRole.Link, new() { Name = "Stemmen", Exact = true }).ClickAsync();

        // Four projects break the rule: the rule's own Dutch text next to the projects.
        await resident.GetByLabel("Stemcode").FillAsync("stem-kaar-taa2");
        foreach (var title in new[] { "Zes bomen", "Speelplek", "Buurtbankjes", "Buurtmoestuin" })
        {
            await resident.GetByLabel(title).CheckAsync();
        }

        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        Assert.Equal("Kies hoogstens 3 plannen; deze stem heeft er 4.", (await resident.Locator("#ballot-fout").InnerTextAsync()).Trim());
        Assert.Contains("Te veel gekozen", await resident.GetByTestId("running-total").InnerTextAsync());
        await Site.ScreenshotAsync(resident, "budget-vote-error");

        // A code of the wrong shape is refused next to the code field; the choices are kept.
        await resident.GetByLabel("Buurtbankjes").UncheckAsync();
        await resident.GetByLabel("Buurtmoestuin").UncheckAsync();
        await resident.GetByLabel("Stemcode").FillAsync("STEM-KAAR");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        Assert.StartsWith("Vul de stemcode uit uw brief in", (await resident.Locator("#code-fout").InnerTextAsync()).Trim());
        Assert.Equal("true", await resident.Locator("#code").GetAttributeAsync("aria-invalid"));
        Assert.True(await resident.GetByLabel("Zes bomen").IsCheckedAsync());

        await resident.GetByLabel("Stemcode").FillAsync("stem-kaar-taa2");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAsync();
        var receipt = (await resident.GetByTestId("receipt").InnerTextAsync()).Trim();
        var fingerprint = (await resident.GetByTestId("fingerprint").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", receipt);
        Assert.DoesNotContain(receipt, resident.Url);
        await Site.ScreenshotAsync(resident, "budget-receipt");

        // The receipt check says it is counted and shows the same check code.
        await resident.GetByRole(AriaRole.Link, new() { Name = "Stembewijs controleren" }).ClickAsync();
        await resident.GetByLabel("Stembewijs").FillAsync(receipt.ToLowerInvariant());
        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        Assert.Equal("counted", await resident.GetByTestId("receipt-status").GetAttributeAsync("data-status"));
        Assert.Equal(fingerprint, (await resident.GetByTestId("checked-fingerprint").InnerTextAsync()).Trim());

        // axe needs JavaScript: the states above are scanned again in a browser with it (the voting errors in the next test).
        resident = await site.NewPageAsync();
        await resident.GotoAsync($"/buurtbudget/{CodeBudget}/stembewijs");
        await resident.GetByLabel("Stembewijs").FillAsync(receipt);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        Assert.Equal("counted", await resident.GetByTestId("receipt-status").GetAttributeAsync("data-status"));
        await checks.CheckAsync(resident, "receipt check");

        // Three neighbours vote through the API; before the results phase residents see no results.
        foreach (var (code, projects) in new[] { ("STEM-KAAR-TAA3", new[] { "p1", "p3" }), ("STEM-KAAR-TAA4", new[] { "p1", "p2" }), ("STEM-KAAR-TAA5", new[] { "p3", "p5" }) })
        {
            var cast = await resident.APIRequest.PostAsync($"/api/budgets/{CodeBudget}/ballots", new() { DataObject = new { code, projects } });
            Assert.True(cast.Ok, await cast.TextAsync());
        }

        await resident.GotoAsync($"/buurtbudget/{CodeBudget}/uitslag");
        Assert.Equal(1, await resident.GetByTestId("results-not-yet").CountAsync());

        // An admin closes the vote and publishes the results (the API has no shortcut: counting, then results).
        var admin = await resident.APIRequest.PostAsync("/api/dev/token", new() { DataObject = new { userId = "admin-ingrid" } });
        using (var token = JsonDocument.Parse(await admin.TextAsync()))
        {
            var bearer = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token.RootElement.GetProperty("accessToken").GetString() };
            foreach (var phase in new[] { "counting", "results" })
            {
                var moved = await resident.APIRequest.PostAsync($"/api/budgets/{CodeBudget}/phase", new() { DataObject = new { phase }, Headers = bearer });
                Assert.True(moved.Ok, await moved.TextAsync());
            }
        }

        var store = site.App.Services.GetRequiredService<BudgetStore>();
        var (_, allocation, stored) = await BudgetResults.CountAsync((await store.FindAsync(CodeBudget, CancellationToken.None))!,
            site.App.Services.GetRequiredService<BallotBox>(), CancellationToken.None);
        Assert.Contains("p1", allocation.Selected);
        Assert.Contains("p3", allocation.Selected);

        await resident.GotoAsync($"/buurtbudget/{CodeBudget}/stemmen");
        Assert.Equal(1, await resident.GetByTestId("voting-closed").CountAsync());
        await resident.GetByRole(AriaRole.Link, new() { Name = "Bekijk de uitslag" }).ClickAsync();
        var funded = resident.GetByTestId("funded").Locator("li[data-funded='true']");
        Assert.Equal(allocation.Selected.Order().ToArray(), (await funded.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.project)")).Order().ToArray());
        foreach (var explanation in await funded.GetByTestId("explanation").AllInnerTextsAsync())
        {
            Assert.StartsWith("Gefinancierd", explanation.Trim());
        }

        var notFunded = await resident.Locator("table[data-table='uitslag'] tr[data-project='p4'] td").Last.InnerTextAsync();
        Assert.StartsWith(allocation.IsSelected("p4") ? "Gefinancierd" : "Niet gefinancierd", notFunded.Trim());
        Assert.Equal(stored.Count.ToString(CultureInfo.InvariantCulture), (await resident.GetByTestId("ballots").InnerTextAsync()).Trim());
        await checks.CheckAsync(resident, "results");
        await Site.ScreenshotAsync(resident, "budget-results");

        await resident.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.StartsWith("Funded", (await funded.First.GetByTestId("explanation").InnerTextAsync()).Trim());
        await checks.CheckAsync(resident, "results (en)");
        checks.AssertNone();
    }

    [Fact]
    public async Task Signed_in_resident_sees_the_running_total_go_over_budget_and_votes_within_it()
    {
        var anonymous = await site.NewPageAsync();
        await anonymous.GotoAsync($"/buurtbudget/{ResidentBudget}/stemmen");
        Assert.Equal(1, await anonymous.GetByTestId("sign-in-first").CountAsync());

        var sanne = await site.NewPageAsync("resident-sanne");
        await sanne.GotoAsync($"/buurtbudget/{ResidentBudget}/stemmen");
        var total = sanne.GetByTestId("running-total");
        Assert.Equal("polite", await total.GetAttributeAsync("aria-live"));
        // Keyboard only: Tab to the first project and tick it with the space bar.
        await sanne.Locator("#plan-p1").FocusAsync();
        await sanne.Keyboard.PressAsync("Space");
        await Assertions.Expect(total).ToHaveTextAsync("Gekozen: 1 plan, samen € 12.000 van € 30.000. Nog over: € 18.000.");
        await sanne.GetByLabel("Groene binnenplaats").CheckAsync();
        await sanne.GetByLabel("Watertappunt op de markt").CheckAsync();
        await Assertions.Expect(total).ToContainTextAsync("Over het budget: de gekozen plannen kosten samen € 34.000, dat is € 4.000 meer dan € 30.000.");
        await Site.ScreenshotAsync(sanne, "budget-over");

        // The server refuses it too, with the knapsack rule's Dutch text next to the projects.
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        Assert.Equal("De gekozen plannen kosten samen € 34.000, meer dan het budget van € 30.000.", (await sanne.Locator("#ballot-fout").InnerTextAsync()).Trim());
        var checks = new PageChecks(output);
        await checks.CheckAsync(sanne, "vote: over budget");

        await sanne.GetByLabel("Groene binnenplaats").UncheckAsync();
        await Assertions.Expect(total).ToHaveTextAsync("Gekozen: 2 plannen, samen € 19.000 van € 30.000. Nog over: € 11.000.");
        // The review step shows the choice back, not yet cast; changing it keeps what was ticked.
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        Assert.Equal("2 plannen, samen € 19.000.", (await sanne.GetByTestId("review-total").InnerTextAsync()).Trim());
        Assert.Contains("Watertappunt op de markt", await sanne.GetByTestId("ballot-review").InnerTextAsync());
        Assert.Equal(0, await sanne.GetByTestId("receipt").CountAsync());
        await checks.CheckAsync(sanne, "vote: review");
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Keuze wijzigen" }).ClickAsync();
        Assert.True(await sanne.Locator("#plan-p1").IsCheckedAsync());
        Assert.False(await sanne.GetByLabel("Groene binnenplaats").IsCheckedAsync());
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAsync();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", (await sanne.GetByTestId("receipt").InnerTextAsync()).Trim());
        await checks.CheckAsync(sanne, "receipt");
        checks.AssertNone();
    }

    [Fact]
    public async Task Dashboard_budget_turnout_equals_the_stored_ballots_over_the_issued_codes()
    {
        // At least one ballot, whichever test ran first (after the voting test the budget is closed: 409 is fine).
        var voter = await site.NewPageAsync();
        await voter.APIRequest.PostAsync($"/api/budgets/{CodeBudget}/ballots", new() { DataObject = new { code = "STEM-KAAR-TAA9", projects = new[] { "p2" } } });

        // Counted straight from the table, not through the dashboard's query.
        var table = site.App.Services.GetRequiredService<TableServiceClient>().GetTableClient(BallotBox.Table);
        int ballots = 0, codes = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {CodeBudget + "|"} and PartitionKey lt {CodeBudget + "}"}"), select: ["RowKey"]))
        {
            ballots += entity.RowKey.StartsWith("ballot|", StringComparison.Ordinal) ? 1 : 0;
            codes += entity.RowKey.StartsWith("code|", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(8, codes);
        Assert.True(ballots > 0);
        var council = await site.NewPageAsync("council-jeroen");
        await council.GotoAsync("/raad");
        var row = council.Locator($"table[data-table='budget-opkomst'] tr[data-budget='{CodeBudget}']");
        Assert.Equal(ballots.ToString(CultureInfo.InvariantCulture), await row.Locator("[data-ballots]").GetAttributeAsync("data-ballots"));
        Assert.Equal(codes.ToString(CultureInfo.InvariantCulture), await row.Locator("[data-eligible]").GetAttributeAsync("data-eligible"));
        Assert.Equal(((double)ballots / codes).ToString(CultureInfo.InvariantCulture), await row.Locator("[data-turnout]").GetAttributeAsync("data-turnout"));
        Assert.Equal("", await council.Locator($"table[data-table='budget-opkomst'] tr[data-budget='{ResidentBudget}'] [data-turnout]").GetAttributeAsync("data-turnout"));
        await Site.ScreenshotAsync(council, "council-budget-turnout");

        using var json = JsonDocument.Parse(await (await council.APIRequest.GetAsync("/api/council/dashboard")).TextAsync());
        var turnout = json.RootElement.GetProperty("budgets").GetProperty("turnout").EnumerateArray().Single(t => t.GetProperty("budgetId").GetString() == CodeBudget);
        Assert.Equal(ballots, turnout.GetProperty("ballots").GetInt32());
        Assert.Equal(codes, turnout.GetProperty("eligible").GetInt32());
        var csv = await (await council.APIRequest.GetAsync("/api/council/dashboard.csv")).TextAsync();
        Assert.Contains($"\"budget-ballots\",\"{CodeBudget}\",\"Oosterpark\",{ballots}", csv);
    }

    [Fact]
    public async Task Every_budget_page_passes_axe_and_does_not_scroll_sideways_on_a_phone()
    {
        var checks = new PageChecks(output);
        // The voting tests above scan the error, review, receipt and results states too.
        await checks.WalkAsync(site,
        [
            (null, "/buurtbudget"), (null, $"/buurtbudget/{CodeBudget}"), (null, $"/buurtbudget/{CodeBudget}/stemmen"),
            (null, $"/buurtbudget/{CodeBudget}/stembewijs"), (null, $"/buurtbudget/{CodeBudget}/uitslag"), (null, $"/buurtbudget/{ResidentBudget}/stemmen"),
            ("resident-sanne", $"/buurtbudget/{ResidentBudget}/stemmen"), ("resident-sanne", $"/buurtbudget/{ResidentBudget}/stemmen?lang=en"),
        ]);
        checks.AssertNone();
    }
}
