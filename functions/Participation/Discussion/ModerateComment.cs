using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Discussion;

namespace Participation.App.Discussion;

/// <summary>
/// A moderator (an official of the initiative's neighbourhood, or an administrator) hides a comment or restores it — which
/// is also how a pending comment is approved — always with a reason the author is shown. Each action is audited in the
/// same transaction as the change.
/// </summary>
public sealed class ModerateComment(InitiativeStore initiatives, CommentStore comments, TimeProvider clock, ILogger<ModerateComment> logger)
{
    public sealed record Request(string? Reason);
    public sealed record Response(string Id, string Status);

    public const string Hide = "hide";
    public const string Restore = "restore";

    public async Task<Outcome<Response>> ExecuteAsync(
        string trackingCode, string id, string action, Request request, PlatformUser moderator, CancellationToken cancellationToken)
    {
        if (action is not (Hide or Restore))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Moderation is hide or restore.");
        }

        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return DiscussionRefusals.InitiativeNotFound;
        }

        if (!DiscussionAccess.CanModerate(moderator, initiative.Neighbourhood))
        {
            return DiscussionRefusals.NotYourNeighbourhood;
        }

        if (CommentRules.CheckReason(request.Reason, out var reason) is { } reasonError)
        {
            return DiscussionRefusals.Invalid(reasonError);
        }

        return await OptimisticConcurrency.RetryAsync<Outcome<Response>>(async ct =>
        {
            if (await comments.FindAsync(initiative.TrackingCode, id, ct) is not { } comment)
            {
                return Outcome<Response>.Refused([DiscussionRefusals.CommentNotFound]);
            }

            var changed = comment with
            {
                Status = action == Hide ? CommentStatus.Hidden : CommentStatus.Visible,
                ModerationReason = reason,
                ModeratedAt = clock.GetUtcNow(),
                // The reports so far have been weighed: only new ones count towards hiding it again.
                ReviewedReports = comment.Reports,
            };
            if (!await comments.ModerateAsync(comment, changed, moderator, $"comment-{action}", reason, ct))
            {
                return Attempt<Outcome<Response>>.Conflict;
            }

            logger.Moderated(comment.Id, initiative.TrackingCode, action, moderator.Id);
            return Outcome<Response>.Success(new Response(comment.Id, changed.Status.ToWireName()));
        }, whenBusy: () => throw new InvalidOperationException($"Moderating a comment on {initiative.TrackingCode} kept conflicting with other changes."), cancellationToken);
    }
}
