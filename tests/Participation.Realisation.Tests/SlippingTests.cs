using CsCheck;
using Participation.Municipality.Calendar;

namespace Participation.Realisation.Tests;

public sealed class SlippingTests
{
    private readonly Slipping slipping = new(new WorkingCalendar());

    [Fact]
    public void A_milestone_planned_on_a_Friday_slips_on_Monday_not_at_the_weekend()
    {
        var friday = new DateOnly(2026, 6, 12);
        var milestone = RealisationChangesTests.Open("m1", friday);

        Assert.False(slipping.IsSlipping(milestone, friday));
        Assert.False(slipping.IsSlipping(milestone, friday.AddDays(1)));
        Assert.False(slipping.IsSlipping(milestone, friday.AddDays(2)));
        Assert.True(slipping.IsSlipping(milestone, friday.AddDays(3)));
        Assert.Equal(friday.AddDays(3), slipping.SlipsOn(milestone));
        Assert.Equal(1, slipping.DaysLate(milestone, friday.AddDays(3)));
    }

    [Fact]
    public void Easter_Monday_is_no_working_day_so_a_slip_starts_on_Tuesday()
    {
        var thursday = new DateOnly(2026, 4, 2); // Good Friday 3 April is a working day by default; Easter Monday 6 April is not
        var milestone = RealisationChangesTests.Open("m1", new DateOnly(2026, 4, 3));

        Assert.Equal(new DateOnly(2026, 4, 7), slipping.SlipsOn(milestone));
        Assert.False(slipping.IsSlipping(milestone, new DateOnly(2026, 4, 6)));
        Assert.True(slipping.IsSlipping(milestone, new DateOnly(2026, 4, 7)));
        Assert.False(slipping.IsSlipping(RealisationChangesTests.Open("m2", thursday), thursday));
    }

    [Fact]
    public void A_replanned_milestone_counts_as_slipped_even_when_the_new_date_is_met()
    {
        var original = new DateOnly(2026, 6, 1);
        var moved = new Milestone("m1", "Plaatsen", original, new DateOnly(2026, 7, 1), new DateOnly(2026, 6, 30), [new Replan(original, new DateOnly(2026, 7, 1), "regen", default)]);

        Assert.False(slipping.IsSlipping(moved, new DateOnly(2026, 7, 10)));
        Assert.True(slipping.CountsAsSlipped(moved, new DateOnly(2026, 7, 10)));
        Assert.False(slipping.CountsAsSlipped(RealisationChangesTests.Open("m2", original) with { Done = original }, new DateOnly(2026, 7, 10)));
        Assert.True(slipping.CountsAsSlipped(RealisationChangesTests.Open("m3", original) with { Done = original.AddDays(1) }, new DateOnly(2026, 7, 10)));
    }

    [Fact]
    public void Only_open_items_have_slipping_milestones_and_the_weekly_window_reports_each_slip_once()
    {
        var monday = new DateOnly(2026, 6, 15);
        var open = RealisationChangesTests.Item(
            RealisationChangesTests.Open("m1", new DateOnly(2026, 6, 4)),   // slipped on Fri 5 June: last week's digest
            RealisationChangesTests.Open("m2", new DateOnly(2026, 6, 9)),   // slipped on Wed 10 June: this week's
            RealisationChangesTests.Open("m3", new DateOnly(2026, 6, 20))); // not yet
        var stopped = RealisationChangesTests.Item(RealisationChangesTests.Open("m1", new DateOnly(2026, 6, 9))) with { Id = "other", Status = RealisationStatus.Stopped };

        var now = slipping.SlippingNow([open, stopped], monday);
        Assert.Equal(["m1", "m2"], now.Select(s => s.MilestoneId));
        Assert.Equal([7, 4], now.Select(s => s.DaysLate));

        var thisWeek = slipping.NewlySlipping([open, stopped], monday.AddDays(-7), monday, monday);
        Assert.Equal("m2", Assert.Single(thisWeek).MilestoneId);
        var lastWeek = slipping.NewlySlipping([open, stopped], monday.AddDays(-14), monday.AddDays(-7), monday);
        Assert.Equal("m1", Assert.Single(lastWeek).MilestoneId);
    }

    [Fact]
    public void Days_late_agree_with_counting_working_days_one_by_one()
    {
        var calendar = new WorkingCalendar();
        Gen.Select(Gen.Int[0, 1500], Gen.Int[0, 120]).Sample((start, length) =>
        {
            var planned = new DateOnly(2025, 1, 1).AddDays(start);
            var today = planned.AddDays(length);
            var naive = Enumerable.Range(1, length).Count(d => calendar.IsWorkingDay(planned.AddDays(d)));
            var milestone = RealisationChangesTests.Open("m1", planned);
            return slipping.DaysLate(milestone, today) == naive && slipping.IsSlipping(milestone, today) == naive >= 1;
        });
    }
}
