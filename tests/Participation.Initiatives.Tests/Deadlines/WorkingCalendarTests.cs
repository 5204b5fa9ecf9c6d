using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Participation.Initiatives.Deadlines;
using Participation.Municipality.Calendar;
using Participation.Initiatives.Lifecycle;

namespace Participation.Initiatives.Tests.Deadlines;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar calendar = new();

    [Fact]
    public void Easter_2026_skips_easter_monday_but_not_good_friday()
    {
        // Thursday 2 April 2026, 14:00 in Amsterdam (summer time).
        var submitted = new DateTimeOffset(2026, 4, 2, 14, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(new DateOnly(2026, 4, 10), calendar.DueAfter(submitted, 5).DueDay);
        var closedOnGoodFriday = new WorkingCalendar(new DutchHolidays(new HolidayOptions(GoodFridayIsDayOff: true)));
        Assert.Equal(new DateOnly(2026, 4, 13), closedOnGoodFriday.DueAfter(submitted, 5).DueDay);
    }

    [Fact]
    public void Christmas_and_new_year_are_skipped()
    {
        var christmasEve = new DateTimeOffset(2025, 12, 24, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateOnly(2025, 12, 31), calendar.DueAfter(christmasEve, 3).DueDay);
        Assert.Equal(new DateOnly(2026, 1, 2), calendar.DueAfter(christmasEve, 4).DueDay);
    }

    [Fact]
    public void Kings_day_2026_and_liberation_day_are_skipped()
    {
        var friday = new DateTimeOffset(2026, 4, 24, 9, 0, 0, TimeSpan.FromHours(2));

        // Mon 27 April Koningsdag, Tue 5 May Bevrijdingsdag.
        Assert.Equal(new DateOnly(2026, 4, 28), calendar.DueAfter(friday, 1).DueDay);
        Assert.Equal(new DateOnly(2026, 5, 6), calendar.DueAfter(friday, 6).DueDay);
    }

    [Fact]
    public void The_day_is_the_amsterdam_day_not_the_utc_day()
    {
        // Friday 27 March 2026 23:30 UTC is already Saturday 00:30 in Amsterdam; 22:30 UTC is still Friday.
        var saturdayInAmsterdam = new DateTimeOffset(2026, 3, 27, 23, 30, 0, TimeSpan.Zero);
        var fridayInAmsterdam = new DateTimeOffset(2026, 3, 27, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 31), calendar.DueAfter(saturdayInAmsterdam, 2).DueDay);
        Assert.Equal(new DateOnly(2026, 3, 31), calendar.DueAfter(fridayInAmsterdam, 2).DueDay);
        Assert.Equal(new DateOnly(2026, 3, 30), calendar.DueAfter(fridayInAmsterdam, 1).DueDay);
    }

    [Fact]
    public void Due_by_is_amsterdam_midnight_across_summer_time_changes()
    {
        // Summer time starts Sunday 29 March 2026, ends Sunday 25 October 2026.
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 23, 0, 0, TimeSpan.Zero), WorkingCalendar.DeadlineOn(new DateOnly(2026, 3, 27)).DueBy);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 22, 0, 0, TimeSpan.Zero), WorkingCalendar.DeadlineOn(new DateOnly(2026, 3, 30)).DueBy);
        Assert.Equal(new DateTimeOffset(2026, 10, 23, 22, 0, 0, TimeSpan.Zero), WorkingCalendar.DeadlineOn(new DateOnly(2026, 10, 23)).DueBy);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero), WorkingCalendar.DeadlineOn(new DateOnly(2026, 10, 26)).DueBy);
    }

    [Fact]
    public void Due_days_are_working_days_exactly_n_working_days_later()
    {
        Gen.Int[0, 3650].Select(Gen.Int[1, 40], Gen.Int[0, 1439]).Sample((dayOffset, workingDays, minute) =>
        {
            var moment = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(dayOffset).AddMinutes(minute);
            var deadline = calendar.DueAfter(moment, workingDays);

            Assert.True(calendar.IsWorkingDay(deadline.DueDay));
            Assert.Equal(workingDays, calendar.WorkingDaysBetween(DutchTime.DateOf(moment), deadline.DueDay));
            Assert.Equal(deadline.DueDay.AddDays(1), DutchTime.DateOf(deadline.DueBy));
            Assert.Equal(deadline.DueDay, DutchTime.DateOf(deadline.DueBy.AddTicks(-1)));
        }, iter: 500);
    }

    [Fact]
    public void Service_levels_give_first_response_and_decision_deadlines()
    {
        var levels = new ServiceLevels(ServiceLevels.Defaults, calendar);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero));

        var firstResponse = levels.DueFor(ServiceLevels.Initiative, InitiativeStatus.Routed, clock.GetUtcNow());
        var decision = levels.DueFor(ServiceLevels.Initiative, InitiativeStatus.InReview, clock.GetUtcNow());

        Assert.Equal(new DateOnly(2026, 4, 10), firstResponse?.DueDay);
        // 20 working days from Thu 2 April: skips Easter Monday, Koningsdag (27 April) and Bevrijdingsdag (5 May).
        Assert.Equal(new DateOnly(2026, 5, 4), decision?.DueDay);
        Assert.Null(levels.DueFor(ServiceLevels.Initiative, InitiativeStatus.NeedsInfo, clock.GetUtcNow()));
        Assert.Null(levels.DueFor("complaint", InitiativeStatus.Routed, clock.GetUtcNow()));
    }
}
