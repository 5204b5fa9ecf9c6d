using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Audit;
using Participation.Identity;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Tracking;
using Participation.Routing;

namespace Participation.Initiatives;

/// <summary>
/// A case as the back office sees it: the full timeline with internal notes apart from public messages, how the theme
/// was decided, similar initiatives, the audit trail, the actions this user may take, and the version to act on.
/// </summary>
public static class CaseDetail
{
    public sealed record TimelineItem(DateTimeOffset At, string Event, string Status, string Actor, string? PublicMessage, string? InternalNote);
    public sealed record Similar(string TrackingCode, string Title, string Status);
    public sealed record View(
        string TrackingCode, string Title, string Description, string Neighbourhood, string? Theme, string ThemeSource, string? ThemeExplanation,
        string? Location, string Status, string? TeamCode, string? OwnerId, string? OwnerName, string? RoutingReason, DateTimeOffset? DueDate,
        int Supports, bool ThresholdReached, string? MergedInto, DateTimeOffset SubmittedAt, IReadOnlyList<string> Escalations,
        IReadOnlyList<TimelineItem> Timeline, IReadOnlyList<Similar> SimilarInitiatives, IReadOnlyList<AuditEntry> Audit,
        IReadOnlyList<string> AvailableActions, string Version);

    public static async Task<Results<Ok<View>, ProblemHttpResult>> HandleAsync(
        string trackingCode, HttpContext http, InitiativeStore store, RoutingDirectory routing, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        if (!TrackingCode.TryParse(trackingCode, out var code, out _)
            || await store.FindAsync(code.Value, cancellationToken) is not { } initiative
            || !CaseScope.CanSee(user, initiative.Neighbourhood, initiative.TeamCode))
        {
            return TrackInitiative.NotFound(trackingCode);
        }

        var configuration = await routing.CurrentAsync(cancellationToken);
        var timeline = await store.TimelineAsync(initiative.TrackingCode, cancellationToken);
        var audit = await AuditTrail.ReadAsync(store.Cases, initiative.TrackingCode, cancellationToken);
        var similar = new List<Similar>();
        foreach (var other in initiative.SimilarInitiatives)
        {
            if (await store.FindAsync(other, cancellationToken) is { } found)
            {
                similar.Add(new Similar(found.TrackingCode, found.Title, found.Status.ToWireName()));
            }
        }

        return TypedResults.Ok(new View(
            initiative.TrackingCode, initiative.Title, initiative.Description, initiative.Neighbourhood, initiative.Theme,
            initiative.ThemeSource, initiative.ThemeExplanation,
            initiative.LocationText ?? (initiative.Latitude is { } lat ? FormattableString.Invariant($"{lat}, {initiative.Longitude}") : null),
            initiative.Status.ToWireName(), initiative.TeamCode, initiative.OwnerId,
            configuration.Officials.FirstOrDefault(o => o.Id == initiative.OwnerId)?.DisplayName, initiative.RoutingReason,
            initiative.DueDate, initiative.Supports, initiative.ThresholdReached, initiative.MergedIntoId, initiative.SubmittedAt,
            initiative.EscalationsSent,
            timeline.Select(e => new TimelineItem(e.At, e.Event, e.Status.ToWireName(), $"{e.ActorKind}:{e.ActorId}", e.PublicMessage, e.InternalNote)).ToList(),
            similar, audit, CaseActions.Available(initiative, user), initiative.Version));
    }
}
