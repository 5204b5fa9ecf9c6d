using Azure.Data.Tables;

namespace Participation.App.Initiatives;

/// <summary>What a list of initiatives is narrowed to, as the index can filter it on the server; every part is optional.</summary>
/// <param name="Status">A status's wire name (<c>in-review</c>).</param>
/// <param name="DiscussedOnly">Only initiatives with at least one comment.</param>
public sealed record InitiativeFilter(
    string? Neighbourhood = null, string? Theme = null, string? Status = null, bool OpenOnly = false, bool ThresholdReachedOnly = false,
    bool DiscussedOnly = false)
{
    /// <summary>
    /// Only rows in one of these neighbourhoods or handled by one of these teams (an official's reach); null for every row.
    /// Empty reaches nothing.
    /// </summary>
    public CaseReach? Reach { get; init; }

    public static readonly InitiativeFilter None = new();

    /// <summary>The OData filter on the index's rows, or null for all of them.</summary>
    internal string? ToQuery()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Neighbourhood)) parts.Add(TableClient.CreateQueryFilter($"Neighbourhood eq {Neighbourhood}"));
        if (!string.IsNullOrWhiteSpace(Theme)) parts.Add(TableClient.CreateQueryFilter($"Theme eq {Theme}"));
        if (!string.IsNullOrWhiteSpace(Status)) parts.Add(TableClient.CreateQueryFilter($"Status eq {Status}"));
        if (OpenOnly) parts.Add("Open eq true");
        if (ThresholdReachedOnly) parts.Add("ThresholdReached eq true");
        if (DiscussedOnly) parts.Add("Comments gt 0");
        if (Reach is { } reach)
        {
            var either = reach.Neighbourhoods.Order(StringComparer.Ordinal).Select(n => TableClient.CreateQueryFilter($"Neighbourhood eq {n}"))
                .Concat(reach.Teams.Order(StringComparer.Ordinal).Select(t => TableClient.CreateQueryFilter($"TeamCode eq {t}")))
                .ToList();
            parts.Add(either.Count == 0 ? "RowKey eq ''" : $"({string.Join(" or ", either)})");
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}

/// <summary>The neighbourhoods and teams whose cases an official sees (<see cref="CaseScope"/>), as the index can filter them.</summary>
public sealed record CaseReach(IReadOnlyCollection<string> Neighbourhoods, IReadOnlyCollection<string> Teams)
{
    /// <summary>Null when the user sees every case (administrators, the council).</summary>
    public static CaseReach? Of(PlatformUser user) =>
        CaseScope.CanSeeEverything(user) ? null : new CaseReach(user.Neighbourhoods, user.Teams);
}
