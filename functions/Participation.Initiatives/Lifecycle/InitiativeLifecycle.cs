namespace Participation.Initiatives.Lifecycle;

/// <summary>
/// The state machine of an initiative: who may do what from which status, what each step requires, and the timeline
/// entry it writes. Pure apart from the clock: the caller stores the returned state and entry together.
/// </summary>
public sealed class InitiativeLifecycle(TimeProvider clock)
{
    private static readonly ActorKind[] Handlers = [ActorKind.Official, ActorKind.TeamLead, ActorKind.Admin];

    private static readonly InitiativeStatus[] OpenAfterRouting =
    [
        InitiativeStatus.Routed, InitiativeStatus.InReview, InitiativeStatus.NeedsInfo, InitiativeStatus.Accepted, InitiativeStatus.InProgress,
    ];

    /// <summary>The first state and timeline entry of a new initiative.</summary>
    public (InitiativeState State, TimelineEntry Entry) Submit(string initiativeId, string submitterId)
    {
        var state = new InitiativeState(initiativeId, InitiativeStatus.Submitted, submitterId);
        var entry = new TimelineEntry(
            clock.GetUtcNow(), "submitted", InitiativeStatus.Submitted, ActorKind.Resident, submitterId,
            TimelineTexts.Received, null);
        return (state, entry);
    }

    /// <summary>Which commands this actor may perform now, for showing only the buttons that will work.</summary>
    public static IReadOnlyList<Type> Available(InitiativeState state, Actor actor) =>
        Rules.Where(rule => rule.Value.From.Contains(state.Status) && rule.Value.Actors.Contains(actor.Kind)
                            && (actor.Kind != ActorKind.Official || state.OwnerId is null || state.OwnerId == actor.Id)
                            && (actor.Kind != ActorKind.Resident || state.SubmitterId == actor.Id))
            .Select(rule => rule.Key)
            .ToList();

    public LifecycleOutcome Decide(InitiativeState state, LifecycleCommand command, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);

        var rule = Rules[command.GetType()];
        if (!rule.Actors.Contains(actor.Kind))
        {
            return LifecycleOutcome.Refused(
                RefusalReason.NotAllowed,
                $"The {Describe(actor.Kind)} may not {rule.Verb}; that is for: {string.Join(", ", rule.Actors.Select(Describe))}.");
        }

        if (actor.Kind == ActorKind.Resident && state.SubmitterId != actor.Id)
        {
            return LifecycleOutcome.Refused(RefusalReason.NotAllowed, "Only the resident who submitted the initiative may answer its question.");
        }

        // An initiative waiting in a pool has no owner yet: any official may take it, the API checks the team.
        if (actor.Kind == ActorKind.Official && state.OwnerId is not null && state.OwnerId != actor.Id)
        {
            return LifecycleOutcome.Refused(
                RefusalReason.NotOwner,
                $"Only the owner ({state.OwnerId}), a team lead or an admin may {rule.Verb}.");
        }

        if (command is RecordSupportThreshold && state.ThresholdReached)
        {
            return LifecycleOutcome.Refused(RefusalReason.AlreadyRecorded, "The support threshold was already recorded.");
        }

        if (!rule.From.Contains(state.Status))
        {
            return LifecycleOutcome.Refused(
                RefusalReason.InvalidTransition,
                $"Cannot {rule.Verb} while the initiative is {state.Status.ToWireName()}; possible from: {string.Join(", ", rule.From.Select(s => s.ToWireName()))}.");
        }

        if (Missing(state, command) is var (detail, explanation))
        {
            return LifecycleOutcome.Refused(RefusalReason.MissingField, explanation, detail);
        }

        var next = Apply(state, command);
        var (publicMessage, note) = Messages(command);
        var internalNote = Join(note, Clean(command.InternalNote));
        var assigned = command is RouteInitiative or ReassignInitiative;
        var entry = new TimelineEntry(clock.GetUtcNow(), rule.Event, next.Status, actor.Kind, actor.Id, publicMessage, internalNote,
            assigned ? next.TeamCode : null, assigned ? next.OwnerId : null, command is MergeInitiative ? next.MergedIntoId : null);
        return LifecycleOutcome.Done(next, entry);
    }

    private static (MissingDetail Detail, string Explanation)? Missing(InitiativeState state, LifecycleCommand command) => command switch
    {
        RouteInitiative c when Blank(c.TeamCode) => (MissingDetail.RouteTeam, "Routing needs a team."),
        ReassignInitiative c when Blank(c.TeamCode) => (MissingDetail.ReassignTeam, "Reassigning needs the team it goes to."),
        ReassignInitiative c when Blank(c.Reason) => (MissingDetail.ReassignReason, "Reassigning needs a reason."),
        ReassignInitiative c when c.TeamCode == state.TeamCode && c.OwnerId == state.OwnerId =>
            (MissingDetail.ReassignUnchanged, "The initiative is already with this team and owner."),
        AskForInformation c when Blank(c.Question) =>
            (MissingDetail.Question, "Asking for information needs the question the resident should answer."),
        ReplyToQuestion c when Blank(c.Reply) => (MissingDetail.Reply, "The reply is empty."),
        RejectInitiative c when Blank(c.Reason) => (MissingDetail.RejectReason, "Rejecting needs a reason; it is shown publicly."),
        MergeInitiative c when Blank(c.TargetInitiativeId) => (MissingDetail.MergeTarget, "Merging needs the initiative it is merged into."),
        MergeInitiative c when c.TargetInitiativeId.Trim() == state.InitiativeId => (MissingDetail.MergeIntoItself, "An initiative cannot be merged into itself."),
        MergeInitiative c when Blank(c.Reason) => (MissingDetail.MergeReason, "Merging needs a reason; it is shown publicly."),
        RecordSupportThreshold c when c.Threshold <= 0 || c.Supporters < c.Threshold =>
            (MissingDetail.ThresholdNotReached, $"{c.Supporters} supporters do not reach the threshold of {c.Threshold}."),
        _ => null,
    };

    private static InitiativeState Apply(InitiativeState state, LifecycleCommand command) => command switch
    {
        RouteInitiative c => state with { Status = InitiativeStatus.Routed, TeamCode = c.TeamCode.Trim(), OwnerId = Clean(c.OwnerId) },
        ReassignInitiative c => state with { TeamCode = c.TeamCode.Trim(), OwnerId = Clean(c.OwnerId) },
        StartReview => state with { Status = InitiativeStatus.InReview },
        AskForInformation => state with { Status = InitiativeStatus.NeedsInfo },
        ReplyToQuestion => state with { Status = InitiativeStatus.InReview },
        AcceptInitiative => state with { Status = InitiativeStatus.Accepted },
        RejectInitiative => state with { Status = InitiativeStatus.Rejected },
        MergeInitiative c => state with { Status = InitiativeStatus.Merged, MergedIntoId = c.TargetInitiativeId.Trim() },
        StartWork => state with { Status = InitiativeStatus.InProgress },
        CompleteInitiative => state with { Status = InitiativeStatus.Completed },
        RecordSupportThreshold => state with { ThresholdReached = true },
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown lifecycle command."),
    };

    // Public texts are Dutch (TimelineTexts has their English): residents read them on the timeline. Internal notes hold what only officials may read.
    private static (string? Public, string? Internal) Messages(LifecycleCommand command) => command switch
    {
        RouteInitiative c => (TimelineTexts.Routed, c.Explanation),
        ReassignInitiative c => (TimelineTexts.Reassigned, c.Reason.Trim()),
        StartReview c => (Clean(c.PublicMessage) ?? TimelineTexts.ReviewStarted, null),
        AskForInformation c => (c.Question.Trim(), null),
        // The reply may carry the resident's address or phone number; the public timeline shows only that there was one.
        ReplyToQuestion c => (TimelineTexts.ResidentReplied, c.Reply.Trim()),
        AcceptInitiative c => (Clean(c.Motivation) ?? TimelineTexts.Accepted, null),
        RejectInitiative c => (c.Reason.Trim(), null),
        MergeInitiative c => (c.Reason.Trim(), $"Merged into {c.TargetInitiativeId.Trim()}."),
        StartWork c => (Clean(c.PublicMessage) ?? TimelineTexts.WorkStarted, null),
        CompleteInitiative c => (Clean(c.PublicMessage) ?? TimelineTexts.Completed, null),
        RecordSupportThreshold c => (TimelineTexts.ThresholdReached(c.Supporters, c.Threshold), null),
        _ => (null, null),
    };

    private sealed record Rule(string Verb, string Event, ActorKind[] Actors, InitiativeStatus[] From);

    private static readonly Dictionary<Type, Rule> Rules = new()
    {
        [typeof(RouteInitiative)] = new("route", "routed", [ActorKind.System, ActorKind.Admin], [InitiativeStatus.Submitted]),
        [typeof(ReassignInitiative)] = new("reassign", "reassigned", Handlers, OpenAfterRouting),
        [typeof(StartReview)] = new("start the review", "review-started", Handlers, [InitiativeStatus.Routed]),
        [typeof(AskForInformation)] = new("ask for information", "information-requested", Handlers, [InitiativeStatus.InReview]),
        [typeof(ReplyToQuestion)] = new("reply to the question", "resident-replied", [ActorKind.Resident], [InitiativeStatus.NeedsInfo]),
        [typeof(AcceptInitiative)] = new("accept", "accepted", Handlers, [InitiativeStatus.InReview]),
        // A resident who never answers should not keep an initiative open forever: reject or merge also from needs-info.
        [typeof(RejectInitiative)] = new("reject", "rejected", Handlers, [InitiativeStatus.InReview, InitiativeStatus.NeedsInfo]),
        [typeof(MergeInitiative)] = new("merge", "merged", Handlers, [InitiativeStatus.Routed, InitiativeStatus.InReview, InitiativeStatus.NeedsInfo]),
        [typeof(StartWork)] = new("start the work", "work-started", Handlers, [InitiativeStatus.Accepted]),
        [typeof(CompleteInitiative)] = new("complete", "completed", Handlers, [InitiativeStatus.InProgress]),
        // Support keeps counting whatever the handling does; even a rejected initiative with enough support is the council's business.
        [typeof(RecordSupportThreshold)] = new("record the support threshold", "threshold-reached", [ActorKind.System, ActorKind.Admin], Enum.GetValues<InitiativeStatus>()),
    };

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Join(string? first, string? second) =>
        (first, second) switch
        {
            (null, _) => second,
            (_, null) => first,
            _ => first + "\n" + second,
        };

    private static string Describe(ActorKind kind) => kind switch
    {
        ActorKind.System => "system",
        ActorKind.Resident => "resident",
        ActorKind.Official => "official",
        ActorKind.TeamLead => "team lead",
        ActorKind.Admin => "admin",
        _ => kind.ToString(),
    };
}
