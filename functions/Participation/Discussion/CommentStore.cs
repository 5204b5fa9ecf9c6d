using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Participation.App.Audit;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Discussion;

namespace Participation.App.Discussion;

/// <summary>
/// Comments live in their initiative's partition of the initiatives table, beside the case row: posting one adds the
/// comment and raises the case's comment count in one entity-group transaction (the count the council's dashboard reads
/// from the index, without reading comments), and every moderation action commits with its audit entry. A report is a
/// row keyed by the reporter's pseudonym, inserted with the comment's new count: a second report by the same person
/// fails on its key and is not counted again, even when two requests race.
/// </summary>
public sealed class CommentStore(InitiativeStore initiatives)
{
    private const string CommentPrefix = "comment|";
    private const string CommentEnd = "comment}";
    private const string ReportPrefix = "comment-report|";
    private TableClient Table => initiatives.Cases;

    public sealed record Report(string Reason, DateTimeOffset At);

    /// <summary>Every comment of an initiative, oldest first (the row key starts with the time).</summary>
    public async Task<IReadOnlyList<Comment>> ListAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {trackingCode} and RowKey ge {CommentPrefix} and RowKey lt {CommentEnd}");
        var comments = new List<Comment>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            comments.Add(FromEntity(entity));
        }

        return comments;
    }

    public async Task<Comment?> FindAsync(string trackingCode, string id, CancellationToken cancellationToken)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }

        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(trackingCode, CommentPrefix + id, cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>
    /// Stores a new comment and counts it on the case, all or nothing; false when the case changed meanwhile (the caller
    /// reads it again and retries). An official's comment carries its audit entry in the same transaction.
    /// </summary>
    public Task<bool> AddAsync(InitiativeCase initiative, Comment comment, PlatformUser? staff, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToEntity(comment)) };
        if (staff is not null)
        {
            actions.Add(AuditTrail.Append(initiative.TrackingCode, staff, "comment-post", Subject(comment), null, comment.Status.ToWireName(), comment.CreatedAt));
        }

        return initiatives.SaveAsync(initiative with { Comments = initiative.Comments + 1 }, null, null, null, null, cancellationToken, actions);
    }

    /// <summary>
    /// Records one person's report and the comment's new count and status, all or nothing. When this reporter reported it before or the comment changed meanwhile: false, and the caller looks again.
    /// A report that hides the comment is audited as the platform's own action.
    /// </summary>
    public async Task<bool> AddReportAsync(Comment changed, string reporterKey, Report report, bool statusChanged, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(changed.TrackingCode, $"{ReportPrefix}{changed.Id}|{reporterKey}")
            {
                ["Reason"] = report.Reason,
                ["At"] = report.At,
            }),
            new(TableTransactionActionType.UpdateReplace, ToEntity(changed), new ETag(changed.Version)),
        };
        if (statusChanged)
        {
            actions.Add(AuditTrail.Append(changed.TrackingCode, PlatformUser.System("comment-reports", "Reports by residents reached the threshold"),
                "comment-hide-by-reports", Subject(changed), CommentStatus.Visible.ToWireName(), $"{changed.Status.ToWireName()}; reports={changed.Reports}", report.At));
        }

        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            // Either this reporter's row exists (a racing duplicate) or the comment changed: the caller looks again.
            return false;
        }
    }

    /// <summary>Whether this reporter already reported the comment (a point read, for a retry after a conflict).</summary>
    public async Task<bool> HasReportedAsync(string trackingCode, string id, string reporterKey, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(trackingCode, $"{ReportPrefix}{id}|{reporterKey}", select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    /// <summary>A moderator's hide, restore or approval with its audit entry, all or nothing; false when the comment changed meanwhile.</summary>
    public async Task<bool> ModerateAsync(Comment before, Comment changed, PlatformUser moderator, string action, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(changed), new ETag(before.Version)),
                AuditTrail.Append(changed.TrackingCode, moderator, action, Subject(changed), before.Status.ToWireName(),
                    $"{changed.Status.ToWireName()}; reason={reason}", changed.ModeratedAt ?? changed.CreatedAt),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    public static string NewId(DateTimeOffset at) => $"{at.UtcTicks:D19}{Guid.NewGuid().ToString("N")[..8]}";

    private static bool IsWellFormedId(string id) => id.Length == 27 && id.All(char.IsAsciiHexDigitLower);

    private static string Subject(Comment comment) => $"comment/{comment.TrackingCode}/{comment.Id}";

    private static TableEntity ToEntity(Comment c) => new(c.TrackingCode, CommentPrefix + c.Id)
    {
        ["ReplyTo"] = c.ReplyTo,
        ["AuthorKey"] = c.AuthorKey,
        ["AuthorName"] = c.AuthorName,
        ["Official"] = c.Official,
        ["Text"] = c.Text,
        ["CreatedAt"] = c.CreatedAt,
        ["Status"] = c.Status.ToWireName(),
        ["FlaggedWords"] = JsonSerializer.Serialize(c.FlaggedWords),
        ["Reports"] = c.Reports,
        ["ReviewedReports"] = c.ReviewedReports,
        ["ModerationReason"] = c.ModerationReason,
        ["ModeratedAt"] = c.ModeratedAt,
    };

    private static Comment FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey[CommentPrefix.Length..],
        TrackingCode = e.PartitionKey,
        ReplyTo = e.GetString("ReplyTo"),
        AuthorKey = e.GetString("AuthorKey") ?? "",
        AuthorName = e.GetString("AuthorName") ?? CommentRules.AnonymousAuthor,
        Official = e.GetBoolean("Official") ?? false,
        Text = e.GetString("Text") ?? "",
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        Status = CommentStatusNames.Parse(e.GetString("Status")),
        FlaggedWords = JsonSerializer.Deserialize<List<string>>(e.GetString("FlaggedWords") ?? "[]") ?? [],
        Reports = e.GetInt32("Reports") ?? 0,
        ReviewedReports = e.GetInt32("ReviewedReports") ?? 0,
        ModerationReason = e.GetString("ModerationReason"),
        ModeratedAt = e.GetDateTimeOffset("ModeratedAt"),
        Version = e.ETag.ToString(),
    };
}
