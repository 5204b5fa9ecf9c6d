using Participation.Initiatives.Lifecycle;
using Participation.App.Routing;

namespace Participation.App.Initiatives;

/// <summary>
/// What anyone with the tracking code sees: where the initiative is and what happened, in public messages only —
/// never the submitter's e-mail, internal notes or the official's personal details (the team, not the person).
/// </summary>
public sealed class TrackInitiative(InitiativeStore store, RoutingDirectory routing, IOptions<InitiativesOptions> options)
{
    public sealed record TimelineItem(DateTimeOffset At, string Status, string? PublicMessage);
    public sealed record PublicView(
        string TrackingCode, string Title, string Description, string Neighbourhood, string? Theme, string Status,
        string? AssignedTeam, DateTimeOffset? DueDate, int Supports, int SupportThreshold, bool ThresholdReached, string? MergedInto,
        IReadOnlyList<TimelineItem> Timeline, PublicLocation? Location = null);
    /// <summary>The point the submitter chose (WGS84), public as it is on the map; the address text stays private.</summary>
    public sealed record PublicLocation(double Lat, double Lon);

    public async Task<Outcome<PublicView>> HandleAsync(string trackingCode, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return InitiativeRefusals.NotFound;
        }

        var configuration = await routing.CurrentAsync(cancellationToken);
        var timeline = await store.TimelineAsync(initiative.TrackingCode, cancellationToken);
        return new PublicView(
            initiative.TrackingCode,
            initiative.Title,
            initiative.Description,
            initiative.Neighbourhood,
            initiative.Theme,
            initiative.Status.ToWireName(),
            configuration.Teams.FirstOrDefault(t => t.Code == initiative.TeamCode)?.Name,
            initiative.DueDate,
            initiative.Supports,
            options.Value.ThresholdFor(initiative.Neighbourhood),
            initiative.ThresholdReached,
            initiative.MergedIntoId,
            timeline.Where(e => e.PublicMessage is not null).Select(e => new TimelineItem(e.At, e.Status.ToWireName(), e.PublicMessage)).ToList(),
            initiative is { Latitude: { } lat, Longitude: { } lon } ? new PublicLocation(lat, lon) : null);
    }
}
