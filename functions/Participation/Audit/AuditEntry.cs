namespace Participation.App.Audit;

/// <summary>One thing a member of staff did: who, in which role, what, to which subject, before and after, when, in which request.</summary>
public sealed record AuditEntry(string ActorId, string Role, string Action, string Subject, string? Before, string? After, DateTimeOffset At, string CorrelationId);
