using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Budgeting;

/// <summary>
/// The ballot paper as a form: what the resident chose, the errors to show next to the fields, and the running total.
/// The total is rendered by the server (correct without JavaScript for what was posted) and kept current by
/// wwwroot/js/ballot.js from the same templates, so both say the same words.
/// </summary>
public sealed class BallotForm
{
    public required ShowBudget.Response Budget { get; init; }
    public string? Code { get; init; }
    public IReadOnlyCollection<string> Chosen { get; init; } = [];
    public IReadOnlyDictionary<string, string> Points { get; init; } = new Dictionary<string, string>();
    /// <summary>Field ("code" or "ballot") → message in the page's language.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    /// <summary>A refusal that belongs to no field (voting closed, sign in first, code bound to someone else).</summary>
    public string? Problem { get; init; }
    public bool SignedInResident { get; init; }

    public bool ByCode => Budget.Eligibility == Participation.App.Budgeting.Budget.ByCode;
    public bool NeedsSignIn => !ByCode && !SignedInResident;
    public string VoteType => Budget.Rules?.VoteType ?? BallotSettings.Approval;
    public bool Cumulative => VoteType == BallotSettings.Cumulative;

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    /// <summary>The limit the total is held against: the budget (knapsack), points per voter (cumulative) or the most projects.</summary>
    public long? Limit => VoteType switch
    {
        BallotSettings.Knapsack => Budget.Amount,
        BallotSettings.Cumulative => Budget.Rules?.PointsPerVoter,
        _ => Budget.Rules?.MaxProjects,
    };

    public (string Ok, string Over) Templates(WebLanguage l) => VoteType switch
    {
        BallotSettings.Knapsack => (
            l.T("Gekozen: {count} {projects}, samen {total} van {limit}. Nog over: {left}.",
                "Chosen: {count} {projects}, {total} together of {limit}. Left: {left}."),
            l.T("Over het budget: de gekozen plannen kosten samen {total}, dat is {over} meer dan {limit}. Haal een plan weg.",
                "Over budget: the chosen projects cost {total} together, {over} more than {limit}. Remove a project.")),
        BallotSettings.Cumulative => (
            l.T("U hebt {count} van de {limit} punten verdeeld.", "You have given {count} of the {limit} points."),
            l.T("Te veel punten: u hebt {count} punten verdeeld, er zijn er {limit}. Haal punten weg.",
                "Too many points: you have given {count} points, there are {limit}. Remove some points.")),
        _ when Limit is null => (
            l.T("U hebt {count} {projects} gekozen.", "You have chosen {count} {projects}."), ""),
        _ => (
            l.T("U hebt {count} van hoogstens {limit} plannen gekozen.", "You have chosen {count} of at most {limit} projects."),
            l.T("Te veel gekozen: u hebt {count} plannen gekozen, hoogstens {limit} mag. Haal een plan weg.",
                "Too many: you have chosen {count} projects, at most {limit} are allowed. Remove a project.")),
    };

    /// <summary>The total for what is chosen now, and whether it breaks the limit.</summary>
    public (string Text, bool Over) RunningTotal(WebLanguage l)
    {
        var (ok, over) = Templates(l);
        var count = Cumulative
            ? Points.Values.Sum(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            : Chosen.Count;
        var total = Budget.Projects.Where(p => Chosen.Contains(p.Id)).Sum(p => p.Cost);
        var isOver = VoteType == BallotSettings.Knapsack ? total > Budget.Amount : Limit is { } limit && count > limit;
        string Money(long amount) => BudgetTexts.Money(l, amount, Budget.Currency);
        var limitText = VoteType == BallotSettings.Knapsack ? Money(Budget.Amount) : Limit?.ToString(CultureInfo.InvariantCulture) ?? "";
        var text = (isOver ? over : ok)
            .Replace("{count}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{projects}", BudgetTexts.Project(l, count), StringComparison.Ordinal)
            .Replace("{total}", Money(total), StringComparison.Ordinal)
            .Replace("{limit}", limitText, StringComparison.Ordinal)
            .Replace("{left}", Money(Math.Max(0, Budget.Amount - total)), StringComparison.Ordinal)
            .Replace("{over}", Money(Math.Max(0, total - Budget.Amount)), StringComparison.Ordinal);
        return (text, isOver);
    }
}
