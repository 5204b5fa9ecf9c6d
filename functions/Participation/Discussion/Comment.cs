using Participation.Initiatives.Discussion;

namespace Participation.App.Discussion;

/// <summary>
/// A comment as stored, in its initiative's partition. <see cref="AuthorKey"/> is a pseudonym of the author (so the author
/// can be shown their own pending or hidden comments), never their id, name or e-mail address.
/// </summary>
public sealed record Comment
{
    public required string Id { get; init; }
    public required string TrackingCode { get; init; }
    public string? ReplyTo { get; init; }
    public required string AuthorKey { get; init; }
    /// <summary>What the page shows: the resident's chosen name or "Inwoner"; "Gemeente (name)" for an official.</summary>
    public required string AuthorName { get; init; }
    public bool Official { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required CommentStatus Status { get; init; }
    /// <summary>Words of the word list it contains: a mark for moderators, shown on the case page only.</summary>
    public IReadOnlyList<string> FlaggedWords { get; init; } = [];
    /// <summary>Distinct residents who reported it.</summary>
    public int Reports { get; init; }
    /// <summary>Reports already weighed by a moderator's last decision: only reports after it count towards hiding again.</summary>
    public int ReviewedReports { get; init; }
    /// <summary>Why it is pending or hidden, in words the author is shown.</summary>
    public string? ModerationReason { get; init; }
    public DateTimeOffset? ModeratedAt { get; init; }
    /// <summary>The stored version (ETag): a change names the version it was based on.</summary>
    public string Version { get; init; } = "";
}
