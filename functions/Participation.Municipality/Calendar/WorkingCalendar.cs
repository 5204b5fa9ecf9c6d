namespace Participation.Municipality.Calendar;

/// <summary>Monday to Friday in Amsterdam, minus Dutch public holidays.</summary>
public sealed class WorkingCalendar(DutchHolidays holidays)
{
    private readonly Dictionary<int, HashSet<DateOnly>> byYear = [];

    public WorkingCalendar()
        : this(new DutchHolidays())
    {
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !HolidaysIn(day.Year).Contains(day);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="day"/> (before it when negative); 0 gives the day itself.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var remaining = Math.Abs(workingDays);
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// Due <paramref name="workingDays"/> working days after <paramref name="moment"/>: counting starts the Amsterdam day after
    /// the moment, whatever its hour, so something sent at 23:59 on Friday or on a holiday gets the same full working days.
    /// </summary>
    public Deadline DueAfter(DateTimeOffset moment, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        return DeadlineOn(AddWorkingDays(DutchTime.DateOf(moment), workingDays));
    }

    public static Deadline DeadlineOn(DateOnly dueDay) => new(dueDay, DutchTime.StartOf(dueDay.AddDays(1)));

    /// <summary>Working days from the day after <paramref name="from"/> through <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private HashSet<DateOnly> HolidaysIn(int year)
    {
        lock (byYear)
        {
            if (!byYear.TryGetValue(year, out var days))
            {
                days = holidays.In(year).Select(h => h.Date).ToHashSet();
                byYear[year] = days;
            }

            return days;
        }
    }
}
