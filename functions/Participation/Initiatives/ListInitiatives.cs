using Participation.Initiatives.Lifecycle;

namespace Participation.App.Initiatives;

/// <summary>The public list, newest first, filtered by neighbourhood, theme and status, a page at a time.</summary>
public sealed class ListInitiatives(InitiativeStore store)
{
    public const int DefaultPageSize = 20;

    public sealed record Query(string? Neighbourhood = null, string? Theme = null, string? Status = null, int? PageSize = null, string? Next = null);
    public sealed record Item(string TrackingCode, string Title, string Summary, string Neighbourhood, string? Theme, string Status, int Supports, DateTimeOffset SubmittedAt);
    public sealed record Page(IReadOnlyList<Item> Items, string? Next);

    public async Task<Outcome<Page>> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        if (query.Status is not null && !InitiativeStatusNames.TryParse(query.Status, out _))
        {
            return InitiativeRefusals.ListStatusUnknown.Format(string.Join(", ", InitiativeStatusNames.All));
        }

        if (query.PageSize is < 1 or > 100)
        {
            return InitiativeRefusals.ListPageSize;
        }

        var (items, continuation) = await store.ListAsync(
            new InitiativeFilter(query.Neighbourhood, query.Theme, query.Status), query.PageSize ?? DefaultPageSize, query.Next, cancellationToken);
        return new Page(
            items.Select(i => new Item(i.TrackingCode, i.Title, i.Summary, i.Neighbourhood, i.Theme, i.Status.ToWireName(), i.Supports, i.SubmittedAt)).ToList(),
            continuation);
    }
}
