using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Participation.Bot.Protocol;

/// <summary>
/// A Bot Framework Activity: the one message shape exchanged between channels and bots
/// (botframework-sdk specs/botframework-activity). Only fields that spec defines are modelled;
/// null fields are left out of the JSON, as channels expect.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? TopicName { get; init; }
    public bool? HistoryDisclosed { get; init; }
    public string? Locale { get; init; }
    public string? Text { get; init; }
    public string? Speak { get; init; }
    public string? InputHint { get; init; }
    public string? Summary { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<JsonObject>? Entities { get; init; }
    public JsonNode? ChannelData { get; init; }
    public string? Action { get; init; }
    public string? ReplyToId { get; init; }
    public string? Label { get; init; }
    public string? ValueType { get; init; }
    public JsonNode? Value { get; init; }
    public string? Name { get; init; }
    public ConversationReference? RelatesTo { get; init; }
    public string? Code { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    public string? Importance { get; init; }
    public string? DeliveryMode { get; init; }
    public IReadOnlyList<string>? ListenFor { get; init; }
    public string? CallerId { get; init; }

    /// <summary>The conversation reference of this activity, e.g. for <see cref="RelatesTo"/>.</summary>
    public ConversationReference ToReference() =>
        new() { ActivityId = Id, User = From, Bot = Recipient, Conversation = Conversation, ChannelId = ChannelId, ServiceUrl = ServiceUrl, Locale = Locale };

    /// <summary>A reply addressed back to the sender, in the same conversation and channel.</summary>
    public Activity CreateReply(string type, DateTimeOffset timestamp) => new()
    {
        Type = type,
        Timestamp = timestamp,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Locale = Locale,
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Invoke = "invoke";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? Role { get; init; }
}

public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
}

public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonNode? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }
}

public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }
    public IReadOnlyList<CardAction>? Actions { get; init; }
}

public sealed record CardAction
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Image { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonNode? Value { get; init; }

    public static CardAction ImBack(string title, string? value = null) =>
        new() { Type = "imBack", Title = title, Value = JsonValue.Create(value ?? title) };
}

/// <summary>The body Bot Connector returns when an activity is accepted.</summary>
public sealed record ResourceResponse(string? Id);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ResourceResponse))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

public static class ActivityJson
{
    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity) ?? throw new JsonException("Empty activity.");
}
