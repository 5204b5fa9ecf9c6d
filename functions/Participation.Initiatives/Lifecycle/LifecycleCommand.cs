namespace Participation.Initiatives.Lifecycle;

/// <summary>Something a person (or the system) does to an initiative. <see cref="InternalNote"/> is for colleagues only.</summary>
public abstract record LifecycleCommand
{
    public string? InternalNote { get; init; }
}

/// <summary>The routing function assigns the initiative; <paramref name="OwnerId"/> is null when it waits in a pool.</summary>
public sealed record RouteInitiative(string TeamCode, string? OwnerId, string Explanation) : LifecycleCommand;

/// <summary>Hands the initiative to another team or official; the reason is internal.</summary>
public sealed record ReassignInitiative(string TeamCode, string? OwnerId, string Reason) : LifecycleCommand;

public sealed record StartReview(string? PublicMessage = null) : LifecycleCommand;

/// <summary>The question is shown to the resident, who answers with <see cref="ReplyToQuestion"/>.</summary>
public sealed record AskForInformation(string Question) : LifecycleCommand;

public sealed record ReplyToQuestion(string Reply) : LifecycleCommand;

public sealed record AcceptInitiative(string? Motivation = null) : LifecycleCommand;

/// <summary>The reason is the public motivation of the decision.</summary>
public sealed record RejectInitiative(string Reason) : LifecycleCommand;

public sealed record MergeInitiative(string TargetInitiativeId, string Reason) : LifecycleCommand;

public sealed record StartWork(string? PublicMessage = null) : LifecycleCommand;

public sealed record CompleteInitiative(string? PublicMessage = null) : LifecycleCommand;

public sealed record RecordSupportThreshold(int Supporters, int Threshold) : LifecycleCommand;
