namespace Participation.Initiatives.Lifecycle;

/// <summary>
/// One line on an initiative's timeline. <see cref="PublicMessage"/> is shown to the resident and the public;
/// <see cref="InternalNote"/> only to officials, so it may hold what residents must not read about each other.
/// </summary>
/// <param name="Event">What happened, in kebab-case ("information-requested", "threshold-reached").</param>
/// <param name="Status">The status after the event.</param>
/// <param name="TeamCode">The team after a routing or reassignment, so the timeline can name it (entries from before this field have none).</param>
/// <param name="OwnerId">The official after a routing or reassignment; null when the case waits in the team's pool.</param>
/// <param name="Subject">What the event points at: the initiative merged into, or the corrected theme's code.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Event,
    InitiativeStatus Status,
    ActorKind ActorKind,
    string ActorId,
    string? PublicMessage,
    string? InternalNote,
    string? TeamCode = null,
    string? OwnerId = null,
    string? Subject = null);
