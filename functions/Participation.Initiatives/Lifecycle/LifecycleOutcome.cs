using System.Diagnostics.CodeAnalysis;

namespace Participation.Initiatives.Lifecycle;

public enum RefusalReason
{
    /// <summary>This kind of actor may never do this.</summary>
    NotAllowed,

    /// <summary>An official acts on an initiative someone else owns; team leads and admins may.</summary>
    NotOwner,

    /// <summary>Not possible from the current status.</summary>
    InvalidTransition,

    /// <summary>A reason, question, target or team is missing or invalid.</summary>
    MissingField,

    /// <summary>Already done (a redelivered message): nothing to write.</summary>
    AlreadyRecorded,
}

/// <summary>
/// Which detail a command misses (<see cref="RefusalReason.MissingField"/>), so that a host can say so in its own words
/// and languages: the refusal's message is English only, and its wording may change.
/// </summary>
public enum MissingDetail
{
    RouteTeam,
    ReassignTeam,
    ReassignReason,
    ReassignUnchanged,
    Question,
    Reply,
    RejectReason,
    MergeTarget,
    MergeIntoItself,
    MergeReason,
    ThresholdNotReached,
}

public sealed record LifecycleRefusal(RefusalReason Reason, string Message, MissingDetail? Detail = null);

/// <summary>Either the new state with the timeline entry to append, or why the transition was refused.</summary>
public sealed record LifecycleOutcome(InitiativeState? State, TimelineEntry? Entry, LifecycleRefusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(State), nameof(Entry))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    internal static LifecycleOutcome Done(InitiativeState state, TimelineEntry entry) => new(state, entry, null);

    internal static LifecycleOutcome Refused(RefusalReason reason, string message, MissingDetail? detail = null) =>
        new(null, null, new LifecycleRefusal(reason, message, detail));
}
