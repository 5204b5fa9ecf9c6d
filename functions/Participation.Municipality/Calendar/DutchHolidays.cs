namespace Participation.Municipality.Calendar;

/// <summary>Dutch public holidays computed by rule, so no list has to be updated each year.</summary>
public sealed class DutchHolidays(HolidayOptions options)
{
    public DutchHolidays()
        : this(new HolidayOptions())
    {
    }

    public HolidayOptions Options => options;

    public IReadOnlyList<Holiday> In(int year)
    {
        var easter = EasterSunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        var holidays = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            new(easter, "Eerste Paasdag"),
            new(easter.AddDays(1), "Tweede Paasdag"),
            // Koningsdag moves to Saturday 26 April when 27 April is a Sunday.
            new(kingsDay.DayOfWeek == DayOfWeek.Sunday ? kingsDay.AddDays(-1) : kingsDay, "Koningsdag"),
            new(easter.AddDays(39), "Hemelvaartsdag"),
            new(easter.AddDays(49), "Eerste Pinksterdag"),
            new(easter.AddDays(50), "Tweede Pinksterdag"),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        };

        if (options.GoodFridayIsDayOff)
        {
            holidays.Add(new Holiday(easter.AddDays(-2), "Goede Vrijdag"));
        }

        if (options.LiberationDay == LiberationDayRule.EveryYear || (options.LiberationDay == LiberationDayRule.EveryFifthYear && year % 5 == 0))
        {
            holidays.Add(new Holiday(new DateOnly(year, 5, 5), "Bevrijdingsdag"));
        }

        return holidays.OrderBy(h => h.Date).ToList();
    }

    public Holiday? Find(DateOnly day) => In(day.Year).FirstOrDefault(h => h.Date == day);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
