using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Initiatives.Lifecycle;

namespace Participation.Initiatives;

/// <summary>The public list, newest first, filtered by neighbourhood, theme and status, a page at a time.</summary>
public static class ListInitiatives
{
    public sealed record Item(string TrackingCode, string Title, string Summary, string Neighbourhood, string? Theme, string Status, int Supports, DateTimeOffset SubmittedAt);
    public sealed record Page(IReadOnlyList<Item> Items, string? Next);

    public static async Task<Results<Ok<Page>, ValidationProblem>> HandleAsync(
        InitiativeStore store, string? neighbourhood, string? theme, string? status, int? pageSize, string? next, CancellationToken cancellationToken)
    {
        if (status is not null && !InitiativeStatusNames.TryParse(status, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Unknown status; one of: {string.Join(", ", InitiativeStatusNames.All)}."] });
        }

        if (pageSize is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = ["A page holds 1 to 100 initiatives."] });
        }

        var filters = new List<string>();
        if (!string.IsNullOrWhiteSpace(neighbourhood)) filters.Add(TableClient.CreateQueryFilter($"Neighbourhood eq {neighbourhood}"));
        if (!string.IsNullOrWhiteSpace(theme)) filters.Add(TableClient.CreateQueryFilter($"Theme eq {theme}"));
        if (!string.IsNullOrWhiteSpace(status)) filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        var (items, continuation) = await store.ListAsync(filters.Count == 0 ? null : string.Join(" and ", filters), pageSize ?? 20, next, cancellationToken);
        return TypedResults.Ok(new Page(
            items.Select(i => new Item(i.TrackingCode, i.Title, i.Summary, i.Neighbourhood, i.Theme, i.Status.ToWireName(), i.Supports, i.SubmittedAt)).ToList(),
            continuation));
    }
}
