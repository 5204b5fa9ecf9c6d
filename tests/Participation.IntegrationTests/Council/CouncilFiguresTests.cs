using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Participation.App.Budgeting;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Budgeting;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Council;

/// <summary>
/// The council's figures come from stored aggregates (the index's day rows, the ballot partitions' counts), not from
/// reading every initiative and ballot, and they follow every change as the full reads did.
/// </summary>
public sealed class CouncilFiguresTests(BackOfficeFixture office, BudgetingFixture budgets) : IClassFixture<BackOfficeFixture>, IClassFixture<BudgetingFixture>
{
    [Fact]
    public async Task Initiative_figures_follow_submissions_and_answers_and_survive_the_day_rows_being_lost()
    {
        var council = await office.Office.Factory.AsAsync("council-jeroen");
        var before = await DashboardAsync(council);

        var codes = new[]
        {
            await office.Office.SubmitAsync(new { title = "Bankje bij de haven", description = "Om uit te rusten.", neighbourhood = "westhaven" }),
            await office.Office.SubmitAsync(new { title = "Speeltuin opknappen", description = "De glijbaan is kapot.", neighbourhood = "westhaven" }),
            await office.Office.SubmitAsync(new { title = "Fietsenrek bij de school", description = "Er staan fietsen op de stoep.", neighbourhood = "oosterpark" }),
        };
        await Eventually.HoldsAsync(async () => Figure(await DashboardAsync(council), "initiatives") == Figure(before, "initiatives") + 3,
            "the three submissions are counted");
        var counted = await DashboardAsync(council);
        Assert.Equal(Neighbourhood(before, "westhaven") + 2, Neighbourhood(counted, "westhaven"));
        Assert.Equal(Neighbourhood(before, "oosterpark") + 1, Neighbourhood(counted, "oosterpark"));
        var index = new TableClient(office.Office.Storage.ConnectionString, InitiativeStore.IndexTable);
        var today = await index.GetEntityAsync<TableEntity>("days", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(today.Value.GetInt32("Count") >= 3, "today's day row holds the three submissions");

        // An official's first response becomes a lead time once the case's index row is rewritten.
        await office.Office.WaitForStatusAsync(codes[0], "routed");
        var lotte = await office.Office.Factory.AsAsync("lotte.smit");
        var version = (await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{codes[0]}")).GetProperty("version").GetString();
        (await lotte.PostAsJsonAsync($"/api/cases/{codes[0]}/start-review", new { version })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => Measured(await DashboardAsync(council), "first-response-median") == Measured(before, "first-response-median") + 1,
            "the first response is measured");

        // A store from before the day rows were kept (or one that lost them) sums the index up again on the first view.
        await foreach (var day in index.QueryAsync<TableEntity>("PartitionKey eq 'days'", select: ["PartitionKey", "RowKey"]))
        {
            await index.DeleteEntityAsync(day.PartitionKey, day.RowKey);
        }

        await using var upgraded = new PlatformFactory(office.Office.Storage.ConnectionString, new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        var rebuilt = await DashboardAsync(await upgraded.AsAsync("council-jeroen"));
        Assert.Equal(Figure(counted, "initiatives"), Figure(rebuilt, "initiatives"));
        Assert.Equal(Neighbourhood(counted, "westhaven"), Neighbourhood(rebuilt, "westhaven"));
        Assert.Equal(Measured(before, "first-response-median") + 1, Measured(rebuilt, "first-response-median"));
    }

    [Fact]
    public async Task Turnout_counts_each_voter_once_from_the_partition_counts_and_from_ballots_stored_before_counts_were_kept()
    {
        var (id, codes) = await budgets.VotingBudgetWithCodesAsync(10_000, [4_000, 3_000, 2_000], new { voteType = "approval", maxProjects = 2, outcomeRule = "greedy" }, codes: 8);
        await Task.WhenAll(codes.Take(5).Select(async code => await BudgetingFixture.OkAsync(
            await budgets.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p1" } }))));
        // Two voters change their minds: still five voters.
        foreach (var code in codes.Take(2))
        {
            await BudgetingFixture.OkAsync(await budgets.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p2", "p3" } }));
        }

        Assert.Equal((5, 8), await TurnoutAsync(id));
        var ballots = new TableClient(await Azurite.SharedConnectionStringAsync(), BallotBox.Table);
        var counts = await CountRowsAsync(ballots, id);
        Assert.Equal(5, counts.Sum(c => c.GetInt64("Ballots") ?? 0));

        // Ballots stored before the partitions kept a count are counted from their rows, and the next first ballot starts the count.
        foreach (var count in counts)
        {
            await ballots.DeleteEntityAsync(count.PartitionKey, count.RowKey);
        }

        Assert.Equal((5, 8), await TurnoutAsync(id));
        await BudgetingFixture.OkAsync(await budgets.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[5], projects = new[] { "p1" } }));
        Assert.Equal((6, 8), await TurnoutAsync(id));
        Assert.Single(await CountRowsAsync(ballots, id));
    }

    [Fact]
    public async Task Turnout_holds_paper_ballots_only_once_their_batch_is_counted()
    {
        var (id, codes) = await budgets.VotingBudgetWithCodesAsync(10_000, [4_000, 3_000], new { voteType = "approval", maxProjects = 2, outcomeRule = "greedy" }, codes: 4);
        await BudgetingFixture.OkAsync(await budgets.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p1" } }));
        var anouk = await budgets.Factory.AsAsync("anouk.devries");
        var batch = (await BudgetingFixture.StatusAsync(await anouk.PostAsync($"/api/budgets/{id}/paper-ballots",
            new StringContent($"code,projects\n{codes[1]},p1\n{codes[2]},p2\n", System.Text.Encoding.UTF8, "text/csv")), System.Net.HttpStatusCode.Accepted))
            .GetProperty("batchId").GetString()!;

        // Being confirmed: one of its two ballots stored, the batch not yet counted.
        await CutOffConfirmation.StoreFirstBallotOnlyAsync(budgets.Factory.Services, id, batch);
        Assert.Equal((1, 4), await TurnoutAsync(id));

        await BudgetingFixture.OkAsync(await (await budgets.Factory.AsAsync("bram.jansen")).PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null));
        Assert.Equal((3, 4), await TurnoutAsync(id));
        await BudgetingFixture.OkAsync(await budgets.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[3], projects = new[] { "p2" } }));
        Assert.Equal((4, 4), await TurnoutAsync(id));
    }

    private async Task<(int Ballots, int? Eligible)> TurnoutAsync(string budgetId)
    {
        var turnout = (await DashboardAsync(budgets.Council)).GetProperty("budgets").GetProperty("turnout").EnumerateArray()
            .Single(t => t.GetProperty("budgetId").GetString() == budgetId);
        var eligible = turnout.GetProperty("eligible");
        return (turnout.GetProperty("ballots").GetInt32(), eligible.ValueKind == JsonValueKind.Null ? null : eligible.GetInt32());
    }

    private static async Task<List<TableEntity>> CountRowsAsync(TableClient ballots, string budgetId)
    {
        var rows = new List<TableEntity>();
        foreach (var partition in BallotBox.Partitions(budgetId))
        {
            await foreach (var row in ballots.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq 'count'")))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient council) =>
        await council.GetFromJsonAsync<JsonElement>("/api/council/dashboard?days=30");

    private static JsonElement FigureOf(JsonElement dashboard, string key) =>
        dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    private static double Figure(JsonElement dashboard, string key) => FigureOf(dashboard, key).GetProperty("current").GetDouble();

    private static int Measured(JsonElement dashboard, string key) =>
        FigureOf(dashboard, key).GetProperty("measured") is { ValueKind: JsonValueKind.Number } measured ? measured.GetInt32() : 0;

    private static int Neighbourhood(JsonElement dashboard, string code) =>
        dashboard.GetProperty("byNeighbourhood").EnumerateArray().SingleOrDefault(c => c.GetProperty("code").GetString() == code) is { ValueKind: JsonValueKind.Object } count
            ? count.GetProperty("current").GetInt32()
            : 0;
}
