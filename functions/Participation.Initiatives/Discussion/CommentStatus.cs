namespace Participation.Initiatives.Discussion;

/// <summary>
/// Where a comment stands: <c>visible</c> to everyone, <c>pending</c> review (pre-moderation, a flagged word, or enough
/// reports) or <c>hidden</c> by a moderator. Nothing is ever deleted: a moderator can always restore.
/// </summary>
public enum CommentStatus
{
    Visible,
    Pending,
    Hidden,
}

public static class CommentStatusNames
{
    public static string ToWireName(this CommentStatus status) => status switch
    {
        CommentStatus.Visible => "visible",
        CommentStatus.Pending => "pending",
        CommentStatus.Hidden => "hidden",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static CommentStatus Parse(string? name) => name switch
    {
        "pending" => CommentStatus.Pending,
        "hidden" => CommentStatus.Hidden,
        _ => CommentStatus.Visible,
    };
}

/// <summary>Why a comment was refused: a stable code for clients and the reason in English and Dutch for the resident.</summary>
public sealed record CommentError(string Field, string Code, string English, string Dutch);
