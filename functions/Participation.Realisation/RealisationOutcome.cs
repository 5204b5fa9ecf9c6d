using System.Diagnostics.CodeAnalysis;

namespace Participation.Realisation;

public enum RefusalKind
{
    /// <summary>The request itself is wrong (a missing title, a date that is no date): 400.</summary>
    Invalid,

    /// <summary>The item or milestone does not exist: 404.</summary>
    NotFound,

    /// <summary>Not possible in the current state (a closed item, a milestone already done): 409.</summary>
    Conflict,
}

/// <summary>Why a change was refused: a stable <see cref="Code"/> clients and translations key on, the field it concerns, English and Dutch text.</summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Field, string English, string Dutch);

/// <summary>Either the changed item with what happened (for the audit trail and notifications), or why not.</summary>
public sealed record RealisationOutcome(RealisationItem? Item, RealisationEvent? Event, Refusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Item), nameof(Event))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    internal static RealisationOutcome Done(RealisationItem item, RealisationEvent change) => new(item, change, null);

    internal static RealisationOutcome Refused(RefusalKind kind, string code, string field, string english, string dutch) =>
        new(null, null, new Refusal(kind, code, field, english, dutch));
}

/// <summary>
/// What a change did, named for the audit trail (<see cref="Action"/>, e.g. <c>realisation.milestone-done</c>).
/// <see cref="MilestoneId"/> is set for milestone changes; <see cref="NotifiesResidents"/> says whether the people
/// behind the item hear about it (a milestone done, the item done or stopped).
/// </summary>
public sealed record RealisationEvent(string Action, string? MilestoneId, bool NotifiesResidents);
