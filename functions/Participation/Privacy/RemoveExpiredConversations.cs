using System.ComponentModel.DataAnnotations;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Handoff;
using Participation.App.Chatbot;
using Participation.App.Hosting;

namespace Participation.App.Privacy;

/// <summary>How long the chatbot keeps what residents said (section <c>Privacy</c>, e.g. <c>Privacy__ConversationRetentionDays</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>A conversation (state and transcript) is deleted this many days after it started.</summary>
    [Range(1, 3650)]
    public int ConversationRetentionDays { get; set; } = 30;

    /// <summary>A question left for an e-mail answer, its conversation and the address are deleted this many days after it was registered.</summary>
    [Range(1, 3650)]
    public int QuestionRetentionDays { get; set; } = 90;

    /// <summary>At most this many e-mails per hour to one resident's address, whoever asked for them.</summary>
    [Range(1, 1000)]
    public int MaxMailsPerAddressPerHour { get; set; } = 10;
}

/// <summary>Timer function (AVG retention): chat conversations and registered chat questions older than their retention period are deleted.</summary>
public sealed class RemoveExpiredConversations(
    ConversationStore conversations, HandoffQueue handoffs, BotQuestionRegistrar questions, IOptions<PrivacyOptions> options, TimeProvider clock,
    ILogger<RemoveExpiredConversations> logger) : ITimerFunction
{
    public static TimerTrigger Trigger { get; } = new(nameof(RemoveExpiredConversations), "0 30 3 * * *");

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var removedQuestions = await questions.EraseRegisteredBeforeAsync(now.AddDays(-options.Value.QuestionRetentionDays), cancellationToken);
        var removedConversations = 0;
        foreach (var key in await conversations.StartedBeforeAsync(now.AddDays(-options.Value.ConversationRetentionDays), cancellationToken))
        {
            await handoffs.ForgetAsync(key, cancellationToken);
            removedConversations += await conversations.DeleteAsync(key, cancellationToken) ? 1 : 0;
        }

        logger.ConversationsRemoved(removedConversations, removedQuestions);
    }
}
