namespace Participation.Bot.Dialogue;

internal static partial class DialogueLog
{
    [LoggerMessage(LogLevel.Information, "Conversation {ConversationId}: topic {Topic} ({Kind}, confidence {Confidence})")]
    public static partial void Understood(this ILogger logger, string? conversationId, string topic, string kind, double confidence);

    [LoggerMessage(LogLevel.Information, "Conversation {ConversationId}: handoff requested ({Reason}), agents available: {Available}")]
    public static partial void HandoffRequested(this ILogger logger, string? conversationId, string reason, bool available);

    [LoggerMessage(LogLevel.Information, "Conversation {ConversationId}: handoff status {Status}")]
    public static partial void HandoffStatus(this ILogger logger, string? conversationId, string status);
}
