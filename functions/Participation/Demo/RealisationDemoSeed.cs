using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Municipality.Calendar;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.App.Routing;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Demo;

/// <summary>
/// A year of history so the dashboard means something at first sight: about 60 initiatives over the five neighbourhoods
/// and six themes with decisions spread over twelve months, two closed buurtbudgets counted from real ballots, and
/// realisation items in every status with milestones done, moved and slipped. Nothing here is a figure: the dashboard
/// computes everything from what this stores. A fixed random seed keeps every developer's demo the same.
/// </summary>
public sealed class RealisationDemoSeed(
    InitiativeStore initiatives, InitiativeLifecycle lifecycle, RealisationStore realisation, BudgetStore budgets, BallotBox box,
    RoutingDirectory routing, TimeProvider clock, ILogger<RealiseFundedProjects> logger) : IDemoSeed
{
    private static readonly PlatformUser Seeder = PlatformUser.System("demo-seed", "Demo seed");

    private static readonly string[] Subjects =
    [
        "Bomen in de {0}", "Speeltuin aan de {0} opknappen", "Drempels in de {0}", "Buurtfeest op de {0}", "Afvalbakken langs de {0}",
        "Bankjes aan de {0}", "Geveltuinen in de {0}", "Verlichting in de {0}", "Jeu-de-boulesbaan bij de {0}", "Moestuin aan de {0}",
        "Zebrapad bij de {0}", "Pannaveld bij de {0}",
    ];

    private static readonly string[] Streets = ["Lindenstraat", "Havenkade", "Singel", "Kerkplein", "Molenweg", "Parklaan", "Stationsweg", "Dorpsstraat", "Beukenlaan", "Vijverhof"];

    private static readonly string[] Steps = ["Ontwerp met bewoners", "Vergunning aanvragen", "Opdracht aan de aannemer", "Uitvoering", "Oplevering met de buurt"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var now = clock.GetUtcNow();
        var configuration = await routing.CurrentAsync(cancellationToken);
        var neighbourhoods = DemoMunicipality.Neighbourhoods.Select(n => n.Code).ToArray();
        var themes = DemoMunicipality.Themes.Select(t => t.Code).ToArray();
        for (var i = 0; i < 60; i++)
        {
            var neighbourhood = neighbourhoods[i % neighbourhoods.Length];
            var theme = themes[(i / neighbourhoods.Length + i) % themes.Length];
            // Submissions spread over the past year, each decided 1–6 weeks later; the newest ten are still open.
            var submitted = now.AddDays(-370 + i * 6 + random.Next(0, 4)).AddHours(random.Next(8, 18));
            var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Subjects[random.Next(Subjects.Length)], Streets[random.Next(Streets.Length)]);
            var outcome = i >= 50 ? InitiativeStatus.InReview : random.Next(10) < 7 ? InitiativeStatus.Accepted : InitiativeStatus.Rejected;
            var code = await SeedInitiativeAsync(title, neighbourhood, theme, submitted, submitted.AddDays(random.Next(7, 42)), outcome, configuration, random, cancellationToken);
            if (outcome == InitiativeStatus.Accepted && await initiatives.FindAsync(code, cancellationToken) is { } accepted)
            {
                var item = new RealisationItem
                {
                    Id = RealisationItem.IdForInitiative(code), Kind = ItemKind.Initiative, SourceId = code, Title = accepted.Title,
                    Neighbourhood = accepted.Neighbourhood, Team = accepted.TeamCode ?? configuration.FrontOfficeTeam,
                    PlannedCost = random.Next(2, 30) * 1_000, CreatedAt = accepted.DecidedAt ?? now,
                };
                if (await realisation.CreateAsync(item, Seeder, item.CreatedAt, cancellationToken))
                {
                    await ProgressAsync(item.Id, random, cancellationToken);
                }
            }
        }

        await SeedClosedBudgetAsync("zuidwijk-2025", "Buurtbudget Zuidwijk 2025", "zuidwijk", 40_000, now.AddMonths(-11),
            [("Pannaveld", 14_000), ("Bloembakken Dorpsstraat", 6_000), ("Buurtkamer inrichten", 12_000), ("Speelbos", 18_000), ("AED in de buurt", 3_000)], random, cancellationToken);
        await SeedClosedBudgetAsync("noorderkwartier-2025", "Buurtbudget Noorderkwartier 2025", "noorderkwartier", 30_000, now.AddMonths(-7),
            [("Fietsenstalling", 11_000), ("Schooltuin", 5_000), ("Hondenuitlaatveld", 8_000), ("Zonnepanelen buurthuis", 16_000)], random, cancellationToken);
    }

    private async Task<string> SeedInitiativeAsync(
        string title, string neighbourhood, string theme, DateTimeOffset submitted, DateTimeOffset decided, InitiativeStatus outcome,
        Participation.Initiatives.Routing.RoutingConfiguration configuration, Random random, CancellationToken cancellationToken)
    {
        var code = TrackingCode.New().Value;
        var (state, entry) = lifecycle.Submit(code, "anonymous-demo-" + code);
        var rule = configuration.Rules.Where(r => r.Matches(neighbourhood, theme)).OrderByDescending(r => r.Specificity).FirstOrDefault();
        await initiatives.CreateAsync(new InitiativeCase
        {
            TrackingCode = code, Title = title, Description = "Een voorstel van bewoners uit de buurt.", Neighbourhood = neighbourhood, Theme = theme,
            Status = state.Status, SubmitterId = state.SubmitterId, SubmittedAt = submitted,
        }, entry with { At = submitted }, cancellationToken);
        var created = (await initiatives.FindAsync(code, cancellationToken))!;
        var firstResponse = submitted.AddDays(random.Next(1, 9));
        var decidedNow = outcome is InitiativeStatus.Accepted or InitiativeStatus.Rejected;
        var changed = created with
        {
            Status = outcome, TeamCode = rule?.Team ?? configuration.FrontOfficeTeam, OwnerId = rule?.PrimaryOfficialId,
            RoutingReason = "Demo", FirstResponseAt = firstResponse, DecidedAt = decidedNow ? decided : null,
            Supports = random.Next(0, 40),
        };
        var message = outcome switch
        {
            InitiativeStatus.Accepted => "Goedgekeurd: de gemeente voert dit uit.",
            InitiativeStatus.Rejected => "Afgewezen: dit past niet binnen het budget van dit jaar.",
            _ => null,
        };
        await initiatives.SaveAsync(changed, new TimelineEntry(decidedNow ? decided : firstResponse, decidedNow ? outcome.ToWireName() : "review-started",
            outcome, ActorKind.Official, changed.OwnerId ?? "demo", message, null), null, null, null, cancellationToken);
        return code;
    }

    /// <summary>Milestones from the decision on; how far an item got depends on its age, with some slipped, moved or stopped.</summary>
    private async Task ProgressAsync(string id, Random random, CancellationToken cancellationToken, DateTimeOffset? decided = null)
    {
        var item = (await realisation.FindAsync(id, cancellationToken))!;
        var today = DutchTime.Today(clock);
        var start = DutchTime.DateOf(decided ?? item.CreatedAt);
        var count = random.Next(2, 5);
        var milestones = new List<Milestone>();
        for (var m = 0; m < count; m++)
        {
            var planned = start.AddDays(30 * (m + 1) + random.Next(0, 20));
            DateOnly? done = null;
            var replans = new List<Replan>();
            var original = planned;
            var luck = random.Next(10);
            if (planned < today && luck < 7)
            {
                done = planned.AddDays(luck < 5 ? -random.Next(0, 5) : random.Next(3, 20)); // mostly on time, some late
                done = done > today ? today : done;
            }
            else if (planned < today && luck == 7)
            {
                var moved = today.AddDays(random.Next(10, 60));
                replans.Add(new Replan(planned, moved, "Levering van materiaal vertraagd", DutchTime.StartOf(start.AddDays(30 * (m + 1)))));
                planned = moved;
            }

            milestones.Add(new Milestone($"m{m + 1}", Steps[Math.Min(m + (count < 4 ? 1 : 0), Steps.Length - 1)], original, planned, done, replans));
        }

        var allDone = milestones.All(m => m.Done is not null);
        var status = allDone ? RealisationStatus.Done
            : random.Next(12) == 0 ? RealisationStatus.Stopped
            : milestones.Any(m => m.Done is not null) ? RealisationStatus.InProgress : RealisationStatus.Planned;
        var changed = item with
        {
            Milestones = milestones,
            Status = status,
            StopReason = status == RealisationStatus.Stopped ? "Geen vergunning voor deze plek" : null,
            ClosedAt = status is RealisationStatus.Done or RealisationStatus.Stopped ? DutchTime.StartOf(milestones.Max(m => m.Done ?? today)) : null,
            Spent = status == RealisationStatus.Planned ? 0 : item.PlannedCost * random.Next(20, 115) / 100,
        };
        var update = status == RealisationStatus.Planned ? null
            : new PublicUpdate($"{item.CreatedAt.UtcTicks:D19}-demo", id, status == RealisationStatus.Done ? "Klaar! Dank aan iedereen die meedacht." : "Het werk is begonnen.", DutchTime.StartOf(start.AddDays(35)));
        await realisation.SaveAsync(changed, update, Seeder, "realisation.demo-history", RealisationStore.Summary(item), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>A budget voted on and published months ago: real ballots, counted by its rule, and an item per funded project.</summary>
    private async Task SeedClosedBudgetAsync(
        string id, string title, string neighbourhood, long amount, DateTimeOffset opened, (string Title, long Cost)[] projects, Random random, CancellationToken cancellationToken)
    {
        var budget = new Budget
        {
            Id = id, Title = title, Neighbourhood = neighbourhood, Amount = amount, CreatedAt = opened, Eligibility = Budget.ByCode,
            Dates = new PhaseDates(opened, opened.AddDays(20), opened.AddDays(30), opened.AddDays(51), opened.AddDays(58), null),
            Rules = new BallotSettings(BallotSettings.Approval, 1, 3, null, null, "greedy"),
        };
        if (!await budgets.CreateAsync(budget, Seeder, cancellationToken))
        {
            return;
        }

        var stored = (await budgets.FindAsync(id, cancellationToken))!;
        var list = projects.Select((p, i) => new BudgetProject($"p{i + 1}", p.Title, "Een plan van bewoners.", p.Cost, neighbourhood, null, null)).ToList();
        var voting = MoveBudgetPhase.Move(new BudgetSnapshot(stored.Budget with { ProjectCount = list.Count }, list), BudgetPhase.Voting, opened.AddDays(30)).Value!;
        await budgets.SaveAsync(voting with { AddedProjects = list }, Seeder, cancellationToken);
        foreach (var (_, code) in await box.GenerateCodesAsync(id, 1, 40, opened, cancellationToken))
        {
            // Popular projects first: a ballot picks 1–3, weighted to the front of the list.
            var choice = list.Select(p => p.Id).OrderBy(p => random.Next(int.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture) * 10)).Take(random.Next(1, 4)).ToList();
            await box.CastAsync(box.ForCode(id, code), Ballot.Approval(choice), null, false, opened.AddDays(35), cancellationToken);
        }

        var counted = (await budgets.FindAsync(id, cancellationToken))!;
        await budgets.SaveAsync(new BudgetChange(counted.Budget with { Phase = BudgetPhase.Results }, "budget.phase-moved", counted.Budget.AuditSummary()), Seeder, cancellationToken);
        await new RealiseFundedProjects(budgets, box, realisation, routing, clock, logger)
            .HandleAsync(new BudgetResultsPublished(id), new Hosting.QueueMetadata("demo", 1, null, null, null), cancellationToken);
        foreach (var project in list)
        {
            if (await realisation.FindAsync(RealisationItem.IdForBudgetProject(id, project.Id), cancellationToken) is not null)
            {
                await ProgressAsync(RealisationItem.IdForBudgetProject(id, project.Id), random, cancellationToken, opened.AddDays(58));
            }
        }
    }
}
