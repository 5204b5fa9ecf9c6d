using Microsoft.Extensions.Logging;

namespace Participation.Bot.Hosting;

internal static partial class BotHostingLog
{
    [LoggerMessage(LogLevel.Debug, "Conversation {ConversationKey}: changed by another turn, attempt {Attempt} retried")]
    public static partial void TurnRetried(this ILogger logger, string conversationKey, int attempt);

    [LoggerMessage(LogLevel.Warning, "Conversation {ConversationKey}: delivery to channel {ChannelId} failed")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string conversationKey, string channelId);

    [LoggerMessage(LogLevel.Warning, "Rejected an activity on /api/messages: {Reason}")]
    public static partial void ChannelTokenRejected(this ILogger logger, string? reason);

    [LoggerMessage(LogLevel.Error, "Conversation {ConversationKey}: turn failed")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string conversationKey);

    [LoggerMessage(LogLevel.Error, "Conversation {ConversationKey}: event {EventName} could not be handled; it stays in the outbox")]
    public static partial void EventFailed(this ILogger logger, Exception exception, string conversationKey, string? eventName);

    [LoggerMessage(LogLevel.Warning, "Conversation {ConversationKey}: the sweep took up events left in the outbox after their turn")]
    public static partial void EventsSwept(this ILogger logger, string conversationKey);

    [LoggerMessage(LogLevel.Information, "Conversation {ConversationKey}: waiting for an agent, place {Place}")]
    public static partial void HandoffQueued(this ILogger logger, string conversationKey, int place);

    [LoggerMessage(LogLevel.Information, "Conversation {ConversationKey}: handoff accepted by agent {AgentId}")]
    public static partial void HandoffAccepted(this ILogger logger, string conversationKey, string agentId);

    [LoggerMessage(LogLevel.Information, "Conversation {ConversationKey}: handoff closed by agent {AgentId}")]
    public static partial void HandoffClosed(this ILogger logger, string conversationKey, string agentId);

    [LoggerMessage(LogLevel.Information, "Conversation {ConversationKey}: no agent accepted within {Timeout}; handoff failed")]
    public static partial void HandoffExpired(this ILogger logger, string conversationKey, TimeSpan timeout);
}
