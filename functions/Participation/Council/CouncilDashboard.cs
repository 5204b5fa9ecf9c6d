using Participation.Bot.Hosting.Outcomes;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.App.Routing;

namespace Participation.App.Council;

/// <summary>
/// The council's figures for a period against the period of the same length before it. Everything is an aggregate over
/// the initiative index, the bot's outcome table and the budgets' ballots: no names, no e-mail addresses, no tracking codes leave here.
/// </summary>
public sealed class CouncilDashboard(
    InitiativeStore store, RoutingDirectory routing, BotStatisticsQuery bot, ServiceLevels serviceLevels, BudgetFigures budgets, TimeProvider clock,
    RealisationFiguresQuery realisation)
{
    public const int DefaultDays = 90;

    public sealed record Period(DateTimeOffset From, DateTimeOffset To);

    /// <summary>
    /// One figure: <see cref="Unit"/> is <c>count</c>, <c>share</c> (0–1), <c>days</c> or <c>seconds</c>; null when there is
    /// nothing to measure. <see cref="Measured"/> and <see cref="MeasuredBefore"/> say over how many cases or conversations a
    /// median, percentile or share was taken: a median of two says little, and the reader should see that.
    /// </summary>
    public sealed record Figure(string Key, string Unit, double? Current, double? Previous, string Definition, int? Measured = null, int? MeasuredBefore = null);

    public sealed record Count(string Code, string Name, int Current, int Previous);

    public sealed record Result(
        Period Current, Period Previous, IReadOnlyList<Figure> Figures,
        IReadOnlyList<Count> ByNeighbourhood, IReadOnlyList<Count> ByTheme, IReadOnlyList<Count> ByStatus,
        BudgetFigures.Result Budgets,
        Participation.Realisation.RealisationFigures Realisation);

    public async Task<Result> ComputeAsync(int days, CancellationToken cancellationToken)
    {
        var to = clock.GetUtcNow();
        var current = new Period(to.AddDays(-days), to);
        var previous = new Period(to.AddDays(-2 * days), current.From);
        var configuration = await routing.CurrentAsync(cancellationToken);
        var all = await store.ListSubmittedAsync(previous.From, current.To, cancellationToken);
        var now = List(all, current);
        var before = List(all, previous);
        var botNow = await bot.GetAsync(current.From, current.To, cancellationToken);
        var botBefore = await bot.GetAsync(previous.From, previous.To, cancellationToken);

        Figure F(string key, string unit, Func<IReadOnlyList<InitiativeFacts>, double?> measure, string definition,
            Func<IReadOnlyList<InitiativeFacts>, int>? measured = null) =>
            new(key, unit, measure(now), measure(before), definition, measured?.Invoke(now), measured?.Invoke(before));
        Figure B(string key, string unit, Func<BotStatistics, double?> measure, string definition, Func<BotStatistics, int>? measured = null) =>
            new(key, unit, measure(botNow), measure(botBefore), definition, measured?.Invoke(botNow), measured?.Invoke(botBefore));
        static int Answered(IReadOnlyList<InitiativeFacts> l) => l.Count(i => i.FirstResponseAt is not null);
        static int Decided(IReadOnlyList<InitiativeFacts> l) => l.Count(i => i.DecidedAt is not null);

        var figures = new List<Figure>
        {
            F("initiatives", "count", l => l.Count, "Initiatives submitted in the period."),
            F("first-response-median", "days", l => Median(LeadTimes(l, i => i.FirstResponseAt)), "Median calendar days from submission to the first response of an official, over initiatives submitted in the period that have one.", Answered),
            F("first-response-p90", "days", l => Percentile90(LeadTimes(l, i => i.FirstResponseAt)), "90th percentile (nearest rank) of the same lead times: nine in ten answered at least this fast.", Answered),
            F("decision-median", "days", l => Median(LeadTimes(l, i => i.DecidedAt)), "Median calendar days from submission to the decision (accepted, rejected or merged).", Decided),
            F("decision-p90", "days", l => Percentile90(LeadTimes(l, i => i.DecidedAt)), "90th percentile (nearest rank) of the days to a decision.", Decided),
            F("within-term", "share", WithinTerm, "Share of initiatives whose first response came within the agreed term (5 working days); initiatives still within their term without a response are not counted yet.", MeasuredForTerm),
            F("escalated", "count", l => l.Count(i => i.Escalations > 0), "Initiatives that passed a deadline and were escalated to a team lead or manager."),
            F("supports", "count", l => l.Sum(i => i.Supports), "Supports given to initiatives submitted in the period."),
            F("threshold-reached", "count", l => l.Count(i => i.ThresholdReached), "Initiatives submitted in the period that reached their neighbourhood's support threshold (on the council's agenda)."),
            B("bot-conversations", "count", s => s.Conversations, "Chat conversations in which the resident asked something."),
            B("bot-self-service", "share", s => s.Conversations == 0 ? null : (double)s.Helped / s.Conversations,
                "Share of those conversations helped by the bot alone: its last reply was an answer from the knowledge base, no handoff was asked and no question registered. A conversation that ended on \"I do not know\" does not count.",
                s => s.Conversations),
            B("bot-handoffs", "count", s => s.HandoffsRequested, "Conversations in which the resident asked for a person."),
            B("bot-handoffs-accepted", "count", s => s.HandoffsAccepted, "Handoffs an agent took over."),
            B("bot-waiting-median", "seconds", s => s.MedianWaitingTime?.TotalSeconds, "Median seconds a resident waited until an agent took over."),
        };

        return new Result(
            current, previous, figures,
            Counts(now, before, i => i.Neighbourhood, configuration.Neighbourhoods.Select(n => (n.Code, n.Name))),
            Counts(now, before, i => i.Theme ?? "", configuration.Themes.Select(t => (t.Code, t.Name)).Append(("", "Geen thema / no theme"))),
            Counts(now, before, i => i.Status.ToWireName(), InitiativeStatusNames.All.Select(s => (s, s))),
            // Budgets are not per period: their turnout is the state of each vote now.
            await budgets.ComputeAsync(cancellationToken),
            await realisation.ComputeAsync(cancellationToken));
    }

    private static List<InitiativeFacts> List(IEnumerable<InitiativeFacts> all, Period period) =>
        all.Where(i => i.SubmittedAt >= period.From && i.SubmittedAt < period.To).ToList();

    private static List<double> LeadTimes(IEnumerable<InitiativeFacts> items, Func<InitiativeFacts, DateTimeOffset?> until) =>
        items.Where(i => until(i) is not null).Select(i => (until(i)!.Value - i.SubmittedAt).TotalDays).ToList();

    private double? WithinTerm(IReadOnlyList<InitiativeFacts> items) =>
        Term(items) is var (within, measured) && measured > 0 ? (double)within / measured : null;

    private int MeasuredForTerm(IReadOnlyList<InitiativeFacts> items) => Term(items).Measured;

    private (int Within, int Measured) Term(IReadOnlyList<InitiativeFacts> items)
    {
        var now = clock.GetUtcNow();
        int within = 0, measured = 0;
        foreach (var item in items)
        {
            var due = serviceLevels.DueFor(ServiceLevels.Initiative, InitiativeStatus.Submitted, item.SubmittedAt)?.DueBy;
            if (due is null || (item.FirstResponseAt is null && now <= due))
            {
                continue;
            }

            measured++;
            within += item.FirstResponseAt is { } answered && answered <= due ? 1 : 0;
        }

        return (within, measured);
    }

    private static List<Count> Counts(
        List<InitiativeFacts> now, List<InitiativeFacts> before, Func<InitiativeFacts, string> key, IEnumerable<(string Code, string Name)> known)
    {
        var names = known.ToList();
        var extra = now.Concat(before).Select(key).Distinct().Where(k => names.All(n => n.Code != k)).Select(k => (k, k));
        return names.Concat(extra)
            .Select(n => new Count(n.Item1, n.Item2, now.Count(i => key(i) == n.Item1), before.Count(i => key(i) == n.Item1)))
            .Where(c => c.Code != "" || c.Current + c.Previous > 0)
            .ToList();
    }

    /// <summary>The middle value; for an even count the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest rank: the smallest value with at least 90% of the values at or below it.</summary>
    public static double? Percentile90(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
    }
}
