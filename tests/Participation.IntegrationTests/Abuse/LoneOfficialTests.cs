using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Audit;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.App.Identity;
using Participation.IntegrationTests.Budgeting;
using Participation.IntegrationTests.Infrastructure;
using static Participation.IntegrationTests.Budgeting.BudgetingFixture;
using Participation.Budgeting.Lifecycle;

namespace Participation.IntegrationTests.Abuse;

/// <summary>
/// The real app behind a real socket on Azurite, so that client addresses come from X-Forwarded-For as the Functions
/// host sends them. Limits are set low enough to reach in a test.
/// </summary>
public sealed class LoneOfficialFixture : IAsyncLifetime
{
    public const int VotesPerCode = 3;
    public const int VoteAddressCeiling = 40;
    public const int HealthAddressCeiling = 5;

    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            ["RateLimits:votes-per-code:PermitLimit"] = $"{VotesPerCode}",
            ["RateLimits:voting-codes:AddressPermitLimit"] = $"{VoteAddressCeiling}",
            ["RateLimits:health:AddressPermitLimit"] = $"{HealthAddressCeiling}",
        });
        Factory.UseKestrel(0);
        Factory.StartServer();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// One official acting alone cannot change a vote: codes only before voting and up to the eligible voters, replacements
/// only by an administrator, paper ballots only with a second person's confirmation, every change audited in the same
/// transaction — and rate limits that stop one hammering client without locking out a polling station.
/// </summary>
public sealed class LoneOfficialTests(LoneOfficialFixture fixture) : IClassFixture<LoneOfficialFixture>
{
    private static readonly object Approval = new { voteType = "approval", minProjects = 1, maxProjects = 2, outcomeRule = "greedy" };
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Codes_are_generated_only_before_voting_opens_and_never_beyond_the_eligible_voters()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var unset = await BudgetAsync(admin, eligibleVoters: null);
        var refusedUnset = await StatusAsync(await anouk.PostAsJsonAsync($"/api/budgets/{unset}/voting-codes", new { count = 1 }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("voting_codes.eligible_not_set", refusedUnset.GetProperty("code").GetString());

        var id = await BudgetAsync(admin, eligibleVoters: 5);
        Assert.Equal(3, (await CodesAsync(anouk, id, 3)).Count);
        var beyond = await StatusAsync(await anouk.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count = 3 }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("voting_codes.beyond_eligible", beyond.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(beyond.GetProperty("dutch").GetString()));
        Assert.Equal(["4", "5"], (await CodeLinesAsync(anouk, id, 2)).Select(l => l.Letter));

        // Lowering the cap below what is issued is refused too: the cap cannot be walked around.
        await StatusAsync(await anouk.PutAsJsonAsync($"/api/budgets/{id}/eligible-voters", new { eligibleVoters = 4 }), HttpStatusCode.UnprocessableEntity);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var late = await StatusAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count = 1 }), HttpStatusCode.Conflict);
        Assert.Equal("voting_codes.voting_opened", late.GetProperty("code").GetString());

        var box = Factory.Services.GetRequiredService<BallotBox>();
        Assert.Equal(5, await box.CountCodesAsync(id, CancellationToken.None));
        var generated = (await AuditAsync(id)).Where(a => a.Action == "budget.voting-codes-generated").ToList();
        Assert.Equal(2, generated.Count);
        Assert.All(generated, a => Assert.Equal("anouk.devries", a.ActorId));
        Assert.Contains("codes=5", generated.OrderBy(a => a.At).Last().After);
    }

    [Fact]
    public async Task A_replacement_code_during_voting_is_an_admin_action_that_voids_the_unused_old_code_and_is_audited()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var id = await BudgetAsync(admin, eligibleVoters: 2);
        var codes = await CodesAsync(anouk, id, 2);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var resident = Factory.CreateClient();

        await StatusAsync(await anouk.PostAsJsonAsync($"/api/budgets/{id}/voting-codes/replacements", new { letter = 1 }), HttpStatusCode.Forbidden);
        var replaced = await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/voting-codes/replacements", new { letter = 1 }));
        var fresh = replaced.GetProperty("code").GetString()!;

        Assert.NotEqual(codes[0], fresh);
        await StatusAsync(await resident.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p1" } }), HttpStatusCode.BadRequest);
        await OkAsync(await resident.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = fresh, projects = new[] { "p1" } }));
        await OkAsync(await resident.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[1], projects = new[] { "p2" } }));
        var used = await StatusAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/voting-codes/replacements", new { letter = 2 }), HttpStatusCode.Conflict);
        Assert.Equal("voting_codes.already_used", used.GetProperty("code").GetString());

        Assert.Equal(2, await Factory.Services.GetRequiredService<BallotBox>().CountCodesAsync(id, CancellationToken.None));
        var entry = Assert.Single(await AuditAsync(id), a => a.Action == "budget.voting-code-replaced");
        Assert.Equal(("admin-ingrid", "letter=1"), (entry.ActorId, entry.Before));
    }

    [Fact]
    public async Task Paper_ballots_count_only_once_another_official_confirms_and_confirming_twice_counts_once()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var bram = await Factory.AsAsync("bram.jansen");
        var lotte = await Factory.AsAsync("lotte.smit"); // an official of other neighbourhoods
        var id = await BudgetAsync(admin, eligibleVoters: 3);
        var codes = await CodesAsync(admin, id, 3);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var box = Factory.Services.GetRequiredService<BallotBox>();

        var upload = await StatusAsync(await anouk.PostAsync($"/api/budgets/{id}/paper-ballots",
            new StringContent($"code,projects\n{codes[0]},p1\n{codes[1]},\"p1,p2\"\n", Encoding.UTF8, "text/csv")), HttpStatusCode.Accepted);
        var batch = upload.GetProperty("batchId").GetString()!;
        Assert.Equal("pending", upload.GetProperty("status").GetString());
        Assert.Empty(await box.ReadAllAsync(id, CancellationToken.None));

        var self = await StatusAsync(await anouk.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null), HttpStatusCode.Forbidden);
        Assert.Equal("paper_ballots.same_official", self.GetProperty("code").GetString());
        await StatusAsync(await lotte.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null), HttpStatusCode.Forbidden);
        Assert.Empty(await box.ReadAllAsync(id, CancellationToken.None));

        var confirmations = await Task.WhenAll(
            bram.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null),
            admin.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null));
        foreach (var confirmation in confirmations)
        {
            Assert.Equal(2, (await OkAsync(confirmation)).GetProperty("imported").GetInt32());
        }

        Assert.Equal(2, (await OkAsync(await bram.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null))).GetProperty("imported").GetInt32());
        Assert.Equal(2, (await box.ReadAllAsync(id, CancellationToken.None)).Count(b => b.Paper));

        var listed = Assert.Single((await OkAsync(await bram.GetAsync($"/api/budgets/{id}/paper-ballots"))).EnumerateArray());
        Assert.Equal(("counted", "anouk.devries"), (listed.GetProperty("status").GetString(), listed.GetProperty("uploadedBy").GetString()));
        Assert.NotEqual("anouk.devries", listed.GetProperty("confirmedBy").GetString());
        var actions = (await AuditAsync(id)).Select(a => a.Action).ToList();
        Assert.Single(actions, a => a == "budget.paper-ballots-uploaded");
        Assert.Single(actions, a => a == "budget.paper-ballots-confirmed");
        Assert.Contains("budget.paper-ballots-counted", actions);
    }

    [Fact]
    public async Task A_code_in_two_pending_batches_counts_once_whichever_is_confirmed_first()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var bram = await Factory.AsAsync("bram.jansen");
        var id = await BudgetAsync(admin, eligibleVoters: 1);
        var code = (await CodesAsync(admin, id, 1))[0];
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));

        async Task<string> UploadAsync(string projects) => (await StatusAsync(await anouk.PostAsync($"/api/budgets/{id}/paper-ballots",
            new StringContent($"code,projects\n{code},{projects}\n", Encoding.UTF8, "text/csv")), HttpStatusCode.Accepted)).GetProperty("batchId").GetString()!;
        var first = await UploadAsync("p1");
        var second = await UploadAsync("p2");

        var results = await Task.WhenAll(
            OkAsync(await bram.PostAsync($"/api/budgets/{id}/paper-ballots/{first}/confirm", null)),
            OkAsync(await bram.PostAsync($"/api/budgets/{id}/paper-ballots/{second}/confirm", null)));

        Assert.Equal(1, results.Sum(r => r.GetProperty("imported").GetInt32()));
        Assert.Equal(1, results.Sum(r => r.GetProperty("duplicates").GetArrayLength()));
        Assert.Single(await Factory.Services.GetRequiredService<BallotBox>().ReadAllAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_cut_off_halfway_when_the_results_are_fixed_is_in_no_count_and_is_refused_afterwards()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var bram = await Factory.AsAsync("bram.jansen");
        var id = await BudgetAsync(admin, eligibleVoters: 3);
        var codes = await CodesAsync(admin, id, 3);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        await OkAsync(await Factory.CreateClient().PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[2], projects = new[] { "p2" } }));
        var batch = await UploadAsync(anouk, id, codes.Take(2));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "counting" }));

        // Bram's confirmation is cut off after its first ballot: confirmed on record, one of its two ballots stored.
        await CutOffConfirmation.StoreFirstBallotOnlyAsync(Factory.Services, id, batch);
        var batches = Factory.Services.GetRequiredService<PaperBallotBatches>();

        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "results" }));
        var published = await OkAsync(await admin.GetAsync($"/api/budgets/{id}/results"));
        Assert.Equal((1, 0), (published.GetProperty("ballots").GetInt32(), published.GetProperty("paperBallots").GetInt32()));

        var late = await StatusAsync(await bram.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null), HttpStatusCode.Conflict);
        Assert.Equal("paper_ballots.too_late", late.GetProperty("code").GetString());
        Assert.StartsWith("De uitslag lag al vast", late.GetProperty("dutch").GetString());
        var after = await OkAsync(await admin.GetAsync($"/api/budgets/{id}/results"));
        Assert.Equal((1, 0), (after.GetProperty("ballots").GetInt32(), after.GetProperty("paperBallots").GetInt32()));
        Assert.Equal("refused", (await batches.FindAsync(id, batch, CancellationToken.None))!.Status);
        Assert.Contains(await AuditAsync(id), a => a.Action == "budget.paper-ballots-refused" && a.ActorId == "bram.jansen");
    }

    [Fact]
    public async Task A_batch_sharing_a_code_with_a_batch_still_being_counted_waits_for_it_and_shares_its_refusal()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var bram = await Factory.AsAsync("bram.jansen");
        var id = await BudgetAsync(admin, eligibleVoters: 2);
        var lines = await CodeLinesAsync(admin, id, 2);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var first = await UploadAsync(anouk, id, [lines[0].Code]);
        var second = await UploadAsync(anouk, id, [lines[0].Code, lines[1].Code]);

        // The first batch's confirmation was cut off after storing the shared code's ballot: it is still being counted.
        await CutOffConfirmation.StoreFirstBallotOnlyAsync(Factory.Services, id, first);
        var (batches, box) = (Factory.Services.GetRequiredService<PaperBallotBatches>(), Factory.Services.GetRequiredService<BallotBox>());

        // The second batch is confirmed and casts its own code; then the results are fixed and the first batch is refused.
        var confirming = bram.PostAsync($"/api/budgets/{id}/paper-ballots/{second}/confirm", null);
        await Eventually.HoldsAsync(async () => confirming.IsCompleted || (await box.FindCodeOfLetterAsync(id, int.Parse(lines[1].Letter), CancellationToken.None))!.Redeemed,
            "the second batch's own ballot is stored");
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "counting" }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "results" }));
        var refused = await StatusAsync(await bram.PostAsync($"/api/budgets/{id}/paper-ballots/{first}/confirm", null), HttpStatusCode.Conflict);
        Assert.Equal("paper_ballots.too_late", refused.GetProperty("code").GetString());

        // Counted with the shared code as a duplicate of a refused batch, the vote would be in neither: it shares the refusal.
        var late = await StatusAsync(await confirming, HttpStatusCode.Conflict);
        Assert.Equal("paper_ballots.too_late", late.GetProperty("code").GetString());
        Assert.Equal((PaperBatch.Refused, PaperBatch.Refused),
            ((await batches.FindAsync(id, first, CancellationToken.None))!.Status, (await batches.FindAsync(id, second, CancellationToken.None))!.Status));
        Assert.Equal(0, (await OkAsync(await admin.GetAsync($"/api/budgets/{id}/results"))).GetProperty("paperBallots").GetInt32());
    }

    [Fact]
    public async Task A_batch_confirmed_while_the_results_are_fixed_is_wholly_in_the_published_count_or_refused()
    {
        const int Rows = 2_000;
        var admin = await Factory.AsAsync("admin-ingrid");
        var anouk = await Factory.AsAsync("anouk.devries");
        var bram = await Factory.AsAsync("bram.jansen");
        var id = await BudgetAsync(admin, eligibleVoters: Rows);
        var codes = await CodesAsync(admin, id, Rows);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var batch = await UploadAsync(anouk, id, codes);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "counting" }));

        // The results are fixed once the batch's first ballot is stored, while the rest are still on their way.
        var box = Factory.Services.GetRequiredService<BallotBox>();
        var confirming = bram.PostAsync($"/api/budgets/{id}/paper-ballots/{batch}/confirm", null);
        await Eventually.HoldsAsync(async () => confirming.IsCompleted || (await box.FindCodeOfLetterAsync(id, 1, CancellationToken.None))!.Redeemed,
            "the batch's first ballot is stored");
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "results" }));
        var published = (await OkAsync(await admin.GetAsync($"/api/budgets/{id}/results"))).GetProperty("paperBallots").GetInt32();
        var confirmed = await confirming;

        var final = (await OkAsync(await admin.GetAsync($"/api/budgets/{id}/results"))).GetProperty("paperBallots").GetInt32();
        Assert.Equal(published, final);
        if (confirmed.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(Rows, final);
        }
        else
        {
            Assert.Equal("paper_ballots.too_late", (await StatusAsync(confirmed, HttpStatusCode.Conflict)).GetProperty("code").GetString());
            Assert.Equal(0, final);
        }
    }

    [Fact]
    public async Task Every_budget_change_writes_its_audit_row_with_it_and_a_failed_change_writes_neither()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var id = await BudgetAsync(admin, eligibleVoters: 10);
        await OkAsync(await admin.PutAsJsonAsync($"/api/budgets/{id}/eligible-voters", new { eligibleVoters = 4 }));
        await CodesAsync(admin, id, 4);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));

        Assert.Equal(
            ["budget.created", "budget.project-added", "budget.project-added", "budget.rules-set", "budget.eligible-voters-set", "budget.voting-codes-generated", "budget.phase-moved"],
            (await AuditAsync(id)).OrderBy(a => a.At).Select(a => a.Action));

        // A change made from a stale read fails on the budget row's ETag: neither the change nor its audit row is kept.
        var store = Factory.Services.GetRequiredService<BudgetStore>();
        var stale = (await store.FindAsync(id, CancellationToken.None))!.Budget;
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "counting" }));
        var actor = new PlatformUser("admin-ingrid", "Ingrid", new HashSet<string> { Roles.Admin }, new HashSet<string>(), new HashSet<string>());
        Assert.False(await store.SaveAsync(new BudgetChange(stale with { Title = "Stilletjes veranderd", CodesIssued = 400 }, "test.forced-failure", null), actor, CancellationToken.None));

        var after = (await store.FindAsync(id, CancellationToken.None))!.Budget;
        Assert.Equal(("Buurtbudget " + id, 4, BudgetPhase.Counting), (after.Title, after.CodesIssued, after.Phase));
        Assert.DoesNotContain(await AuditAsync(id), a => a.Action == "test.forced-failure");
    }

    [Fact]
    public async Task Thirty_voters_behind_one_address_all_vote_while_one_code_hammered_is_limited()
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var id = await BudgetAsync(admin, eligibleVoters: 31);
        var codes = await CodesAsync(admin, id, 31);
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        var station = From("198.51.100.23");

        foreach (var code in codes.Take(30))
        {
            await OkAsync(await station.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code, projects = new[] { "p1" } }));
        }

        var hammered = new List<HttpStatusCode>();
        for (var i = 0; i < LoneOfficialFixture.VotesPerCode + 2; i++)
        {
            hammered.Add((await station.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[0], projects = new[] { "p2" } })).StatusCode);
        }

        // codes[0] voted once above, so two more replacements pass and then the code is stopped.
        Assert.Equal(LoneOfficialFixture.VotesPerCode - 1, hammered.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, hammered[^1]);
        await OkAsync(await station.PostAsJsonAsync($"/api/budgets/{id}/ballots", new { code = codes[30], projects = new[] { "p1" } }));
        Assert.Equal(31, (await Factory.Services.GetRequiredService<BallotBox>().ReadAllAsync(id, CancellationToken.None)).Count);

        // Behind it, the address ceiling still holds for one client cycling through codes.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LoneOfficialFixture.VoteAddressCeiling; i++)
        {
            statuses.Add((await station.GetAsync($"/api/budgets/{id}/receipts/ABCD-EFGH-JKMN")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.NotFound, (await From("198.51.100.24").GetAsync($"/api/budgets/{id}/receipts/ABCD-EFGH-JKMN")).StatusCode);
    }

    [Fact]
    public async Task Two_IPv6_addresses_in_one_64_share_a_bucket_and_another_64_does_not()
    {
        for (var i = 0; i < LoneOfficialFixture.HealthAddressCeiling; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await From("2001:db8:12:34::1").GetAsync("/api/health")).StatusCode);
        }

        var neighbour = await From("2001:db8:12:34:ffff:aaaa:bbbb:cccc").GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.TooManyRequests, neighbour.StatusCode);
        Assert.Equal("application/problem+json", neighbour.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await From("2001:db8:12:35::1").GetAsync("/api/health")).StatusCode);
        Assert.Equal("2001:db8:12:34::/64", RateLimits.AddressKey(System.Net.IPAddress.Parse("2001:db8:12:34:ffff:aaaa:bbbb:cccc")));
        Assert.Equal("192.0.2.1", RateLimits.AddressKey(System.Net.IPAddress.Parse("::ffff:192.0.2.1")));
    }

    /// <summary>A client whose requests reach the app, through the local proxy, from <paramref name="address"/>.</summary>
    private HttpClient From(string address)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<string> BudgetAsync(HttpClient admin, int? eligibleVoters)
    {
        var id = NewId();
        await OkAsync(await admin.PostAsJsonAsync("/api/budgets", new { id, title = "Buurtbudget " + id, neighbourhood = "oosterpark", amount = 10_000, eligibility = "codes", eligibleVoters }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = "Plan 1", description = "Een plan.", cost = 4_000 }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = "Plan 2", description = "Een plan.", cost = 5_000 }));
        await OkAsync(await admin.PutAsJsonAsync($"/api/budgets/{id}/rules", Approval));
        return id;
    }

    private static async Task<string> UploadAsync(HttpClient official, string id, IEnumerable<string> codes) =>
        (await StatusAsync(await official.PostAsync($"/api/budgets/{id}/paper-ballots",
            new StringContent("code,projects\n" + string.Concat(codes.Select(code => $"{code},p1\n")), Encoding.UTF8, "text/csv")), HttpStatusCode.Accepted))
        .GetProperty("batchId").GetString()!;

    private static async Task<IReadOnlyList<string>> CodesAsync(HttpClient official, string id, int count) =>
        (await CodeLinesAsync(official, id, count)).Select(l => l.Code).ToList();

    private static async Task<IReadOnlyList<(string Letter, string Code)>> CodeLinesAsync(HttpClient official, string id, int count)
    {
        var response = await official.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count });
        await OkAsync(response);
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[2])).ToList();
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string id) => await AuditTrail.ReadAsync(
        Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(BudgetStore.Table), id, CancellationToken.None);
}
