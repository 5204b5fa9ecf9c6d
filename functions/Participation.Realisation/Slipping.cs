using Participation.Municipality.Calendar;

namespace Participation.Realisation;

/// <summary>
/// When a milestone slips, counted the way the platform counts every deadline: Amsterdam days and working days. A
/// milestone planned for a day slips once a whole working day has passed after it without a done date — planned on a
/// Friday, it slips on Monday, or on Tuesday when that Monday is Easter Monday.
/// </summary>
public sealed class Slipping(WorkingCalendar calendar)
{
    public bool IsSlipping(Milestone milestone, DateOnly today) => milestone.Done is null && DaysLate(milestone, today) >= 1;

    /// <summary>Working days past the planned date; 0 when it has not passed.</summary>
    public int DaysLate(Milestone milestone, DateOnly today) => calendar.WorkingDaysBetween(milestone.Planned, today);

    /// <summary>The day a milestone still open on its planned date starts slipping.</summary>
    public DateOnly SlipsOn(Milestone milestone) => calendar.AddWorkingDays(milestone.Planned, 1);

    /// <summary>
    /// Whether a milestone counts as slipped in the figures: slipping now, done late, or moved to a later date — a moved
    /// date keeps counting even when the new date is met, or a slip could be hidden by replanning it.
    /// </summary>
    public bool CountsAsSlipped(Milestone milestone, DateOnly today) =>
        IsSlipping(milestone, today)
        || milestone.WasReplannedLater
        || (milestone.Done is { } done && calendar.WorkingDaysBetween(milestone.Planned, done) >= 1);

    /// <summary>Milestones of open items that are slipping today, longest late first.</summary>
    public IReadOnlyList<SlippedMilestone> SlippingNow(IEnumerable<RealisationItem> items, DateOnly today) =>
        items.Where(item => !item.IsClosed)
            .SelectMany(item => item.Milestones.Where(m => IsSlipping(m, today))
                .Select(m => new SlippedMilestone(item.Id, item.Title, item.Neighbourhood, item.Team, m.Id, m.Title, m.Planned, m.OriginalPlanned, DaysLate(m, today))))
            .OrderByDescending(s => s.DaysLate).ThenBy(s => s.ItemId, StringComparer.Ordinal).ThenBy(s => s.MilestoneId, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Milestones that started slipping on a day in [<paramref name="from"/>, <paramref name="until"/>) and still slip
    /// today: what a weekly digest reports as new, so each slip is reported in exactly one week.
    /// </summary>
    public IReadOnlyList<SlippedMilestone> NewlySlipping(IEnumerable<RealisationItem> items, DateOnly from, DateOnly until, DateOnly today)
    {
        var byKey = items.SelectMany(i => i.Milestones.Select(m => (i.Id, m))).ToDictionary(p => (p.Id, p.m.Id), p => p.m);
        return SlippingNow(items, today).Where(s => SlipsOn(byKey[(s.ItemId, s.MilestoneId)]) is var day && day >= from && day < until).ToList();
    }
}

/// <summary>A slipped milestone as the council and the team see it: no personal data, only the item, the step and the team.</summary>
public sealed record SlippedMilestone(
    string ItemId, string ItemTitle, string Neighbourhood, string Team, string MilestoneId, string MilestoneTitle,
    DateOnly Planned, DateOnly OriginalPlanned, int DaysLate);
