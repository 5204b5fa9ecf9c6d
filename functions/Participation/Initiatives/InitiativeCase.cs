using Participation.Initiatives.Lifecycle;

namespace Participation.App.Initiatives;

/// <summary>An initiative as stored: what the resident submitted, where it stands, who owns it. Contact details live elsewhere.</summary>
public sealed record InitiativeCase
{
    public required string TrackingCode { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Neighbourhood { get; init; }
    public string? Theme { get; init; }
    /// <summary>How the theme was decided: <c>resident</c>, <c>keywords</c>, <c>ai</c>, <c>official</c>, or <c>none</c>.</summary>
    public string ThemeSource { get; init; } = "resident";
    public string? ThemeExplanation { get; init; }
    public string? LocationText { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string Locale { get; init; } = "nl";
    public required InitiativeStatus Status { get; init; }
    /// <summary>The submitter as the lifecycle knows them: a pseudonym, never a name or address.</summary>
    public required string SubmitterId { get; init; }
    public string? TeamCode { get; init; }
    public string? OwnerId { get; init; }
    public string? RoutingReason { get; init; }
    public bool ThresholdReached { get; init; }
    public string? MergedIntoId { get; init; }
    public int Supports { get; init; }
    /// <summary>Comments ever posted (any status), counted in the same transaction as the comment, for the council's dashboard.</summary>
    public int Comments { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DueDate { get; init; }
    public DateTimeOffset? FirstResponseAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>Escalation levels already recorded, so each is sent once.</summary>
    public IReadOnlyList<string> EscalationsSent { get; init; } = [];
    public IReadOnlyList<string> SimilarInitiatives { get; init; } = [];
    /// <summary>Counts the stored changes, so that an index row written late never overwrites a newer one.</summary>
    public long Revision { get; init; }
    /// <summary>The stored version (ETag); a change must name the version it was based on.</summary>
    public string Version { get; init; } = "";

    public InitiativeState State => new(TrackingCode, Status, SubmitterId, TeamCode, OwnerId, ThresholdReached, MergedIntoId);

    public InitiativeCase With(InitiativeState state) => this with
    {
        Status = state.Status,
        TeamCode = state.TeamCode,
        OwnerId = state.OwnerId,
        ThresholdReached = state.ThresholdReached,
        MergedIntoId = state.MergedIntoId,
    };
}
