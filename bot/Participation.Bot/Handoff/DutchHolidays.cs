namespace Participation.Bot.Handoff;

/// <summary>
/// Dutch public holidays on which municipal offices close. They follow fixed rules (no calendar service needed):
/// Easter by the Gregorian computus, the moveable feasts from Easter, Koningsdag on 27 April unless that is a Sunday.
/// </summary>
public static class DutchHolidays
{
    public static DateOnly EasterSunday(int year)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year, LiberationDayClosure liberationDay)
    {
        var easter = EasterSunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }

        var holidays = new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            (easter, "Eerste Paasdag"),
            (easter.AddDays(1), "Tweede Paasdag"),
            (kingsDay, "Koningsdag"),
            (easter.AddDays(39), "Hemelvaartsdag"),
            (easter.AddDays(49), "Eerste Pinksterdag"),
            (easter.AddDays(50), "Tweede Pinksterdag"),
            (new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            (new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        };
        if (liberationDay == LiberationDayClosure.EveryYear || (liberationDay == LiberationDayClosure.LustrumOnly && year % 5 == 0))
        {
            holidays.Add((new DateOnly(year, 5, 5), "Bevrijdingsdag"));
        }

        return holidays;
    }

    public static bool IsHoliday(DateOnly date, LiberationDayClosure liberationDay) =>
        For(date.Year, liberationDay).Any(h => h.Date == date);
}
