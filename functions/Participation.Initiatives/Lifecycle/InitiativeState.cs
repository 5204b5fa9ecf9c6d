namespace Participation.Initiatives.Lifecycle;

/// <summary>
/// What the lifecycle needs to know about an initiative to decide the next transition; the storage layer keeps it.
/// </summary>
/// <param name="ThresholdReached">
/// Reaching the support threshold is a flag beside the status, not a status: it can happen at any point of the handling
/// (while routed, in review, even in progress), and the council needs to see both facts at once: "enough support" and
/// "where it is now". Were it a status, entering it would erase where the initiative was, and leaving it again would
/// need rules for every status it could return to. Reaching it is still written on the timeline, once.
/// </param>
public sealed record InitiativeState(
    string InitiativeId,
    InitiativeStatus Status,
    string SubmitterId,
    string? TeamCode = null,
    string? OwnerId = null,
    bool ThresholdReached = false,
    string? MergedIntoId = null);
