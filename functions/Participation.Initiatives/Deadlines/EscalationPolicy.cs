using System.Text.Json.Serialization;
using Participation.Municipality.Calendar;

namespace Participation.Initiatives.Deadlines;

[JsonConverter(typeof(JsonStringEnumConverter<EscalationLevel>))]
public enum EscalationLevel
{
    /// <summary>Before the deadline, to the owner.</summary>
    [JsonStringEnumMemberName("reminder")] Reminder,

    /// <summary>At the deadline, to the team lead.</summary>
    [JsonStringEnumMemberName("level-1")] Level1,

    /// <summary>Still overdue some working days later, to the admin or manager.</summary>
    [JsonStringEnumMemberName("level-2")] Level2,
}

public enum EscalationRecipient
{
    Owner,
    TeamLead,
    Admin,
}

/// <param name="OwedSince">When this notice became due, for ordering and for the message ("overdue since …").</param>
public sealed record EscalationNotice(EscalationLevel Level, EscalationRecipient Recipient, DateTimeOffset OwedSince);

/// <param name="ReminderWorkingDaysBefore">The reminder is owed from the start of this many working days before the due day (0: on the due day).</param>
/// <param name="Level2WorkingDaysAfter">Level 2 is owed when the request is still open this many working days after the due day.</param>
public sealed record EscalationOptions(int ReminderWorkingDaysBefore = 2, int Level2WorkingDaysAfter = 5);

/// <summary>
/// Which notices are owed now for a deadline. Idempotent: the caller passes the levels already sent and gets only what is
/// missing, so a timer that runs twice, or late, sends each level exactly once.
/// </summary>
public sealed class EscalationPolicy(WorkingCalendar calendar, EscalationOptions options, TimeProvider clock)
{
    public IReadOnlyList<EscalationNotice> Owed(Deadline deadline, IReadOnlyCollection<EscalationLevel> alreadySent)
    {
        var now = clock.GetUtcNow();
        var owed = new List<EscalationNotice>();

        var reminderAt = DutchTime.StartOf(calendar.AddWorkingDays(deadline.DueDay, -options.ReminderWorkingDaysBefore));
        // A reminder that the deadline is coming is pointless once it has passed; level 1 takes over.
        if (reminderAt <= now && now < deadline.DueBy && !alreadySent.Contains(EscalationLevel.Reminder))
        {
            owed.Add(new EscalationNotice(EscalationLevel.Reminder, EscalationRecipient.Owner, reminderAt));
        }

        if (deadline.DueBy <= now && !alreadySent.Contains(EscalationLevel.Level1))
        {
            owed.Add(new EscalationNotice(EscalationLevel.Level1, EscalationRecipient.TeamLead, deadline.DueBy));
        }

        // Level 2 does not replace level 1 when a late run finds both due: the team lead and the manager each need to know.
        var level2At = WorkingCalendar.DeadlineOn(calendar.AddWorkingDays(deadline.DueDay, options.Level2WorkingDaysAfter)).DueBy;
        if (level2At <= now && !alreadySent.Contains(EscalationLevel.Level2))
        {
            owed.Add(new EscalationNotice(EscalationLevel.Level2, EscalationRecipient.Admin, level2At));
        }

        return owed;
    }
}
