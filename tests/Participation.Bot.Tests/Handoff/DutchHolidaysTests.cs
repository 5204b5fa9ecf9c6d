using Participation.Bot.Handoff;

namespace Participation.Bot.Tests.Handoff;

public sealed class DutchHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_follows_the_Gregorian_computus(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DutchHolidays.EasterSunday(year));

    [Fact]
    public void The_holidays_of_2026()
    {
        var dates = DutchHolidays.For(2026, LiberationDayClosure.EveryYear).Select(h => h.Date.ToString("MM-dd")).Order();

        Assert.Equal(["01-01", "04-05", "04-06", "04-27", "05-05", "05-14", "05-24", "05-25", "12-25", "12-26"], dates);
    }

    [Fact]
    public void Kings_day_moves_to_Saturday_when_27_April_is_a_Sunday()
    {
        Assert.True(DutchHolidays.IsHoliday(new DateOnly(2025, 4, 26), LiberationDayClosure.Never));
        Assert.False(DutchHolidays.IsHoliday(new DateOnly(2025, 4, 27), LiberationDayClosure.Never));
    }

    [Theory]
    [InlineData(LiberationDayClosure.EveryYear, 2026, true)]
    [InlineData(LiberationDayClosure.LustrumOnly, 2026, false)]
    [InlineData(LiberationDayClosure.LustrumOnly, 2030, true)]
    [InlineData(LiberationDayClosure.Never, 2030, false)]
    public void Liberation_day_is_configurable(LiberationDayClosure closure, int year, bool closed) =>
        Assert.Equal(closed, DutchHolidays.IsHoliday(new DateOnly(year, 5, 5), closure));
}
