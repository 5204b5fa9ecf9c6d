using Participation.Municipality.Calendar;

namespace Participation.Initiatives.Tests.Deadlines;

public sealed class DutchHolidaysTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_follows_the_computus(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DutchHolidays.EasterSunday(year));
    }

    [Fact]
    public void Holidays_of_2026()
    {
        var holidays = new DutchHolidays().In(2026).Select(h => $"{h.Date:MM-dd} {h.Name}");

        Assert.Equal(
        [
            "01-01 Nieuwjaarsdag", "04-05 Eerste Paasdag", "04-06 Tweede Paasdag", "04-27 Koningsdag", "05-05 Bevrijdingsdag",
            "05-14 Hemelvaartsdag", "05-24 Eerste Pinksterdag", "05-25 Tweede Pinksterdag", "12-25 Eerste Kerstdag", "12-26 Tweede Kerstdag",
        ], holidays);
    }

    [Fact]
    public void Kings_day_on_a_sunday_moves_to_saturday_26_april()
    {
        var holidays = new DutchHolidays();

        Assert.Equal("Koningsdag", holidays.Find(new DateOnly(2025, 4, 26))?.Name);
        Assert.Null(holidays.Find(new DateOnly(2025, 4, 27)));
        Assert.Equal("Koningsdag", holidays.Find(new DateOnly(2026, 4, 27))?.Name);
    }

    [Fact]
    public void Good_friday_is_a_day_off_only_when_configured()
    {
        var goodFriday = new DateOnly(2026, 4, 3);

        Assert.Null(new DutchHolidays().Find(goodFriday));
        Assert.Equal("Goede Vrijdag", new DutchHolidays(new HolidayOptions(GoodFridayIsDayOff: true)).Find(goodFriday)?.Name);
    }

    [Theory]
    [InlineData(2025, true)]
    [InlineData(2026, false)]
    [InlineData(2030, true)]
    public void Liberation_day_every_fifth_year_when_configured(int year, bool dayOff)
    {
        var lustrum = new DutchHolidays(new HolidayOptions(LiberationDay: LiberationDayRule.EveryFifthYear));

        Assert.Equal(dayOff, lustrum.Find(new DateOnly(year, 5, 5)) is not null);
        Assert.NotNull(new DutchHolidays().Find(new DateOnly(year, 5, 5)));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Liberation_day_can_be_a_working_day(int year)
    {
        var open = new DutchHolidays(new HolidayOptions(LiberationDay: LiberationDayRule.Never));

        Assert.Null(open.Find(new DateOnly(year, 5, 5)));
        Assert.NotNull(open.Find(new DateOnly(year, 12, 25)));
    }
}
