using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;
using Participation.Initiatives.Lifecycle;

namespace Participation.Initiatives;

/// <summary>The back office's inbox: open cases the official may see, overdue first, then by due date.</summary>
public static class CaseInbox
{
    public sealed record Item(
        string TrackingCode, string Title, string Neighbourhood, string? Theme, string Status, string? TeamCode, string? OwnerId,
        DateTimeOffset? DueDate, bool Overdue, bool Mine, int Supports, bool ThresholdReached, DateTimeOffset SubmittedAt);

    public static async Task<Ok<IReadOnlyList<Item>>> HandleAsync(HttpContext http, InitiativeStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        var now = clock.GetUtcNow();
        var open = await store.ListAllAsync("Open eq true", cancellationToken);
        IReadOnlyList<Item> items = open
            .Where(i => CaseScope.CanSee(user, i.Neighbourhood, i.TeamCode))
            .Select(i => new Item(i.TrackingCode, i.Title, i.Neighbourhood, i.Theme, i.Status.ToWireName(), i.TeamCode, i.OwnerId,
                i.DueDate, i.DueDate < now, i.OwnerId == user.Id, i.Supports, i.ThresholdReached, i.SubmittedAt))
            .OrderByDescending(i => i.Overdue)
            .ThenBy(i => i.DueDate ?? DateTimeOffset.MaxValue)
            .ToList();
        return TypedResults.Ok(items);
    }
}
