using Participation.Municipality.Calendar;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Participation.Bot.Handoff;

namespace Participation.Bot.Tests.Handoff;

public sealed class OfficeHoursTests
{
    [Theory]
    [InlineData("2026-11-23T08:30:00Z", true)]   // Monday 9:30 in Amsterdam (winter, UTC+1)
    [InlineData("2026-11-23T07:59:00Z", false)]  // 8:59
    [InlineData("2026-11-23T15:59:00Z", true)]   // 16:59
    [InlineData("2026-11-23T16:00:00Z", false)]  // 17:00, closed
    [InlineData("2026-07-06T07:30:00Z", true)]   // Monday 9:30 in summer (UTC+2)
    [InlineData("2026-07-06T15:30:00Z", false)]  // 17:30 in summer, though 15:30 UTC
    [InlineData("2026-11-21T10:00:00Z", false)]  // Saturday
    [InlineData("2026-04-06T10:00:00Z", false)]  // Easter Monday
    [InlineData("2026-05-14T10:00:00Z", false)]  // Ascension Day
    [InlineData("2026-05-25T10:00:00Z", false)]  // Whit Monday
    [InlineData("2026-04-27T10:00:00Z", false)]  // Koningsdag
    [InlineData("2026-12-25T10:00:00Z", false)]  // Christmas
    [InlineData("2027-01-01T10:00:00Z", false)]  // New Year
    [InlineData("2026-05-05T10:00:00Z", false)]  // Bevrijdingsdag (default: closed every year)
    public void Agents_are_available_in_opening_hours_in_Amsterdam_except_holidays(string utc, bool available)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(available, new OfficeHours(clock, Options.Create(new HandoffOptions())).AgentsAvailable());
    }

    [Fact]
    public void Liberation_day_can_be_a_working_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var options = new HandoffOptions { LiberationDay = LiberationDayRule.EveryFifthYear };

        Assert.True(new OfficeHours(clock, Options.Create(options)).AgentsAvailable());
    }

    [Fact]
    public void Extra_closing_days_and_hours_come_from_configuration()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 15, 10, 0, 0, TimeSpan.Zero));
        var options = new HandoffOptions { ExtraClosedDays = [new DateOnly(2026, 5, 15)] };
        Assert.False(new OfficeHours(clock, Options.Create(options)).AgentsAvailable());

        clock.Advance(TimeSpan.FromDays(3)); // Monday 18 May, 12:00 local
        var shortDay = new HandoffOptions { Opens = new TimeOnly(8, 0), Closes = new TimeOnly(12, 0) };
        Assert.False(new OfficeHours(clock, Options.Create(shortDay)).AgentsAvailable());
    }
}
