using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Audit;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.IntegrationTests.Infrastructure;
using static Participation.IntegrationTests.Budgeting.BudgetingFixture;
using Participation.Budgeting.Lifecycle;

namespace Participation.IntegrationTests.Budgeting;

public sealed class BudgetVotingTests(BudgetingFixture fixture) : IClassFixture<BudgetingFixture>
{
    private static readonly object ApprovalUpTo2 = new { voteType = "approval", minProjects = 1, maxProjects = 2, outcomeRule = "greedy" };

    [Fact]
    public async Task Rules_freeze_when_voting_opens_and_every_change_is_audited()
    {
        var id = await fixture.VotingBudgetAsync(10_000, [4_000, 5_000, 3_000], ApprovalUpTo2);

        await StatusAsync(await fixture.Admin.PutAsJsonAsync($"/api/budgets/{id}/rules", new { voteType = "approval", maxProjects = 3, outcomeRule = "mes" }), HttpStatusCode.Conflict);
        await StatusAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = "Te laat", cost = 100 }), HttpStatusCode.Conflict);
        await StatusAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "review" }), HttpStatusCode.Conflict);

        var budget = await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}"));
        Assert.True(budget.GetProperty("rulesFrozen").GetBoolean());
        Assert.Equal(["p1", "p2", "p3"], budget.GetProperty("tieBreakOrder").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Kies hoogstens 2 plannen", budget.GetProperty("explained").GetProperty("dutch").GetString());
        Assert.Contains("Choose at most 2 projects", budget.GetProperty("explained").GetProperty("english").GetString());

        var table = fixture.Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(BudgetStore.Table);
        var audit = await AuditTrail.ReadAsync(table, id, CancellationToken.None);
        Assert.Equal(["budget.created", "budget.project-added", "budget.project-added", "budget.project-added", "budget.rules-set", "budget.phase-moved"],
            audit.OrderBy(a => a.At).Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin-ingrid", a.ActorId));
        Assert.Contains("phase=voting", audit.Single(a => a.Action == "budget.phase-moved").After);
    }

    [Fact]
    public async Task Voting_before_it_opens_or_after_it_closes_is_409()
    {
        var id = await fixture.PreparedBudgetAsync(10_000, [4_000, 5_000], ApprovalUpTo2);
        var code = (await fixture.CodesAsync(id, 1))[0];

        var early = await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p1" } }), HttpStatusCode.Conflict);
        Assert.Equal("Voting has not opened", early.GetProperty("title").GetString());

        await OkAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        await OkAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p1" } }));
        await OkAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "counting" }));

        var late = await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p2" } }), HttpStatusCode.Conflict);
        Assert.Equal("Voting has closed", late.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bad_ballot_is_400_naming_the_rule_it_breaks_in_English_and_Dutch()
    {
        var (id, codes) = await fixture.VotingBudgetWithCodesAsync(10_000, [4_000, 5_000, 3_000], new { voteType = "knapsack", maxProjects = 3, outcomeRule = "mes-complete" }, 1);
        var code = codes[0];

        var over = await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p1", "p2", "p3" } }), HttpStatusCode.BadRequest);
        Assert.Equal("knapsack", over.GetProperty("rule").GetString());
        Assert.Equal("knapsack.over_budget", over.GetProperty("code").GetString());
        Assert.Contains("€ 10.000", over.GetProperty("dutch").GetString());
        var unknown = await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p9" } }), HttpStatusCode.BadRequest);
        Assert.Equal("knapsack.unknown_project", unknown.GetProperty("code").GetString());
        var wrongCode = await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = "AAAA-BBBB-CCCC", projects = new[] { "p1" } }), HttpStatusCode.BadRequest);
        Assert.True(wrongCode.GetProperty("errors").TryGetProperty("code", out _));
        await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { projects = new[] { "p1" } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_receipt_shows_the_ballot_is_counted_and_a_replacement_supersedes_it_without_revealing_content()
    {
        var (id, codes) = await fixture.VotingBudgetWithCodesAsync(10_000, [4_000, 5_000, 3_000], ApprovalUpTo2, 1);
        var code = codes[0];

        var first = await OkAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = code.ToLowerInvariant().Replace("-", " "), projects = new[] { "p1" } }));
        Assert.False(first.GetProperty("replaced").GetBoolean());
        var receipt = first.GetProperty("receipt").GetString();
        var check = await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}/receipts/{receipt}"));
        Assert.Equal("counted", check.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("fingerprint").GetString(), check.GetProperty("fingerprint").GetString());
        Assert.DoesNotContain("p1", check.GetRawText());

        var second = await OkAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p2", "p3" } }));
        Assert.True(second.GetProperty("replaced").GetBoolean());
        Assert.Equal("replaced", (await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}/receipts/{receipt}"))).GetProperty("status").GetString());
        Assert.Equal("counted", (await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}/receipts/{second.GetProperty("receipt").GetString()}"))).GetProperty("status").GetString());
        await StatusAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}/receipts/ABCD-EFGH-JKMN"), HttpStatusCode.NotFound);

        var ballots = await fixture.Factory.Services.GetRequiredService<BallotBox>().ReadAllAsync(id, CancellationToken.None);
        Assert.Equal(["p2", "p3"], Assert.Single(ballots).Ballot.Projects);
    }

    [Fact]
    public async Task A_signed_in_resident_binds_the_first_code_and_cannot_vote_again_with_another()
    {
        var (id, codes) = await fixture.VotingBudgetWithCodesAsync(10_000, [4_000, 5_000], ApprovalUpTo2, 2);
        var sanne = await fixture.Factory.AsAsync("resident-sanne");

        await OkAsync(await sanne.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p1" } }));
        await StatusAsync(await sanne.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[1], projects = new[] { "p2" } }), HttpStatusCode.Conflict);
        await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p2" } }), HttpStatusCode.Forbidden);
        await OkAsync(await sanne.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p2" } }));

        var ballots = await fixture.Factory.Services.GetRequiredService<BallotBox>().ReadAllAsync(id, CancellationToken.None);
        Assert.Equal(["p2"], Assert.Single(ballots).Ballot.Projects);
    }

    [Fact]
    public async Task A_residents_budget_keys_ballots_by_resident_with_unrelated_pseudonyms_per_budget()
    {
        var first = await fixture.VotingBudgetAsync(10_000, [4_000, 5_000], ApprovalUpTo2, eligibility: "residents");
        var second = await fixture.VotingBudgetAsync(10_000, [4_000, 5_000], ApprovalUpTo2, eligibility: "residents");
        var milan = await fixture.Factory.AsAsync("resident-milan");

        await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{first}/ballots", new { projects = new[] { "p1" } }), HttpStatusCode.Unauthorized);
        await OkAsync(await milan.PostAsJsonAsync($"/api/budgets/{first}/ballots", new { projects = new[] { "p1" } }));
        Assert.True((await OkAsync(await milan.PostAsJsonAsync($"/api/budgets/{first}/ballots", new { projects = new[] { "p1", "p2" } }))).GetProperty("replaced").GetBoolean());
        await OkAsync(await milan.PostAsJsonAsync($"/api/budgets/{second}/ballots", new { projects = new[] { "p2" } }));

        var table = fixture.Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(BallotBox.Table);
        var keys = new List<string>();
        foreach (var budget in new[] { first, second })
        {
            await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey ge '{budget}|' and PartitionKey lt '{budget}}}' ", select: ["RowKey"]))
            {
                keys.Add(row.RowKey);
            }
        }

        Assert.Equal(2, keys.Count(k => k.StartsWith("ballot|", StringComparison.Ordinal)));
        Assert.Equal(2, keys.Where(k => k.StartsWith("ballot|", StringComparison.Ordinal)).Distinct().Count());
        Assert.DoesNotContain(keys, k => k.Contains("resident-milan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paper_ballots_are_imported_once_and_never_on_top_of_an_online_vote()
    {
        var (id, codes) = await fixture.VotingBudgetWithCodesAsync(10_000, [4_000, 5_000, 3_000], ApprovalUpTo2, 3);
        await OkAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p1" } }));
        var official = await fixture.Factory.AsAsync("anouk.devries");

        // Two steps since issue #12: the upload reports what it can tell from the file (a repeated code, a broken rule)
        // and counts nothing; the confirmation by someone else counts and reports what only the ballot box knows.
        var csv = $"code,projects\n{codes[0]},\"p2,p3\"\n{codes[1]},\"p2,p3\"\n{codes[1]},p1\nZZZZ-ZZZZ-ZZZZ,p1\n{codes[2]},\"p1,p2,p3\"\n";
        var upload = await StatusAsync(await fixture.Admin.PostAsync($"/api/budgets/{id}/paper-ballots", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv")), HttpStatusCode.Accepted);
        Assert.Equal("pending", upload.GetProperty("status").GetString());
        Assert.Equal([4], upload.GetProperty("duplicates").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([6], upload.GetProperty("rejected").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        var confirmed = await OkAsync(await official.PostAsync($"/api/budgets/{id}/paper-ballots/{upload.GetProperty("batchId").GetString()}/confirm", null));

        Assert.Equal(1, confirmed.GetProperty("imported").GetInt32());
        Assert.Equal([2], confirmed.GetProperty("duplicates").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([5], confirmed.GetProperty("rejected").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        await StatusAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[1], projects = new[] { "p1" } }), HttpStatusCode.Conflict);
        var ballots = await fixture.Factory.Services.GetRequiredService<BallotBox>().ReadAllAsync(id, CancellationToken.None);
        Assert.Equal(2, ballots.Count);
        Assert.Equal(["p2", "p3"], Assert.Single(ballots, b => b.Paper).Ballot.Projects);
    }

    [Fact]
    public async Task Results_are_counted_once_per_change_of_the_budget_and_then_served_as_stored()
    {
        var (id, codes) = await fixture.VotingBudgetWithCodesAsync(10_000, [4_000, 5_000, 3_000], ApprovalUpTo2, 3);
        await OkAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p1" } }));
        await OkAsync(await fixture.Anonymous.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[1], projects = new[] { "p2" } }));
        await OkAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "counting" }));
        await Task.Delay(BudgetStore.SettledAfter + TimeSpan.FromSeconds(1));
        var counted = await OkAsync(await fixture.Council.GetAsync($"/api/budgets/{id}/results"));
        Assert.Equal(2, counted.GetProperty("ballots").GetInt64());

        // A ballot that reaches the table without changing the budget is not counted again on the next request:
        // the stored count is served until the budget itself changes.
        var box = fixture.Factory.Services.GetRequiredService<BallotBox>();
        await box.CastAsync(box.ForCode(id, VotingCodes.Normalise(codes[2])!), Ballot.Approval(["p3"]), null, paper: true, DateTimeOffset.UtcNow, CancellationToken.None);
        var served = await OkAsync(await fixture.Council.GetAsync($"/api/budgets/{id}/results"));
        Assert.Equal(2, served.GetProperty("ballots").GetInt64());

        await OkAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "results" }));
        var recounted = await OkAsync(await fixture.Council.GetAsync($"/api/budgets/{id}/results"));
        Assert.Equal(3, recounted.GetProperty("ballots").GetInt64());
        Assert.Equal("results", recounted.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Officials_manage_budgets_of_their_own_neighbourhoods_and_projects_come_from_accepted_initiatives()
    {
        var lotte = await fixture.Factory.AsAsync("lotte.smit");
        await StatusAsync(await lotte.PostAsJsonAsync("/api/budgets", new { id = NewId(), title = "Elders", neighbourhood = "oosterpark", amount = 1000 }), HttpStatusCode.Forbidden);
        await StatusAsync(await lotte.PostAsJsonAsync("/api/budgets", new { id = "X", title = "", amount = -1 }), HttpStatusCode.BadRequest);
        await StatusAsync(await fixture.Factory.CreateClient().PostAsJsonAsync("/api/budgets", new { id = NewId(), title = "Anoniem", neighbourhood = "binnenstad", amount = 1000 }), HttpStatusCode.Unauthorized);
        var id = NewId();
        await OkAsync(await lotte.PostAsJsonAsync("/api/budgets", new { id, title = "Binnenstad", neighbourhood = "binnenstad", amount = 20_000 }));

        var store = fixture.Factory.Services.GetRequiredService<InitiativeStore>();
        var code = "BI-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await store.CreateAsync(new InitiativeCase
        {
            TrackingCode = code, Title = "Bankjes op het plein", Description = "Drie bankjes.", Neighbourhood = "binnenstad",
            Status = InitiativeStatus.Accepted, SubmitterId = "demo", SubmittedAt = DateTimeOffset.UtcNow,
        }, new TimelineEntry(DateTimeOffset.UtcNow, "accepted", InitiativeStatus.Accepted, ActorKind.System, "system", null, null), CancellationToken.None);

        await OkAsync(await lotte.PostAsJsonAsync($"/api/budgets/{id}/projects", new { initiative = code, cost = 4_500, feasibilityNote = "Haalbaar." }));
        var budget = await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}"));
        var project = Assert.Single(budget.GetProperty("projects").EnumerateArray());
        Assert.Equal("Bankjes op het plein", project.GetProperty("title").GetString());
        Assert.Equal(code, project.GetProperty("initiative").GetString());
        await StatusAsync(await lotte.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_timer_moves_budgets_on_their_dates_and_audits_it_as_the_schedule()
    {
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        var id = await fixture.PreparedBudgetAsync(10_000, [4_000], ApprovalUpTo2,
            dates: new { proposals = past.AddDays(-10), review = past.AddDays(-5), voting = past, counting = DateTimeOffset.UtcNow.AddDays(10) });
        var empty = NewId();
        await OkAsync(await fixture.Admin.PostAsJsonAsync("/api/budgets", new { id = empty, title = "Leeg", neighbourhood = "oosterpark", amount = 1000, dates = new { voting = past } }));

        using (var scope = fixture.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdvanceBudgetPhases>().RunAsync(new TimerInfo(DateTimeOffset.UtcNow, false), CancellationToken.None);
        }

        var budget = await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}"));
        Assert.Equal("voting", budget.GetProperty("phase").GetString());
        Assert.True(budget.GetProperty("acceptsBallots").GetBoolean());
        Assert.Equal("proposals", (await OkAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{empty}"))).GetProperty("phase").GetString());
        var table = fixture.Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(BudgetStore.Table);
        Assert.Contains(await AuditTrail.ReadAsync(table, id, CancellationToken.None), a => a.Action == "budget.phase-moved" && a.ActorId == "system:AdvanceBudgetPhases");
    }

    [Fact]
    public async Task The_demo_budget_is_open_for_voting_with_the_printed_demo_codes()
    {
        // Run the seed itself: on a shared Azurite another test's app may have claimed the demo marker and stopped before seeding.
        var seed = fixture.Factory.Services.GetServices<Participation.App.Demo.IDemoSeed>().OfType<Participation.App.Demo.BudgetDemoSeed>().Single();
        await seed.SeedAsync(CancellationToken.None);
        await seed.SeedAsync(CancellationToken.None); // idempotent
        var budget = await OkAsync(await fixture.Anonymous.GetAsync("/api/budgets/oosterpark-2026"));
        Assert.Equal("voting", budget.GetProperty("phase").GetString());
        await OkAsync(await fixture.Anonymous.PostAsJsonAsync("/api/budgets/oosterpark-2026/ballots", new { code = Participation.App.Demo.BudgetDemoSeed.DemoCodes[^1], projects = new[] { "p1", "p3" } }));
    }

    [Fact]
    public async Task Concurrent_repeats_and_replacements_of_500_voters_store_500_ballots_and_the_count_is_that_of_their_last_ballots()
    {
        long[] costs = [9_000, 7_000, 6_000, 5_000, 4_000, 3_000];
        var (id, codes) = await fixture.VotingBudgetWithCodesAsync(20_000, costs, new { voteType = "approval", minProjects = 1, maxProjects = 3, outcomeRule = "mes-complete" }, 500);
        var random = new Random(2026);
        string[] Pick() => [.. Enumerable.Range(1, costs.Length).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(i => $"p{i}")];
        var plans = codes.Select(code => (Code: code, First: Pick(), Second: Pick(), Last: Pick())).ToList();
        using var client = fixture.Factory.CreateClient();

        async Task Send(string code, string[] projects) =>
            await OkAsync(await client.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects }));

        // Per voter: the same first ballot twice at once (a double click), then a replacement, then the last word.
        await Task.WhenAll(plans.Select(async plan =>
        {
            await Task.WhenAll(Send(plan.Code, plan.First), Send(plan.Code, plan.First));
            await Send(plan.Code, plan.Second);
            await Send(plan.Code, plan.Last);
        }));

        var stored = await fixture.Factory.Services.GetRequiredService<BallotBox>().ReadAllAsync(id, CancellationToken.None);
        Assert.Equal(500, stored.Count);
        await OkAsync(await fixture.Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "results" }));
        var results = await OkAsync(await fixture.Council.GetAsync($"/api/budgets/{id}/results"));

        var projects = costs.Select((cost, i) => new Project($"p{i + 1}", cost, $"Plan {i + 1}"));
        var expected = BudgetRules.Run("mes-complete",
            Election.Create(20_000, VoteType.Approval, projects, plans.Select(p => Ballot.Approval(p.Last)), costs.Select((_, i) => $"p{i + 1}")), CancellationToken.None);
        Assert.Equal(expected.Selected, results.GetProperty("funded").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(expected.Leftover, results.GetProperty("leftover").GetInt64());
        Assert.Equal(500, results.GetProperty("ballots").GetInt64());
        foreach (var project in results.GetProperty("projects").EnumerateArray())
        {
            Assert.Equal(expected.Votes.GetValueOrDefault(project.GetProperty("id").GetString()!), project.GetProperty("votes").GetInt64());
            Assert.False(string.IsNullOrWhiteSpace(project.GetProperty("dutch").GetString()));
        }

        var export = await fixture.Council.GetAsync($"/api/budgets/{id}/ballots.pb");
        var file = PabulibReader.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal(expected.Selected.Order(), file.Selected.Order());
        Assert.Equal(expected.Selected, BudgetRules.Run("mes-complete", file.ToElection(), CancellationToken.None).Selected);
        Assert.DoesNotContain(codes[0], await export.Content.ReadAsStringAsync());
        await StatusAsync(await fixture.Anonymous.GetAsync($"/api/budgets/{id}/results"), HttpStatusCode.Unauthorized);
    }
}
