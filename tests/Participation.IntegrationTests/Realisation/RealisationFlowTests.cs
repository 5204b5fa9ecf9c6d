using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Participation.Municipality.Calendar;
using Participation.App.Notifications;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;
using static Participation.IntegrationTests.Realisation.RealisationPlatform;

namespace Participation.IntegrationTests.Realisation;

/// <summary>
/// Decisions become realisation items through the hooks' queue messages; the responsible team plans, completes and replans
/// milestones through the API, every change audited; residents hear of progress; the council's figures match the store.
/// </summary>
public sealed class RealisationFlowTests(RealisationPlatform platform) : IClassFixture<RealisationPlatform>
{
    private DateOnly Today => DutchTime.Today(platform.Clock);

    private async Task<JsonElement> RealisedInitiativeAsync(string title, string? email = null)
    {
        var code = await platform.AcceptedInitiativeAsync(title, email);
        Assert.Equal(1, await platform.DeliverAsync(RealiseAcceptedInitiative.Queue, nameof(RealiseAcceptedInitiative), m => m.GetProperty("trackingCode").GetString() == code));
        return await OkAsync(await platform.Anonymous.GetAsync($"/api/realisation/initiative-{code}"));
    }

    [Fact]
    public async Task Accepting_an_initiative_creates_its_item_once_for_the_team_that_owns_the_case()
    {
        var code = await platform.AcceptedInitiativeAsync("Speelplek aan de kade");
        Assert.Equal(1, await platform.DeliverAsync(RealiseAcceptedInitiative.Queue, nameof(RealiseAcceptedInitiative), m => m.GetProperty("trackingCode").GetString() == code));
        // A redelivery (at least once) finds the item made.
        await platform.InvokeAsync(nameof(RealiseAcceptedInitiative), new { message = Participation.App.Storage.QueueEnvelope.Wrap(new InitiativeAccepted(code)) });

        var item = await OkAsync(await platform.Anonymous.GetAsync($"/api/realisation/initiative-{code}"));
        Assert.Equal(("initiative", code, "Speelplek aan de kade", "westhaven", "gebied-zuidwest", "planned"),
            (item.GetProperty("kind").GetString(), item.GetProperty("sourceId").GetString(), item.GetProperty("title").GetString(),
             item.GetProperty("neighbourhood").GetString(), item.GetProperty("team").GetString(), item.GetProperty("status").GetString()));
        var listed = await OkAsync(await platform.Anonymous.GetAsync("/api/realisation?neighbourhood=westhaven&status=planned"));
        Assert.Single(listed.EnumerateArray(), i => i.GetProperty("sourceId").GetString() == code);
        var audit = await platform.Factory.Services.GetRequiredService<RealisationStore>().AuditAsync($"initiative-{code}", CancellationToken.None);
        Assert.Equal("realisation.created", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task The_team_plans_completes_and_replans_milestones_each_change_audited_and_the_submitter_hears_of_progress()
    {
        var item = await RealisedInitiativeAsync("Bankjes bij de haven", "indiener@example.org");
        var id = item.GetProperty("id").GetString()!;
        var lotte = await platform.Factory.AsAsync("lotte.smit");

        var created = await StatusAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones",
            new { title = "Bankjes bestellen", planned = Today.AddDays(20).ToString("yyyy-MM-dd"), version = item.GetProperty("version").GetString() }), HttpStatusCode.Created);
        Assert.Equal("m1", created.GetProperty("id").GetString());
        var second = await StatusAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones",
            new { title = "Bankjes plaatsen", planned = Today.AddDays(40).ToString("yyyy-MM-dd"), version = created.GetProperty("version").GetString() }), HttpStatusCode.Created);

        var replanned = await OkAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones/m2/replan",
            new { planned = Today.AddDays(60).ToString("yyyy-MM-dd"), reason = "Levertijd van de bankjes", version = second.GetProperty("version").GetString() }));
        var m2 = replanned.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "m2");
        Assert.Equal(Today.AddDays(40).ToString("yyyy-MM-dd"), m2.GetProperty("originalPlanned").GetString());
        Assert.Equal(Today.AddDays(60).ToString("yyyy-MM-dd"), m2.GetProperty("planned").GetString());
        Assert.Equal("Levertijd van de bankjes", m2.GetProperty("replans")[0].GetProperty("reason").GetString());

        var done = await OkAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones/m1/done", new { version = replanned.GetProperty("version").GetString() }));
        Assert.Equal("in-progress", done.GetProperty("status").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), done.GetProperty("milestones")[0].GetProperty("done").GetString());
        Assert.Equal(1, done.GetProperty("progress").GetProperty("done").GetInt32());

        var update = await StatusAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/updates", new { text = "De bankjes zijn besteld.", version = done.GetProperty("version").GetString() }), HttpStatusCode.Created);
        var spent = await OkAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/spent", new { amount = 4_250, version = update.GetProperty("version").GetString() }));
        Assert.Equal(4_250, spent.GetProperty("spent").GetInt64());
        var shown = await OkAsync(await platform.Anonymous.GetAsync($"/api/realisation/{id}"));
        Assert.Equal("De bankjes zijn besteld.", Assert.Single(shown.GetProperty("updates").EnumerateArray()).GetProperty("text").GetString());

        var audit = await platform.Factory.Services.GetRequiredService<RealisationStore>().AuditAsync(id, CancellationToken.None);
        // The fake clock stands still, so entries share a time: compare what was recorded, not its order.
        Assert.Equal(new[] { "realisation.created", "realisation.milestone-added", "realisation.milestone-added", "realisation.milestone-replanned",
            "realisation.milestone-done", "realisation.update-added", "realisation.spent" }.Order(), audit.Select(a => a.Action).Order());
        Assert.All(audit.Where(a => a.Action != "realisation.created"), a => Assert.Equal("lotte.smit", a.ActorId));

        // The submitter's e-mail: requested by reference (no address on the queue), rendered when sent.
        var notice = Assert.Single(await platform.QueuedNotificationsAsync(), n => n.GetProperty("template").GetString() == "realisation-milestone-done"
            && n.GetProperty("values").GetProperty("trackingCode").GetString() == item.GetProperty("sourceId").GetString());
        Assert.Equal("contact", notice.GetProperty("to").GetProperty("kind").GetString());
        Assert.DoesNotContain("indiener@example.org", notice.GetRawText());
        await platform.InvokeAsync(nameof(SendNotification), new { message = Participation.App.Storage.QueueEnvelope.Wrap(notice.Deserialize<NotificationRequested>(JsonSerializerOptions.Web)) });
        var sent = await OutboxMailSender.ReadAsync(platform.Factory.Services.GetRequiredService<TableServiceClient>(), 100, CancellationToken.None);
        var mail = Assert.Single(sent, m => m.To == "indiener@example.org" && m.Subject.Contains("Bankjes bestellen", StringComparison.Ordinal));
        Assert.Contains($"/wat-is-er-gedaan/{id}", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_stale_versions_and_other_teams_are_refused_with_problem_json_and_change_nothing()
    {
        var item = await RealisedInitiativeAsync("Fietsenrekken");
        var id = item.GetProperty("id").GetString()!;
        var version = item.GetProperty("version").GetString();
        var lotte = await platform.Factory.AsAsync("lotte.smit");
        var anouk = await platform.Factory.AsAsync("anouk.devries"); // groen-oost: not the responsible team

        async Task<JsonElement> Refused(HttpResponseMessage response, HttpStatusCode status, string code)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await StatusAsync(response, status);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            return problem;
        }

        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones", new { title = "Rekken", planned = "31-12-2026", version }), HttpStatusCode.BadRequest, "realisation.milestone.planned");
        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones", new { title = "Rekken", planned = "2026-12-31" }), HttpStatusCode.BadRequest, "realisation.version-missing");
        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones", new { title = "Rekken", planned = "2026-12-31", version = "W/\"old\"" }), HttpStatusCode.PreconditionFailed, "realisation.stale");
        await Refused(await anouk.PostAsJsonAsync($"/api/realisation/{id}/milestones", new { title = "Rekken", planned = "2026-12-31", version }), HttpStatusCode.Forbidden, "realisation.not-responsible");
        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones/m7/done", new { version }), HttpStatusCode.NotFound, "realisation.milestone.not-found");
        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/status", new { status = "stopped", version }), HttpStatusCode.BadRequest, "realisation.status.reason");
        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/status", new { status = "planned", version }), HttpStatusCode.Conflict, "realisation.status.backwards");
        await Refused(await lotte.PostAsJsonAsync($"/api/realisation/{id}/spent", new { amount = -5, version }), HttpStatusCode.BadRequest, "realisation.spent.amount");
        await Refused(await platform.Anonymous.GetAsync("/api/realisation/initiative-NOPE"), HttpStatusCode.NotFound, "realisation.not-found");
        await Refused(await platform.Anonymous.GetAsync("/api/realisation?status=finished"), HttpStatusCode.BadRequest, "realisation.status.unknown");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Anonymous.PostAsJsonAsync($"/api/realisation/{id}/spent", new { amount = 5, version })).StatusCode);

        var unchanged = await OkAsync(await platform.Anonymous.GetAsync($"/api/realisation/{id}"));
        Assert.Equal(version, unchanged.GetProperty("version").GetString());
        Assert.Equal(0, unchanged.GetProperty("milestones").GetArrayLength());

        // Concurrency by version: two officials act on the same version, the second gets 412 with the current version.
        var first = await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones", new { title = "Rekken plaatsen", planned = "2026-12-31", version });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var jeroen = await platform.Factory.AsAsync("jeroen.meijer"); // team lead of gebied-zuidwest
        var stale = await Refused(await jeroen.PostAsJsonAsync($"/api/realisation/{id}/status", new { status = "in-progress", version }), HttpStatusCode.PreconditionFailed, "realisation.stale");
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString(), stale.GetProperty("current").GetProperty("version").GetString());
        await OkAsync(await jeroen.PostAsJsonAsync($"/api/realisation/{id}/status", new { status = "stopped", reason = "Geen plek op de stoep", version = stale.GetProperty("current").GetProperty("version").GetString() }));
        Assert.Contains(await platform.QueuedNotificationsAsync(), n => n.GetProperty("template").GetString() == "realisation-status-changed"
            && n.GetProperty("values").GetProperty("trackingCode").GetString() == item.GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task Publishing_budget_results_creates_an_item_for_every_funded_project_and_none_for_the_others()
    {
        var admin = await platform.Factory.AsAsync("admin-ingrid");
        var budget = "b" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await admin.PostAsJsonAsync("/api/budgets", new { id = budget, title = "Buurtbudget " + budget, neighbourhood = "oosterpark", amount = 10_000, eligibility = "codes", eligibleVoters = 3 }));
        foreach (var cost in new[] { 6_000, 5_000, 3_000 })
            await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{budget}/projects", new { title = $"Plan van {cost}", description = "Een plan.", cost }));
        await OkAsync(await admin.PutAsJsonAsync($"/api/budgets/{budget}/rules", new { voteType = "approval", maxProjects = 3, outcomeRule = "greedy" }));
        var codes = (await (await admin.PostAsJsonAsync($"/api/budgets/{budget}/voting-codes", new { count = 3 })).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')[2]).ToList();
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{budget}/phase", new { phase = "voting" }));
        // p1 (6,000) and p3 (3,000) win under greedy; p2 does not fit after p1.
        await OkAsync(await platform.Anonymous.PostAsJsonAsync($"/api/budgets/{budget}/ballots", new { code = codes[0], projects = new[] { "p1", "p3" } }));
        await OkAsync(await platform.Anonymous.PostAsJsonAsync($"/api/budgets/{budget}/ballots", new { code = codes[1], projects = new[] { "p1", "p2" } }));
        await OkAsync(await platform.Anonymous.PostAsJsonAsync($"/api/budgets/{budget}/ballots", new { code = codes[2], projects = new[] { "p3" } }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{budget}/phase", new { phase = "counting" }));
        Assert.Equal(0, await platform.DeliverAsync(RealiseFundedProjects.Queue, nameof(RealiseFundedProjects), m => m.GetProperty("budgetId").GetString() == budget));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{budget}/phase", new { phase = "results" }));

        Assert.Equal(1, await platform.DeliverAsync(RealiseFundedProjects.Queue, nameof(RealiseFundedProjects), m => m.GetProperty("budgetId").GetString() == budget));
        await platform.InvokeAsync(nameof(RealiseFundedProjects), new { message = Participation.App.Storage.QueueEnvelope.Wrap(new BudgetResultsPublished(budget)) });

        var items = (await OkAsync(await platform.Anonymous.GetAsync("/api/realisation?neighbourhood=oosterpark"))).EnumerateArray()
            .Where(i => i.GetProperty("sourceId").GetString()!.StartsWith(budget + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{budget}/p1", $"{budget}/p3"], items.Select(i => i.GetProperty("sourceId").GetString()).Order());
        Assert.All(items, i => Assert.Equal(("budget-project", "gebied-noordoost"), (i.GetProperty("kind").GetString(), i.GetProperty("team").GetString())));
        Assert.Equal([3_000, 6_000], items.Select(i => i.GetProperty("plannedCost").GetInt64()).Order());
    }

    [Fact]
    public async Task The_council_dashboard_realisation_section_matches_the_stored_items_and_lists_what_slips()
    {
        var item = await RealisedInitiativeAsync("Hondenuitlaatplek");
        var id = item.GetProperty("id").GetString()!;
        var lotte = await platform.Factory.AsAsync("lotte.smit");
        var calendar = new WorkingCalendar();
        var planned = calendar.AddWorkingDays(Today, -4);
        await StatusAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones",
            new { title = "Hekwerk plaatsen", planned = planned.ToString("yyyy-MM-dd"), version = item.GetProperty("version").GetString() }), HttpStatusCode.Created);

        var council = await platform.Factory.AsAsync("council-jeroen");
        var dashboard = await OkAsync(await council.GetAsync("/api/council/dashboard"));
        var section = dashboard.GetProperty("realisation");

        var stored = await platform.Factory.Services.GetRequiredService<RealisationStore>().ListAsync(null, null, CancellationToken.None);
        Assert.Equal(stored.Count, section.GetProperty("byStatusAndKind").EnumerateArray().Sum(c => c.GetProperty("items").GetInt32()));
        Assert.Equal(stored.Count(i => i.Status == RealisationStatus.Planned && i.Kind == ItemKind.Initiative),
            section.GetProperty("byStatusAndKind").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "initiative" && c.GetProperty("status").GetString() == "planned").GetProperty("items").GetInt32());
        Assert.Equal(stored.Sum(i => i.PlannedCost), section.GetProperty("totals").GetProperty("planned").GetInt64());
        Assert.Equal(stored.Sum(i => i.Spent), section.GetProperty("totals").GetProperty("spent").GetInt64());
        var westhaven = section.GetProperty("byNeighbourhood").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "westhaven");
        Assert.Equal(stored.Count(i => i.Neighbourhood == "westhaven"), westhaven.GetProperty("items").GetInt32());
        Assert.Equal(stored.Count(i => i.Neighbourhood == "westhaven" && i.Status == RealisationStatus.Done), westhaven.GetProperty("realised").GetInt32());

        var slipped = Assert.Single(section.GetProperty("slipping").EnumerateArray(), s => s.GetProperty("itemId").GetString() == id);
        Assert.Equal(("Hekwerk plaatsen", planned.ToString("yyyy-MM-dd"), 4, "gebied-zuidwest"),
            (slipped.GetProperty("milestoneTitle").GetString(), slipped.GetProperty("planned").GetString(), slipped.GetProperty("daysLate").GetInt32(), slipped.GetProperty("team").GetString()));

        var csv = await (await council.GetAsync("/api/council/dashboard.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"\"realisation-slipping\",\"{id}/m1\",", csv, StringComparison.Ordinal);
    }
}
