namespace Participation.Realisation;

/// <summary>What a decision turned into: an accepted initiative or a funded budget project, and how far its realisation is.</summary>
public sealed record RealisationItem
{
    public required string Id { get; init; }
    public required ItemKind Kind { get; init; }
    /// <summary>The tracking code of the initiative, or <c>{budgetId}/{projectId}</c> of the funded project.</summary>
    public required string SourceId { get; init; }
    public required string Title { get; init; }
    public required string Neighbourhood { get; init; }
    /// <summary>The team whose officials carry it out and may change it.</summary>
    public required string Team { get; init; }
    /// <summary>Whole euros.</summary>
    public long PlannedCost { get; init; }
    /// <summary>Whole euros spent so far.</summary>
    public long Spent { get; init; }
    public RealisationStatus Status { get; init; } = RealisationStatus.Planned;
    public string? StopReason { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The stored version (ETag); a change must name the version it was based on.</summary>
    public string Version { get; init; } = "";

    public bool IsClosed => Status is RealisationStatus.Done or RealisationStatus.Stopped;

    /// <summary>Done milestones out of all, for the progress bar.</summary>
    public (int Done, int Total) Progress => (Milestones.Count(m => m.Done is not null), Milestones.Count);

    public static string IdForInitiative(string trackingCode) => $"initiative-{trackingCode}";

    public static string IdForBudgetProject(string budgetId, string projectId) => $"budget-{budgetId}-{projectId}";
}

/// <summary>
/// A step with a planned date. Replanning keeps <see cref="OriginalPlanned"/>, so a moved date still counts as a slip in the
/// figures even when the new date is met.
/// </summary>
public sealed record Milestone(string Id, string Title, DateOnly OriginalPlanned, DateOnly Planned, DateOnly? Done, IReadOnlyList<Replan> Replans)
{
    public bool WasReplannedLater => Planned > OriginalPlanned;
}

public sealed record Replan(DateOnly From, DateOnly To, string Reason, DateTimeOffset At);

/// <summary>Something the team tells residents about the work, shown publicly.</summary>
public sealed record PublicUpdate(string Id, string ItemId, string Text, DateTimeOffset At);

public enum ItemKind
{
    Initiative,
    BudgetProject,
}

public enum RealisationStatus
{
    Planned,
    InProgress,
    Done,
    Stopped,
}

/// <summary>The names the API, the storage and the pages use; they are contract, never renamed.</summary>
public static class WireNames
{
    public static string ToWireName(this ItemKind kind) => kind == ItemKind.Initiative ? "initiative" : "budget-project";

    public static string ToWireName(this RealisationStatus status) => status switch
    {
        RealisationStatus.Planned => "planned",
        RealisationStatus.InProgress => "in-progress",
        RealisationStatus.Done => "done",
        _ => "stopped",
    };

    public static IReadOnlyList<RealisationStatus> Statuses { get; } = Enum.GetValues<RealisationStatus>();

    public static bool TryParseStatus(string? text, out RealisationStatus status)
    {
        foreach (var candidate in Statuses)
        {
            if (candidate.ToWireName() == text)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static ItemKind ParseKind(string text) => text == "initiative" ? ItemKind.Initiative : ItemKind.BudgetProject;
}
