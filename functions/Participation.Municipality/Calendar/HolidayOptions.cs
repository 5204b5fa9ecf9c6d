namespace Participation.Municipality.Calendar;

/// <summary>Which of the debated days count as days off.</summary>
/// <param name="GoodFridayIsDayOff">Goede Vrijdag is not a general day off in the Netherlands, so false unless the municipality closes.</param>
public sealed record HolidayOptions(bool GoodFridayIsDayOff = false, LiberationDayRule LiberationDay = LiberationDayRule.EveryYear);
