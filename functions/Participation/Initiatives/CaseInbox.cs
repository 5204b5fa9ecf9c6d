using Participation.Initiatives.Lifecycle;

namespace Participation.App.Initiatives;

/// <summary>The back office's inbox: open cases the official may see, overdue first, then by due date, optionally filtered.</summary>
public sealed class CaseInbox(InitiativeStore store, TimeProvider clock)
{
    public sealed record Item(
        string TrackingCode, string Title, string Neighbourhood, string? Theme, string Status, string? TeamCode, string? OwnerId,
        DateTimeOffset? DueDate, bool Overdue, bool Mine, int Supports, bool ThresholdReached, DateTimeOffset SubmittedAt);

    /// <summary>What an official narrows the inbox to; every part is optional. <see cref="Search"/> matches title or tracking code.</summary>
    public sealed record Filter(string? Status = null, string? Neighbourhood = null, string? Theme = null, bool OverdueOnly = false, bool MineOnly = false, string? Search = null)
    {
        public bool Matches(Item item) =>
            (string.IsNullOrEmpty(Status) || item.Status == Status)
            && (string.IsNullOrEmpty(Neighbourhood) || item.Neighbourhood == Neighbourhood)
            && (string.IsNullOrEmpty(Theme) || item.Theme == Theme)
            && (!OverdueOnly || item.Overdue)
            && (!MineOnly || item.Mine)
            && (string.IsNullOrWhiteSpace(Search)
                || item.Title.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase)
                || item.TrackingCode.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(PlatformUser user, Filter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Narrowed on the server to the official's reach; CanSee below stays the rule, the filter only saves the transfer.
        var open = await store.ListCasesAsync(new InitiativeFilter(OpenOnly: true) { Reach = CaseReach.Of(user) }, cancellationToken);
        return Outcome<IReadOnlyList<Item>>.Success(open
            .Where(i => CaseScope.CanSee(user, i.Neighbourhood, i.TeamCode))
            .Select(i => new Item(i.TrackingCode, i.Title, i.Neighbourhood, i.Theme, i.Status.ToWireName(), i.TeamCode, i.OwnerId,
                i.DueDate, i.DueDate < now, i.OwnerId == user.Id, i.Supports, i.ThresholdReached, i.SubmittedAt))
            .Where(filter.Matches)
            .OrderByDescending(i => i.Overdue)
            .ThenBy(i => i.DueDate ?? DateTimeOffset.MaxValue)
            .ToList());
    }
}
