using System.Text.Json;
using System.Text.Json.Serialization;

namespace Participation.Bot.Dialogue;

/// <summary>
/// Everything the bot remembers about one conversation between turns. The host stores it (as JSON) and passes it
/// back with the next activity; fields are only ever added, never renamed, so stored states stay readable.
/// </summary>
public sealed record ConversationState
{
    public static ConversationState New { get; } = new();

    /// <summary>"nl" or "en", once known.</summary>
    public string? Language { get; init; }

    /// <summary>The topic of the last answer: context for follow-ups such as "and for my daughter?".</summary>
    public string? LastTopic { get; init; }

    public string? LastQuestion { get; init; }

    /// <summary>Turns in a row the bot could not answer.</summary>
    public int FailedAnswers { get; init; }

    public HandoffPhase Handoff { get; init; }

    public Prompt Awaiting { get; init; }

    /// <summary>The two topics offered in a clarifying question.</summary>
    public IReadOnlyList<string> ClarifyBetween { get; init; } = [];

    /// <summary>The question to register for an e-mail answer when no agent is available.</summary>
    public string? PendingQuestion { get; init; }

    /// <summary>The most recent turns, handed to the live agent as the transcript.</summary>
    public IReadOnlyList<TranscriptEntry> Transcript { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, DialogueJsonContext.Default.ConversationState);

    public static ConversationState FromJson(string json) =>
        JsonSerializer.Deserialize(json, DialogueJsonContext.Default.ConversationState) ?? New;
}

public sealed record TranscriptEntry(string Role, string Text, DateTimeOffset Timestamp, string? Topic);

public enum HandoffPhase
{
    None,
    Requested,
    Active,
}

/// <summary>The question the bot asked and expects an answer to in the next turn.</summary>
public enum Prompt
{
    None,
    Clarification,
    RegisterConsent,
    Email,
    Feedback,
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class DialogueJsonContext : JsonSerializerContext;
