namespace Participation.Initiatives.Lifecycle;

/// <summary>
/// One line on an initiative's timeline. <see cref="PublicMessage"/> is shown to the resident and the public;
/// <see cref="InternalNote"/> only to officials, so it may hold what residents must not read about each other.
/// </summary>
/// <param name="Event">What happened, in kebab-case ("information-requested", "threshold-reached").</param>
/// <param name="Status">The status after the event.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Event,
    InitiativeStatus Status,
    ActorKind ActorKind,
    string ActorId,
    string? PublicMessage,
    string? InternalNote);
