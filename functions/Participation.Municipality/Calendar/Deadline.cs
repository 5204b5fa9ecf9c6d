namespace Participation.Municipality.Calendar;

/// <summary>
/// A deadline: the last working day (Amsterdam) and the moment it is over, midnight after that day.
/// "Overdue" means now is at or after <see cref="DueBy"/>.
/// </summary>
public sealed record Deadline(DateOnly DueDay, DateTimeOffset DueBy);
