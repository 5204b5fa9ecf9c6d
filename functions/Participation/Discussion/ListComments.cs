using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Discussion;
using Participation.Initiatives.Lifecycle;

namespace Participation.App.Discussion;

/// <summary>
/// The discussion of an initiative, oldest first: visible comments for everyone; the author also sees their own pending
/// or hidden ones with the reason. Moderators read everything with its marks through <see cref="ForModeratorAsync"/>.
/// </summary>
public sealed class ListComments(InitiativeStore initiatives, CommentStore comments, Pseudonyms pseudonyms)
{
    /// <summary>What the public API shows: never the author's key or e-mail, only the name they chose.</summary>
    public sealed record Item(
        string Id, string Author, string Text, DateTimeOffset CreatedAt, string? ReplyTo, bool Official, string Status,
        string? ModerationReason, bool Mine);

    /// <summary>What moderators see beside the text: why it may need a look.</summary>
    public sealed record ModerationItem(Item Comment, IReadOnlyList<string> FlaggedWords, int Reports, DateTimeOffset? ModeratedAt);

    public sealed record Thread(string TrackingCode, string Neighbourhood, bool Closed, IReadOnlyList<Item> Comments);

    public async Task<Outcome<Thread>> ExecuteAsync(string trackingCode, PlatformUser? viewer, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return DiscussionRefusals.InitiativeNotFound;
        }

        var viewerKey = viewer is null ? null : DiscussionAccess.AuthorKey(pseudonyms, viewer);
        var all = await comments.ListAsync(initiative.TrackingCode, cancellationToken);
        var shown = all.Where(c => CommentRules.IsShownTo(c.Status, c.AuthorKey == viewerKey, viewerModerates: false)).ToList();
        var shownIds = shown.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        // A reply follows its thread: when the first comment is hidden, so are the replies (except to their own authors).
        var items = shown
            .Where(c => c.ReplyTo is null || shownIds.Contains(c.ReplyTo) || c.AuthorKey == viewerKey)
            .Select(c => ToItem(c, viewerKey))
            .ToList();
        return new Thread(initiative.TrackingCode, initiative.Neighbourhood, initiative.Status.IsClosed(), items);
    }

    /// <summary>Every comment with its marks, for the case page; null when the viewer may not moderate this initiative.</summary>
    public async Task<IReadOnlyList<ModerationItem>?> ForModeratorAsync(InitiativeCase initiative, PlatformUser? viewer, CancellationToken cancellationToken)
    {
        if (!DiscussionAccess.CanModerate(viewer, initiative.Neighbourhood))
        {
            return null;
        }

        var viewerKey = DiscussionAccess.AuthorKey(pseudonyms, viewer!);
        return (await comments.ListAsync(initiative.TrackingCode, cancellationToken))
            .Select(c => new ModerationItem(ToItem(c, viewerKey, moderator: true), c.FlaggedWords, c.Reports, c.ModeratedAt))
            .ToList();
    }

    private static Item ToItem(Comment c, string? viewerKey, bool moderator = false)
    {
        var mine = c.AuthorKey == viewerKey;
        return new Item(c.Id, c.AuthorName, c.Text, c.CreatedAt, c.ReplyTo, c.Official, c.Status.ToWireName(),
            mine || moderator ? c.ModerationReason : null, mine);
    }
}
