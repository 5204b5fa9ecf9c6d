namespace Participation.Realisation;

/// <summary>
/// The council's figures on what decisions became, computed from the items as stored. "Realised" means done; a
/// stopped item counts in the total, so stopping work is visible as not realised rather than disappearing.
/// </summary>
public sealed record RealisationFigures(
    IReadOnlyList<RealisationFigures.StatusCount> ByStatusAndKind,
    IReadOnlyList<RealisationFigures.Share> ByNeighbourhood,
    IReadOnlyList<RealisationFigures.Share> ByBudget,
    RealisationFigures.Money Totals,
    RealisationFigures.MilestoneCounts Milestones,
    IReadOnlyList<SlippedMilestone> Slipping)
{
    public sealed record StatusCount(string Kind, string Status, int Items);

    /// <summary><see cref="Realised"/> of <see cref="Items"/> are done; <see cref="RealisedShare"/> is null when there are none.</summary>
    public sealed record Share(string Code, int Items, int Realised, int Stopped, double? RealisedShare);

    /// <summary>Whole euros.</summary>
    public sealed record Money(long Planned, long Spent);

    /// <summary><see cref="Slipped"/>: slipping now, done late or moved later; <see cref="SlippingNow"/>: open and past their date today.</summary>
    public sealed record MilestoneCounts(int Total, int Done, int Slipped, int SlippingNow, int Replanned);

    public static RealisationFigures Compute(IReadOnlyCollection<RealisationItem> items, Slipping slipping, DateOnly today)
    {
        var byStatus = (from kind in new[] { ItemKind.Initiative, ItemKind.BudgetProject }
                        from status in WireNames.Statuses
                        select new StatusCount(kind.ToWireName(), status.ToWireName(), items.Count(i => i.Kind == kind && i.Status == status))).ToList();

        var milestones = items.SelectMany(i => i.Milestones).ToList();
        var now = slipping.SlippingNow(items, today);
        return new RealisationFigures(
            byStatus,
            Shares(items, i => i.Neighbourhood),
            Shares(items.Where(i => i.Kind == ItemKind.BudgetProject), i => BudgetOf(i.SourceId)),
            new Money(items.Sum(i => i.PlannedCost), items.Sum(i => i.Spent)),
            new MilestoneCounts(
                milestones.Count,
                milestones.Count(m => m.Done is not null),
                milestones.Count(m => slipping.CountsAsSlipped(m, today)),
                now.Count,
                milestones.Count(m => m.Replans.Count > 0)),
            now);
    }

    /// <summary>The budget of a funded project's source id (<c>{budgetId}/{projectId}</c>).</summary>
    public static string BudgetOf(string sourceId) => sourceId.Split('/')[0];

    private static List<Share> Shares(IEnumerable<RealisationItem> items, Func<RealisationItem, string> key) =>
        items.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = g.Count();
                var done = g.Count(i => i.Status == RealisationStatus.Done);
                return new Share(g.Key, total, done, g.Count(i => i.Status == RealisationStatus.Stopped), total == 0 ? null : (double)done / total);
            })
            .ToList();
}
