using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Discussion;
using Participation.Initiatives.Lifecycle;

namespace Participation.App.Discussion;

/// <summary>
/// A signed-in resident comments on an initiative or replies to a comment (one level deep); an official of the
/// initiative's neighbourhood or an administrator answers as "Gemeente" with their name. The comment and the case's
/// comment count commit together, so a comment is never lost or counted twice.
/// </summary>
public sealed class PostComment(
    InitiativeStore initiatives, CommentStore comments, Pseudonyms pseudonyms, IOptions<DiscussionOptions> options, TimeProvider clock,
    ILogger<PostComment> logger)
{
    public sealed record Request(string? Text, string? ReplyTo, string? DisplayName);
    public sealed record Response(string Id, string Status);

    public const string PreModerationReason = "Wacht op goedkeuring: in deze buurt bekijkt de gemeente reacties voordat ze verschijnen.";
    public const string WordListReason = "Wacht op beoordeling: de reactie bevat een woord dat de gemeente eerst bekijkt.";

    public async Task<Outcome<Response>> ExecuteAsync(string trackingCode, Request request, PlatformUser author, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return DiscussionRefusals.InitiativeNotFound;
        }

        var official = DiscussionAccess.IsStaff(author);
        if (official && !DiscussionAccess.CanModerate(author, initiative.Neighbourhood))
        {
            return DiscussionRefusals.NotYourNeighbourhood;
        }

        if (initiative.Status.IsClosed())
        {
            return DiscussionRefusals.Closed;
        }

        if (CommentRules.CheckText(request.Text, out var text) is { } textError)
        {
            return DiscussionRefusals.Invalid(textError);
        }

        var authorName = $"{CommentRules.MunicipalityAuthor} ({author.Name})";
        if (!official && CommentRules.CheckDisplayName(request.DisplayName, out authorName) is { } nameError)
        {
            return DiscussionRefusals.Invalid(nameError);
        }

        var authorKey = DiscussionAccess.AuthorKey(pseudonyms, author);
        string? replyTo = null;
        if (!string.IsNullOrWhiteSpace(request.ReplyTo))
        {
            var parent = await comments.FindAsync(initiative.TrackingCode, request.ReplyTo.Trim(), cancellationToken);
            var visibleToAuthor = parent is not null && CommentRules.IsShownTo(parent.Status, parent.AuthorKey == authorKey, official);
            if (CommentRules.CheckReplyTarget(visibleToAuthor, parent?.ReplyTo is not null) is { } replyError)
            {
                return DiscussionRefusals.Invalid(replyError);
            }

            replyTo = parent!.Id;
        }

        var settings = options.Value;
        var flagged = CommentRules.FlaggedWords(text, settings.FlaggedWords);
        var preModerated = settings.IsPreModerated(initiative.Neighbourhood);
        var status = CommentRules.InitialStatus(official, preModerated, flagged.Count > 0, settings.HoldFlagged);
        var now = clock.GetUtcNow();
        var comment = new Comment
        {
            Id = CommentStore.NewId(now),
            TrackingCode = initiative.TrackingCode,
            ReplyTo = replyTo,
            AuthorKey = authorKey,
            AuthorName = authorName,
            Official = official,
            Text = text,
            CreatedAt = now,
            Status = status,
            FlaggedWords = flagged,
            ModerationReason = status == CommentStatus.Pending ? (preModerated ? PreModerationReason : WordListReason) : null,
        };

        await OptimisticConcurrency.RetryAsync<bool>(async ct =>
        {
            if (await comments.AddAsync(initiative, comment, official ? author : null, ct))
            {
                return true;
            }

            // The case changed meanwhile (a support, an official's action): count on its current version.
            initiative = await initiatives.FindAsync(initiative.TrackingCode, ct)
                ?? throw new InvalidOperationException($"Initiative {initiative.TrackingCode} disappeared while a comment was posted.");
            return Attempt<bool>.Conflict;
        }, whenBusy: () => throw new InvalidOperationException($"A comment on {initiative.TrackingCode} kept conflicting with other changes."), cancellationToken);

        logger.Posted(comment.Id, initiative.TrackingCode, status.ToWireName(), official, flagged.Count > 0);
        return new Response(comment.Id, status.ToWireName());
    }
}
