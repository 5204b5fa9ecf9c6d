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

public sealed record LifecycleRefusal(RefusalReason Reason, string Message);

/// <summary>Either the new state with the timeline entry to append, or why the transition was refused.</summary>
public sealed record LifecycleOutcome(InitiativeState? State, TimelineEntry? Entry, LifecycleRefusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(State), nameof(Entry))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    internal static LifecycleOutcome Done(InitiativeState state, TimelineEntry entry) => new(state, entry, null);

    internal static LifecycleOutcome Refused(RefusalReason reason, string message) => new(null, null, new LifecycleRefusal(reason, message));
}
