using Participation.Municipality.Calendar;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>An item as the public API and pages show it: no personal data, slipping computed for today.</summary>
public sealed record RealisationView(
    string Id, string Kind, string SourceId, string Title, string Neighbourhood, string Team, long PlannedCost, long Spent,
    string Status, string? StopReason, RealisationView.ProgressView Progress, IReadOnlyList<RealisationView.MilestoneView> Milestones,
    IReadOnlyList<RealisationView.UpdateView> Updates, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string Version)
{
    public sealed record ProgressView(int Done, int Total);

    public sealed record MilestoneView(
        string Id, string Title, DateOnly Planned, DateOnly OriginalPlanned, DateOnly? Done, bool Slipping, int DaysLate, IReadOnlyList<ReplanView> Replans);

    public sealed record ReplanView(DateOnly From, DateOnly To, string Reason);

    public sealed record UpdateView(string Id, string Text, DateTimeOffset At);

    public static RealisationView Of(RealisationItem item, IEnumerable<PublicUpdate> updates, Slipping slipping, DateOnly today) => new(
        item.Id, item.Kind.ToWireName(), item.SourceId, item.Title, item.Neighbourhood, item.Team, item.PlannedCost, item.Spent,
        item.Status.ToWireName(), item.StopReason, new ProgressView(item.Progress.Done, item.Progress.Total),
        item.Milestones.OrderBy(m => m.Planned).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => new MilestoneView(
            m.Id, m.Title, m.Planned, m.OriginalPlanned, m.Done, !item.IsClosed && slipping.IsSlipping(m, today),
            m.Done is null ? slipping.DaysLate(m, today) : 0, m.Replans.Select(r => new ReplanView(r.From, r.To, r.Reason)).ToList())).ToList(),
        updates.Select(u => new UpdateView(u.Id, u.Text, u.At)).ToList(), item.CreatedAt, item.ClosedAt, item.Version);
}

/// <summary>
/// <c>GET /api/realisation</c> and <c>GET /api/realisation/{id}</c>: public, for residents, pages and anyone curious.
/// </summary>
public static class ShowRealisation
{
    public static async Task<IReadOnlyList<RealisationView>> ListAsync(
        string? neighbourhood, RealisationStatus? status, RealisationStore store, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = await store.ListAsync(neighbourhood, status, cancellationToken);
        var updates = await store.UpdatesAsync(null, cancellationToken);
        var today = DutchTime.Today(clock);
        return items.OrderBy(i => i.Neighbourhood, StringComparer.Ordinal).ThenByDescending(i => i.CreatedAt)
            .Select(i => RealisationView.Of(i, updates[i.Id], slipping, today)).ToList();
    }

    public static async Task<RealisationView?> FindAsync(string id, RealisationStore store, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } item)
        {
            return null;
        }

        var updates = await store.UpdatesAsync(id, cancellationToken);
        return RealisationView.Of(item, updates[id], slipping, DutchTime.Today(clock));
    }
}
