using Microsoft.Extensions.Time.Testing;
using Participation.Initiatives.Deadlines;
using Participation.Municipality.Calendar;

namespace Participation.Initiatives.Tests.Deadlines;

public sealed class EscalationPolicyTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private readonly WorkingCalendar calendar = new();
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void Each_level_comes_once_at_its_moment()
    {
        // Due Friday 10 April 2026 (after Easter); reminder 2 working days before: Wednesday 8 April 00:00.
        var deadline = WorkingCalendar.DeadlineOn(new DateOnly(2026, 4, 10));
        var policy = Policy();
        var sent = new List<EscalationLevel>();

        Assert.Empty(At(policy, deadline, new DateTimeOffset(2026, 4, 7, 23, 59, 0, Summer), sent));
        Assert.Equal([EscalationLevel.Reminder], Levels(At(policy, deadline, new DateTimeOffset(2026, 4, 8, 0, 0, 0, Summer), sent)));
        Assert.Empty(At(policy, deadline, new DateTimeOffset(2026, 4, 10, 23, 59, 0, Summer), sent));

        var level1 = At(policy, deadline, new DateTimeOffset(2026, 4, 11, 0, 0, 0, Summer), sent);
        Assert.Equal([(EscalationLevel.Level1, EscalationRecipient.TeamLead)], level1.Select(n => (n.Level, n.Recipient)));

        // Five working days after Friday 10 April: 13–17 April, so level 2 from Saturday 18 April 00:00.
        Assert.Empty(At(policy, deadline, new DateTimeOffset(2026, 4, 17, 23, 0, 0, Summer), sent));
        var level2 = At(policy, deadline, new DateTimeOffset(2026, 4, 18, 0, 0, 0, Summer), sent);
        Assert.Equal([(EscalationLevel.Level2, EscalationRecipient.Admin)], level2.Select(n => (n.Level, n.Recipient)));

        Assert.Empty(At(policy, deadline, new DateTimeOffset(2026, 6, 1, 0, 0, 0, Summer), sent));
        Assert.Equal([EscalationLevel.Reminder, EscalationLevel.Level1, EscalationLevel.Level2], sent);
    }

    [Fact]
    public void Asking_twice_without_sending_returns_the_same_notices()
    {
        var deadline = WorkingCalendar.DeadlineOn(new DateOnly(2026, 4, 10));
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 9, 0, 0, Summer));

        var first = Policy().Owed(deadline, []);
        var second = Policy().Owed(deadline, []);

        Assert.Equal(first, second);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 0, 0, 0, Summer), Assert.Single(first).OwedSince);
    }

    [Fact]
    public void A_late_run_sends_every_missing_level_but_no_stale_reminder()
    {
        var deadline = WorkingCalendar.DeadlineOn(new DateOnly(2026, 4, 10));
        clock.SetUtcNow(new DateTimeOffset(2026, 5, 1, 9, 0, 0, Summer));

        Assert.Equal([EscalationLevel.Level1, EscalationLevel.Level2], Levels(Policy().Owed(deadline, [])));
        Assert.Equal([EscalationLevel.Level2], Levels(Policy().Owed(deadline, [EscalationLevel.Level1])));
    }

    [Fact]
    public void Reminder_days_skip_holidays()
    {
        // Due Tuesday 28 April 2026; two working days before skips Koningsdag (Mon 27) and the weekend: Thursday 23 April.
        var deadline = WorkingCalendar.DeadlineOn(new DateOnly(2026, 4, 28));
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 22, 23, 59, 0, Summer));
        Assert.Empty(Policy().Owed(deadline, []));

        clock.SetUtcNow(new DateTimeOffset(2026, 4, 23, 0, 0, 0, Summer));
        var reminder = Assert.Single(Policy().Owed(deadline, []));

        Assert.Equal(new DateTimeOffset(2026, 4, 23, 0, 0, 0, Summer), reminder.OwedSince);
    }

    [Fact]
    public void Overdue_moment_follows_amsterdam_midnight_over_the_winter_time_change()
    {
        // Due Friday 23 October 2026 (summer time); level 2 after five working days lands past the change of Sunday 25 October.
        var deadline = WorkingCalendar.DeadlineOn(new DateOnly(2026, 10, 23));
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 30, 22, 59, 0, TimeSpan.Zero));
        Assert.Equal([EscalationLevel.Level1], Levels(Policy().Owed(deadline, [EscalationLevel.Reminder])));

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 30, 23, 0, 0, TimeSpan.Zero));
        var owed = Policy().Owed(deadline, [EscalationLevel.Reminder]);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 0, 0, 0, Summer), owed[0].OwedSince);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, Winter), owed[1].OwedSince);
    }

    [Fact]
    public void Escalation_levels_have_kebab_case_wire_names()
    {
        Assert.Equal("\"level-1\"", System.Text.Json.JsonSerializer.Serialize(EscalationLevel.Level1));
        Assert.Equal(EscalationLevel.Reminder, System.Text.Json.JsonSerializer.Deserialize<EscalationLevel>("\"reminder\""));
    }

    private EscalationPolicy Policy() => new(calendar, new EscalationOptions(ReminderWorkingDaysBefore: 2, Level2WorkingDaysAfter: 5), clock);

    private IReadOnlyList<EscalationNotice> At(EscalationPolicy policy, Deadline deadline, DateTimeOffset now, List<EscalationLevel> sent)
    {
        clock.SetUtcNow(now);
        var owed = policy.Owed(deadline, sent);
        sent.AddRange(owed.Select(n => n.Level));
        return owed;
    }

    private static IEnumerable<EscalationLevel> Levels(IEnumerable<EscalationNotice> notices) => notices.Select(n => n.Level);
}
