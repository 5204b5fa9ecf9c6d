using Participation.Municipality.Calendar;
using System.ComponentModel.DataAnnotations;

namespace Participation.Bot.Handoff;

/// <summary>When live agents are at work (section <c>Handoff</c>), in the municipality's own time zone.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    [Required] public string TimeZone { get; set; } = "Europe/Amsterdam";

    public TimeOnly Opens { get; set; } = new(9, 0);

    public TimeOnly Closes { get; set; } = new(17, 0);

    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>
    /// Bevrijdingsdag (5 May) is a national holiday, but whether municipal offices close every year or only in
    /// lustrum years (2025, 2030, …) depends on the collective agreement and the municipality.
    /// </summary>
    public LiberationDayRule LiberationDay { get; set; } = LiberationDayRule.EveryYear;

    /// <summary>Extra closing days (e.g. the day after Ascension), as dates.</summary>
    public List<DateOnly> ExtraClosedDays { get; set; } = [];

    /// <summary>Turns in a row the bot may fail to answer before it offers a person.</summary>
    [Range(1, 10)] public int FailedAnswersBeforeHandoff { get; set; } = 2;
}

