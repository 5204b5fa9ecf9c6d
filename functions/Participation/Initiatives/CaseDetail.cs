using Participation.App.Audit;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Initiatives;

/// <summary>
/// A case as the back office sees it: the full timeline with internal notes apart from public messages, how the theme
/// was decided, similar initiatives, the audit trail, the actions this user may take, and the version to act on.
/// </summary>
public sealed class CaseDetail(InitiativeStore store, RoutingDirectory routing)
{
    /// <param name="Actor">Who acted, as people read it: an official's name, or their role ("resident", "system") — never a pseudonym.</param>
    /// <param name="ActorRole">resident, system, official, team-lead or admin.</param>
    /// <param name="Team">The team's name after a routing or reassignment.</param>
    /// <param name="Owner">The official's name after a routing or reassignment; null when the team's pool takes it.</param>
    /// <param name="Subject">The initiative merged into (tracking code), or the corrected theme's name.</param>
    public sealed record TimelineItem(
        DateTimeOffset At, string Event, string Status, string Actor, string? PublicMessage, string? InternalNote,
        string ActorRole = "system", string? Team = null, string? Owner = null, string? Subject = null);
    public sealed record Similar(string TrackingCode, string Title, string Status);
    public sealed record View(
        string TrackingCode, string Title, string Description, string Neighbourhood, string? Theme, string ThemeSource, string? ThemeExplanation,
        string? Location, string Status, string? TeamCode, string? OwnerId, string? OwnerName, string? RoutingReason, DateTimeOffset? DueDate,
        int Supports, bool ThresholdReached, string? MergedInto, DateTimeOffset SubmittedAt, IReadOnlyList<string> Escalations,
        IReadOnlyList<TimelineItem> Timeline, IReadOnlyList<Similar> SimilarInitiatives, IReadOnlyList<AuditEntry> Audit,
        IReadOnlyList<string> AvailableActions, string Version);

    public async Task<Outcome<View>> HandleAsync(string trackingCode, PlatformUser user, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _)
            || await store.FindAsync(code.Value, cancellationToken) is not { } initiative
            || !CaseScope.CanSee(user, initiative.Neighbourhood, initiative.TeamCode))
        {
            return InitiativeRefusals.NotFound;
        }

        var configuration = await routing.CurrentAsync(cancellationToken);
        var timeline = await store.TimelineAsync(initiative.TrackingCode, cancellationToken);
        var audit = await store.AuditTrailAsync(initiative.TrackingCode, cancellationToken);
        var similar = new List<Similar>();
        foreach (var other in initiative.SimilarInitiatives)
        {
            if (await store.FindAsync(other, cancellationToken) is { } found)
            {
                similar.Add(new Similar(found.TrackingCode, found.Title, found.Status.ToWireName()));
            }
        }

        return new View(
            initiative.TrackingCode, initiative.Title, initiative.Description, initiative.Neighbourhood, initiative.Theme,
            initiative.ThemeSource, initiative.ThemeExplanation,
            initiative.LocationText ?? (initiative.Latitude is { } lat ? FormattableString.Invariant($"{lat}, {initiative.Longitude}") : null),
            initiative.Status.ToWireName(), initiative.TeamCode, initiative.OwnerId,
            configuration.Officials.FirstOrDefault(o => o.Id == initiative.OwnerId)?.DisplayName, initiative.RoutingReason,
            initiative.DueDate, initiative.Supports, initiative.ThresholdReached, initiative.MergedIntoId, initiative.SubmittedAt,
            initiative.EscalationsSent,
            timeline.Select(e => ItemOf(e, configuration)).ToList(),
            similar, audit, ActOnCase.Available(initiative, user), initiative.Version);
    }

    // The timeline names people and teams as colleagues know them. A resident stays "the resident": the pseudonym
    // identifies them to the system, not to the official. Routing's own explanation is rule syntax for the audit,
    // so a routed entry carries only where the case went.
    internal static TimelineItem ItemOf(TimelineEntry e, RoutingConfiguration configuration)
    {
        var role = e.ActorKind switch
        {
            ActorKind.Resident => "resident",
            ActorKind.Official => "official",
            ActorKind.TeamLead => "team-lead",
            ActorKind.Admin => "admin",
            _ => "system",
        };
        var actor = e.ActorKind is ActorKind.Official or ActorKind.TeamLead or ActorKind.Admin
            ? configuration.Officials.FirstOrDefault(o => o.Id == e.ActorId)?.DisplayName ?? role
            : role;
        var subject = e.Event == "theme-corrected"
            ? configuration.Themes.FirstOrDefault(t => t.Code == e.Subject)?.Name ?? e.Subject
            : e.Subject;
        var note = e.Event is "routed" or "escalated" ? null : e.InternalNote;
        return new TimelineItem(
            e.At, e.Event, e.Status.ToWireName(), actor, e.PublicMessage, note, role,
            configuration.Teams.FirstOrDefault(t => t.Code == e.TeamCode)?.Name,
            configuration.Officials.FirstOrDefault(o => o.Id == e.OwnerId)?.DisplayName,
            subject);
    }
}
