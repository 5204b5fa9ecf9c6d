namespace Participation.App.Discussion;

/// <summary>Ids and statuses only: never a comment's text, its author's name or a reason someone typed.</summary>
internal static partial class DiscussionLog
{
    [LoggerMessage(LogLevel.Information, "Comment {CommentId} on {TrackingCode} posted as {Status} (official: {Official}, flagged: {Flagged})")]
    public static partial void Posted(this ILogger logger, string commentId, string trackingCode, string status, bool official, bool flagged);

    [LoggerMessage(LogLevel.Information, "Comment {CommentId} on {TrackingCode} reported ({Reports} distinct reports); now {Status}")]
    public static partial void Reported(this ILogger logger, string commentId, string trackingCode, int reports, string status);

    [LoggerMessage(LogLevel.Information, "Comment {CommentId} on {TrackingCode}: {Action} by {ActorId}")]
    public static partial void Moderated(this ILogger logger, string commentId, string trackingCode, string action, string actorId);
}
