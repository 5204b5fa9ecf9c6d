using System.Globalization;

namespace Participation.Realisation;

/// <summary>
/// The rules of a realisation item: what may change and how. The host stores, authorises and transports; this decides.
/// Closed items (done or stopped) are history and refuse every change but a public update.
/// </summary>
public static class RealisationChanges
{
    public const int MaxTitle = 200;
    public const int MaxText = 2000;
    public const int MaxReason = 1000;
    /// <summary>Whole euros; more than any municipal project, so a typo of a few zeros is caught.</summary>
    public const long MaxAmount = 1_000_000_000;

    public static RealisationOutcome AddMilestone(RealisationItem item, string? title, string? planned)
    {
        if (item.IsClosed) return Closed(item);
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle)
            return Invalid("realisation.milestone.title", "title", $"Give the milestone a title of 1 to {MaxTitle} characters.", $"Geef de mijlpaal een titel van 1 tot {MaxTitle} tekens.");
        if (ParseDate(planned) is not { } date)
            return Invalid("realisation.milestone.planned", "planned", "Give the planned date as YYYY-MM-DD.", "Geef de geplande datum als JJJJ-MM-DD.");

        var id = "m" + (item.Milestones.Select(m => int.TryParse(m.Id.AsSpan(1), CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1)
            .ToString(CultureInfo.InvariantCulture);
        var milestone = new Milestone(id, title.Trim(), date, date, null, []);
        return RealisationOutcome.Done(item with { Milestones = [.. item.Milestones, milestone] }, new("realisation.milestone-added", id, false));
    }

    /// <summary>Marks a milestone done on <paramref name="date"/> (today when empty); the first done milestone starts the work.</summary>
    public static RealisationOutcome CompleteMilestone(RealisationItem item, string milestoneId, string? date, DateOnly today)
    {
        if (item.IsClosed) return Closed(item);
        if (item.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone) return MilestoneNotFound(milestoneId);
        if (milestone.Done is not null)
            return Conflict("realisation.milestone.already-done", "milestoneId", "This milestone is already done.", "Deze mijlpaal is al afgerond.");

        var done = today;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (ParseDate(date) is not { } given)
                return Invalid("realisation.milestone.date", "date", "Give the date as YYYY-MM-DD.", "Geef de datum als JJJJ-MM-DD.");
            if (given > today)
                return Invalid("realisation.milestone.date-in-future", "date", "A milestone cannot be done on a date still to come.", "Een mijlpaal kan niet op een datum in de toekomst afgerond zijn.");
            done = given;
        }

        var changed = item with
        {
            Milestones = Replace(item.Milestones, milestone with { Done = done }),
            Status = item.Status == RealisationStatus.Planned ? RealisationStatus.InProgress : item.Status,
        };
        return RealisationOutcome.Done(changed, new("realisation.milestone-done", milestone.Id, true));
    }

    /// <summary>Moves a planned date; the original stays, and so does each move with its reason.</summary>
    public static RealisationOutcome ReplanMilestone(RealisationItem item, string milestoneId, string? planned, string? reason, DateTimeOffset now)
    {
        if (item.IsClosed) return Closed(item);
        if (item.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone) return MilestoneNotFound(milestoneId);
        if (milestone.Done is not null)
            return Conflict("realisation.milestone.already-done", "milestoneId", "A milestone that is done keeps its dates.", "Een afgeronde mijlpaal houdt zijn datums.");
        if (ParseDate(planned) is not { } date)
            return Invalid("realisation.milestone.planned", "planned", "Give the new planned date as YYYY-MM-DD.", "Geef de nieuwe geplande datum als JJJJ-MM-DD.");
        if (date == milestone.Planned)
            return Invalid("realisation.milestone.same-date", "planned", "This is already the planned date.", "Dit is al de geplande datum.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason)
            return Invalid("realisation.milestone.reason", "reason", "Say why the date moves (1 to 1000 characters).", "Geef aan waarom de datum verschuift (1 tot 1000 tekens).");

        var replanned = milestone with { Planned = date, Replans = [.. milestone.Replans, new Replan(milestone.Planned, date, reason.Trim(), now)] };
        return RealisationOutcome.Done(item with { Milestones = Replace(item.Milestones, replanned) }, new("realisation.milestone-replanned", milestone.Id, false));
    }

    /// <summary>Validates a public update; the item itself does not change, but the update is audited with it.</summary>
    public static RealisationOutcome AddUpdate(RealisationItem item, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText)
            return Invalid("realisation.update.text", "text", $"Write the update (1 to {MaxText} characters).", $"Schrijf de update (1 tot {MaxText} tekens).");
        return RealisationOutcome.Done(item, new("realisation.update-added", null, false));
    }

    /// <summary>Forward only: planned → in-progress → done, or stopped (with a reason) from either open status.</summary>
    public static RealisationOutcome ChangeStatus(RealisationItem item, string? status, string? reason, DateTimeOffset now)
    {
        if (!WireNames.TryParseStatus(status, out var target))
            return Invalid("realisation.status.unknown", "status", "Choose a status: planned, in-progress, done or stopped.", "Kies een status: planned, in-progress, done of stopped.");
        if (item.IsClosed) return Closed(item);
        if (target <= item.Status)
            return Conflict("realisation.status.backwards", "status", $"The item is {item.Status.ToWireName()}; it can only move forward.", $"Het item is {item.Status.ToWireName()}; de status kan alleen vooruit.");
        if (target == RealisationStatus.Stopped && (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason))
            return Invalid("realisation.status.reason", "reason", "Say why the work stops (1 to 1000 characters).", "Geef aan waarom het werk stopt (1 tot 1000 tekens).");

        var changed = item with
        {
            Status = target,
            StopReason = target == RealisationStatus.Stopped ? reason!.Trim() : null,
            ClosedAt = target is RealisationStatus.Done or RealisationStatus.Stopped ? now : null,
        };
        return RealisationOutcome.Done(changed, new("realisation.status-" + target.ToWireName(), null, changed.IsClosed));
    }

    /// <summary>
    /// Records the money spent so far (a total, not an addition: sending it twice changes nothing). Allowed on closed items
    /// too, because the last invoices arrive after the work is done or stopped.
    /// </summary>
    public static RealisationOutcome RecordSpent(RealisationItem item, long? amount)
    {
        if (amount is not { } value || value < 0 || value > MaxAmount)
            return Invalid("realisation.spent.amount", "amount", "Give the amount spent so far in whole euros (0 or more).", "Geef het tot nu toe uitgegeven bedrag in hele euro's (0 of meer).");
        return RealisationOutcome.Done(item with { Spent = value }, new("realisation.spent", null, false));
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static List<Milestone> Replace(IReadOnlyList<Milestone> milestones, Milestone changed) =>
        milestones.Select(m => m.Id == changed.Id ? changed : m).ToList();

    private static RealisationOutcome Closed(RealisationItem item) =>
        Conflict("realisation.closed", "status", $"The item is {item.Status.ToWireName()}; it does not change any more.", $"Het item is {item.Status.ToWireName()}; het verandert niet meer.");

    private static RealisationOutcome MilestoneNotFound(string id) =>
        RealisationOutcome.Refused(RefusalKind.NotFound, "realisation.milestone.not-found", "milestoneId", $"There is no milestone '{id}' on this item.", $"Dit item heeft geen mijlpaal '{id}'.");

    private static RealisationOutcome Invalid(string code, string field, string english, string dutch) =>
        RealisationOutcome.Refused(RefusalKind.Invalid, code, field, english, dutch);

    private static RealisationOutcome Conflict(string code, string field, string english, string dutch) =>
        RealisationOutcome.Refused(RefusalKind.Conflict, code, field, english, dutch);
}
