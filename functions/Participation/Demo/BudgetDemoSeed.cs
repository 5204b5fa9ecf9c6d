using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Demo;

/// <summary>
/// Demo data: budget <c>oosterpark-2026</c> in the voting phase (voting codes; the eight fixed demo codes are printed
/// in the app log at seeding and listed in the README) and <c>binnenstad-2026</c> in the voting phase for signed-in
/// residents. Fixed codes are fine here only because demo data is never personal and never production.
/// </summary>
public sealed class BudgetDemoSeed(BudgetStore store, BallotBox box, TimeProvider clock, ILogger<BudgetDemoSeed> logger) : IDemoSeed
{
    public static IReadOnlyList<string> DemoCodes { get; } = [.. "23456789".Select(digit => $"STEM-KAAR-TAA{digit}")];

    private static readonly PlatformUser Seeder = PlatformUser.System("demo-seed", "Demo seed");

    // The demo seeder retries a failed seed and marks it done only once it succeeded.
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await SeedBudgetAsync(new Budget
        {
            Id = "oosterpark-2026", Title = "Buurtbudget Oosterpark 2026", Neighbourhood = "oosterpark", Amount = 50_000, CreatedAt = now,
            Dates = Dates(now), Eligibility = Budget.ByCode,
            Rules = new BallotSettings(BallotSettings.Approval, 1, 3, null, null, "mes-complete"),
        },
        [
            ("Zes bomen in de Lindenstraat", "Bomen en geveltuinen tegen de hitte.", 18_000, "Haalbaar: kabels liggen aan de oostkant."),
            ("Speelplek Oosterpark vernieuwen", "Nieuwe schommel en klimrek.", 25_000, "Haalbaar in het najaar."),
            ("Buurtbankjes bij de vijver", "Vijf bankjes met leuning.", 6_000, null),
            ("Fietsenrekken bij het station", "Veertig plekken, overdekt.", 14_000, "Vergunning nodig van ProRail."),
            ("Buurtmoestuin", "Een moestuin op het braakliggende veld.", 9_000, null),
        ], cancellationToken);
        foreach (var code in DemoCodes)
        {
            await box.AddCodeAsync("oosterpark-2026", code, now, cancellationToken);
            logger.DemoCode("oosterpark-2026", code);
        }

        await SeedBudgetAsync(new Budget
        {
            Id = "binnenstad-2026", Title = "Buurtbudget Binnenstad 2026", Neighbourhood = "binnenstad", Amount = 30_000, CreatedAt = now,
            Dates = Dates(now), Eligibility = Budget.ByResident,
            Rules = new BallotSettings(BallotSettings.Knapsack, 1, null, null, null, "greedy"),
        },
        [
            ("Drempels bij De Regenboog", "Drempels en een zebrapad bij de school.", 12_000, "Haalbaar."),
            ("Groene binnenplaats", "Plantenbakken op het Kerkplein.", 15_000, null),
            ("Watertappunt op de markt", "Gratis drinkwater.", 7_000, "Aansluiting aanwezig."),
        ], cancellationToken);
    }

    private static PhaseDates Dates(DateTimeOffset now) =>
        new(now.AddDays(-60), now.AddDays(-30), now.AddDays(-1), now.AddDays(30), now.AddDays(37), now.AddDays(60));

    private async Task SeedBudgetAsync(Budget budget, (string Title, string Description, long Cost, string? Note)[] projects, CancellationToken cancellationToken)
    {
        if (!await store.CreateAsync(budget, Seeder, cancellationToken))
        {
            return;
        }

        var snapshot = (await store.FindAsync(budget.Id, cancellationToken))!;
        var adding = projects.Select((p, i) => new BudgetProject($"p{i + 1}", p.Title, p.Description, p.Cost, budget.Neighbourhood, p.Note, null)).ToList();
        var voting = MoveBudgetPhase.Move(new BudgetSnapshot(snapshot.Budget with { ProjectCount = projects.Length }, adding), BudgetPhase.Voting, clock.GetUtcNow()).Value!;
        await store.SaveAsync(voting with { AddedProjects = adding }, Seeder, cancellationToken);
    }
}
