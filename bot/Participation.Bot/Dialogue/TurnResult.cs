namespace Participation.Bot.Dialogue;

/// <summary>What one turn produced: the activities to send, in order, and the state to store.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, ConversationState State);

/// <summary>Names of the event activities the bot emits for the host to act on.</summary>
public static class BotEvents
{
    /// <summary>Bot Framework handoff protocol: hand the conversation to a live agent (value: context, attachment: transcript).</summary>
    public const string HandoffInitiate = "handoff.initiate";

    /// <summary>Bot Framework handoff protocol: the agent hub reports accepted / failed / completed.</summary>
    public const string HandoffStatus = "handoff.status";

    /// <summary>Outside office hours: register the question for an e-mail answer (value: trackingCode, question, topic, locale, email).</summary>
    public const string QuestionRegister = "question.register";

    /// <summary>The resident rated the live-agent conversation (value: score 1–5, topic).</summary>
    public const string Feedback = "feedback.submit";
}
