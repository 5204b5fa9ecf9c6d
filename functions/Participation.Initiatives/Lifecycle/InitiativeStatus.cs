using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Participation.Initiatives.Lifecycle;

/// <summary>Where an initiative is in its handling. Reaching the support threshold is not a status: see <see cref="InitiativeState.ThresholdReached"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InitiativeStatus>))]
public enum InitiativeStatus
{
    [JsonStringEnumMemberName("submitted")] Submitted,
    [JsonStringEnumMemberName("routed")] Routed,
    [JsonStringEnumMemberName("in-review")] InReview,
    [JsonStringEnumMemberName("needs-info")] NeedsInfo,
    [JsonStringEnumMemberName("accepted")] Accepted,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("merged")] Merged,
    [JsonStringEnumMemberName("in-progress")] InProgress,
    [JsonStringEnumMemberName("completed")] Completed,
}

/// <summary>The kebab-case names statuses have in storage, messages and the API.</summary>
public static class InitiativeStatusNames
{
    private static readonly Dictionary<InitiativeStatus, string> Names = new()
    {
        [InitiativeStatus.Submitted] = "submitted",
        [InitiativeStatus.Routed] = "routed",
        [InitiativeStatus.InReview] = "in-review",
        [InitiativeStatus.NeedsInfo] = "needs-info",
        [InitiativeStatus.Accepted] = "accepted",
        [InitiativeStatus.Rejected] = "rejected",
        [InitiativeStatus.Merged] = "merged",
        [InitiativeStatus.InProgress] = "in-progress",
        [InitiativeStatus.Completed] = "completed",
    };

    private static readonly Dictionary<string, InitiativeStatus> ByName =
        Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static string ToWireName(this InitiativeStatus status) => Names[status];

    public static bool TryParse(string? name, [NotNullWhen(true)] out InitiativeStatus? status)
    {
        if (name is not null && ByName.TryGetValue(name, out var found))
        {
            status = found;
            return true;
        }

        status = null;
        return false;
    }

    public static InitiativeStatus Parse(string name) =>
        TryParse(name, out var status) ? status.Value : throw new FormatException($"Unknown initiative status '{name}'.");

    public static bool IsClosed(this InitiativeStatus status) =>
        status is InitiativeStatus.Rejected or InitiativeStatus.Merged or InitiativeStatus.Completed;
}
