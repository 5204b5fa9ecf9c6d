using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Discussion;

namespace Participation.App.Discussion;

/// <summary>
/// Anyone signed in reports a comment, once: a second report by the same person changes nothing. When enough distinct
/// people reported it since a moderator last looked, it is hidden pending review and the author is told why.
/// </summary>
public sealed class ReportComment(
    InitiativeStore initiatives, CommentStore comments, Pseudonyms pseudonyms, IOptions<DiscussionOptions> options, TimeProvider clock,
    ILogger<ReportComment> logger)
{
    public sealed record Request(string? Reason);
    public sealed record Response(string Id);

    public const string ReportsReason = "Tijdelijk verborgen: meerdere mensen hebben deze reactie gemeld. De gemeente beoordeelt haar.";

    public async Task<Outcome<Response>> ExecuteAsync(string trackingCode, string id, Request request, PlatformUser reporter, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return DiscussionRefusals.InitiativeNotFound;
        }

        if (CommentRules.CheckReason(request.Reason, out var reason) is { } reasonError)
        {
            return DiscussionRefusals.Invalid(reasonError);
        }

        var reporterKey = DiscussionAccess.ReporterKey(pseudonyms, reporter);
        return await OptimisticConcurrency.RetryAsync<Outcome<Response>>(async ct =>
        {
            var comment = await comments.FindAsync(initiative.TrackingCode, id, ct);
            if (comment is null || !CommentRules.IsShownTo(comment.Status, comment.AuthorKey == DiscussionAccess.AuthorKey(pseudonyms, reporter), viewerModerates: false))
            {
                return Outcome<Response>.Refused([DiscussionRefusals.CommentNotFound]);
            }

            // Accepted either way: a person's report counts once, and saying "already reported" would tell them nothing new.
            if (await comments.HasReportedAsync(initiative.TrackingCode, comment.Id, reporterKey, ct))
            {
                return Outcome<Response>.Success(new Response(comment.Id));
            }

            var now = clock.GetUtcNow();
            var reports = comment.Reports + 1;
            var status = CommentRules.AfterReport(comment.Status, reports - comment.ReviewedReports, options.Value.ReportThreshold);
            var hidden = status != comment.Status;
            var changed = comment with
            {
                Reports = reports,
                Status = status,
                ModerationReason = hidden ? ReportsReason : comment.ModerationReason,
                ModeratedAt = hidden ? now : comment.ModeratedAt,
            };
            if (!await comments.AddReportAsync(changed, reporterKey, new CommentStore.Report(reason, now), hidden, ct))
            {
                return Attempt<Outcome<Response>>.Conflict;
            }

            logger.Reported(comment.Id, initiative.TrackingCode, reports, status.ToWireName());
            return Outcome<Response>.Success(new Response(comment.Id));
        }, whenBusy: () => throw new InvalidOperationException($"A report of a comment on {initiative.TrackingCode} kept conflicting with other changes."), cancellationToken);
    }
}
