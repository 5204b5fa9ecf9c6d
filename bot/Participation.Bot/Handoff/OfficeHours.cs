using Participation.Municipality.Calendar;

namespace Participation.Bot.Handoff;

/// <summary>Agents are available during configured opening hours in Amsterdam time, except on Dutch public holidays.</summary>
public sealed class OfficeHours(TimeProvider clock, IOptions<HandoffOptions> options) : IAgentAvailability
{
    public bool AgentsAvailable()
    {
        var settings = options.Value;
        // Servers run in UTC; opening hours are Amsterdam time, summer time included.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return settings.Days.Contains(local.DayOfWeek)
            && time >= settings.Opens && time < settings.Closes
            && !settings.ExtraClosedDays.Contains(date)
            && new DutchHolidays(new HolidayOptions(LiberationDay: settings.LiberationDay)).Find(date) is null;
    }
}
