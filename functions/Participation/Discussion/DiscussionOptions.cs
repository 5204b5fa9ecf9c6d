using System.ComponentModel.DataAnnotations;

namespace Participation.App.Discussion;

/// <summary><c>Discussion:*</c> settings: how comments are moderated.</summary>
public sealed class DiscussionOptions
{
    public const string Section = "Discussion";

    /// <summary>Distinct residents whose reports hide a comment pending review.</summary>
    [Range(1, 1000)]
    public int ReportThreshold { get; set; } = 3;

    /// <summary>Neighbourhood codes where a resident's comment waits for an official's approval before it is shown.</summary>
    public List<string> PreModeratedNeighbourhoods { get; set; } = [];

    /// <summary>Words (or phrases) that mark a comment for review. Matching ignores case and accents; nothing is removed.</summary>
    public List<string> FlaggedWords { get; set; } = [];

    /// <summary>When true a flagged comment waits for review (pending); when false it is shown and marked for review.</summary>
    public bool HoldFlagged { get; set; }

    public bool IsPreModerated(string neighbourhood) => PreModeratedNeighbourhoods.Contains(neighbourhood, StringComparer.Ordinal);
}
