using Participation.Initiatives.Lifecycle;
using Participation.Municipality.Calendar;

namespace Participation.Initiatives.Deadlines;

/// <summary>
/// While a request of <see cref="RequestType"/> is in <see cref="Status"/>, its owner acts within <see cref="WorkingDays"/>
/// working days after it entered that status. <see cref="Name"/> says what is owed ("first-response", "decision").
/// </summary>
public sealed record ServiceLevel(string RequestType, InitiativeStatus Status, int WorkingDays, string Name);

/// <summary>The service levels in force; a status without one (needs-info: the resident has the turn) has no deadline.</summary>
public sealed class ServiceLevels(IReadOnlyList<ServiceLevel> levels, WorkingCalendar calendar)
{
    public const string Initiative = "initiative";

    public static IReadOnlyList<ServiceLevel> Defaults { get; } =
    [
        new(Initiative, InitiativeStatus.Submitted, 5, "first-response"),
        new(Initiative, InitiativeStatus.Routed, 5, "first-response"),
        new(Initiative, InitiativeStatus.InReview, 20, "decision"),
        new(Initiative, InitiativeStatus.Accepted, 20, "start-of-work"),
    ];

    public IReadOnlyList<ServiceLevel> Levels => levels;

    public ServiceLevel? Find(string requestType, InitiativeStatus status) =>
        levels.FirstOrDefault(level => level.RequestType == requestType && level.Status == status);

    /// <summary>The deadline for a request that entered <paramref name="status"/> at <paramref name="enteredAt"/>, or null when none applies.</summary>
    public Deadline? DueFor(string requestType, InitiativeStatus status, DateTimeOffset enteredAt) =>
        Find(requestType, status) is { } level ? calendar.DueAfter(enteredAt, level.WorkingDays) : null;
}
