using Participation.Budgeting.Explanations;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// Public: a resident sees the projects and, before voting,
/// the rules in plain Dutch and English: how to fill in the ballot, how votes become funded projects, how ties go.
/// </summary>
public static class ShowBudget
{
    public sealed record Listing(string Id, string Title, string Neighbourhood, long Amount, string Phase);

    public sealed record ProjectView(string Id, string Title, string Description, long Cost, string Neighbourhood, string? FeasibilityNote, string? Initiative);

    public sealed record RulesText(string English, string Dutch);

    public sealed record Response(
        string Id, string Title, string Neighbourhood, long Amount, string Currency, string Phase, PhaseDates Dates, string Eligibility,
        bool AcceptsBallots, bool RulesFrozen, BallotSettings? Rules, IReadOnlyList<string>? TieBreakOrder, RulesText? Explained,
        IReadOnlyList<ProjectView> Projects);

    public static async Task<IReadOnlyList<Listing>> ListAsync(BudgetStore store, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Select(b => new Listing(b.Id, b.Title, b.Neighbourhood, b.Amount, b.Phase.ToWireName())).ToList();

    public static async Task<Outcome<Response>> HandleAsync(string id, BudgetStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } snapshot
            ? Describe(snapshot, clock.GetUtcNow())
            : BudgetRefusals.NotFound(id);

    public static Response Describe(BudgetSnapshot snapshot, DateTimeOffset now)
    {
        var b = snapshot.Budget;
        return new Response(b.Id, b.Title, b.Neighbourhood, b.Amount, b.Currency, b.Phase.ToWireName(), b.Dates, b.Eligibility,
            b.AcceptsBallotsAt(now), b.RulesFrozen, b.Rules, b.TieBreakOrder, b.Rules is null ? null : Explain(snapshot),
            snapshot.Projects.Select(p => new ProjectView(p.Id, p.Title, p.Description, p.Cost, p.Neighbourhood, p.FeasibilityNote, p.InitiativeCode)).ToList());
    }

    /// <summary>The rules as a resident reads them on the ballot paper.</summary>
    public static RulesText Explain(BudgetSnapshot snapshot)
    {
        var b = snapshot.Budget;
        var r = b.Rules!;
        var (en, nl) = (Money.English(b.Amount, b.Currency), Money.Dutch(b.Amount, b.Currency));
        var count = (En: Count(r.MinProjects, r.MaxProjects, "project", "projects", "at least", "at most", "between", "and"),
            Nl: Count(r.MinProjects, r.MaxProjects, "plan", "plannen", "minstens", "hoogstens", "tussen", "en"));
        var (ballotEn, ballotNl) = r.VoteType switch
        {
            BallotSettings.Knapsack => (
                $"Choose {count.En} whose costs together are at most {en}, as if you spend the budget yourself.",
                $"Kies {count.Nl} die samen hoogstens {nl} kosten, alsof u het budget zelf besteedt."),
            BallotSettings.Cumulative => (
                $"Spread up to {r.PointsPerVoter} points over the projects you like, at most {r.MaxPointsPerProject} on one project.",
                $"Verdeel hoogstens {r.PointsPerVoter} punten over de plannen die u goed vindt, hoogstens {r.MaxPointsPerProject} per plan."),
            _ => ($"Choose {count.En} you want to see done.", $"Kies {count.Nl} die u uitgevoerd wilt zien."),
        };
        var (outcomeEn, outcomeNl) = r.OutcomeRule switch
        {
            "greedy" => (
                $"Counting: the project with the most votes is funded first, then the next, as long as it fits in the {en}.",
                $"Tellen: het plan met de meeste stemmen krijgt eerst geld, dan het volgende, zolang het past in de {nl}."),
            "mes" => (
                "Counting (method of equal shares): every voter gets an equal share of the budget; a project is funded when its supporters can pay for it together, cheapest per supporter first. Money may be left over.",
                "Tellen (methode van gelijke delen): iedere stemmer krijgt een gelijk deel van het budget; een plan krijgt geld als de stemmers die het steunen het samen kunnen betalen, het goedkoopst per steunende stemmer eerst. Er kan geld overblijven."),
            _ => (
                "Counting (method of equal shares, completed): every voter gets an equal share of the budget; a project is funded when its supporters can pay for it together. Money left over then goes to the next projects by votes that still fit.",
                "Tellen (methode van gelijke delen, aangevuld): iedere stemmer krijgt een gelijk deel van het budget; een plan krijgt geld als de stemmers die het steunen het samen kunnen betalen. Wat overblijft gaat daarna naar de plannen met de meeste stemmen die nog passen."),
        };
        var order = b.TieBreakOrder ?? snapshot.Projects.Select(p => p.Id).ToList();
        var titles = order.Select(id => snapshot.Projects.FirstOrDefault(p => p.Id == id)?.Title ?? id);
        var tie = string.Join(", ", titles);
        var voters = b.Eligibility == Budget.ByCode
            ? ("You vote with the voting code from your letter. You may change your vote until voting closes; only your last vote counts.",
               "U stemt met de stemcode uit uw brief. Tot het stemmen sluit mag u uw stem wijzigen; alleen uw laatste stem telt.")
            : ("You vote signed in as a resident. You may change your vote until voting closes; only your last vote counts.",
               "U stemt ingelogd als inwoner. Tot het stemmen sluit mag u uw stem wijzigen; alleen uw laatste stem telt.");
        return new RulesText(
            $"{ballotEn} {outcomeEn} On a tie the project listed first wins: {tie}. {voters.Item1}",
            $"{ballotNl} {outcomeNl} Bij gelijke stand wint het plan dat eerst genoemd is: {tie}. {voters.Item2}");
    }

    private static string Count(int min, int? max, string one, string many, string atLeast, string atMost, string between, string and) => (min, max) switch
    {
        (_, { } m) when m == min => $"{m} {(m == 1 ? one : many)}",
        (<= 1, { } m) => $"{atMost} {m} {(m == 1 ? one : many)}",
        (_, { } m) => $"{between} {min} {and} {m} {many}",
        (<= 1, null) => $"one or more {many}".Replace("one or more", one == "plan" ? "één of meer" : "one or more", StringComparison.Ordinal),
        _ => $"{atLeast} {min} {many}",
    };
}
