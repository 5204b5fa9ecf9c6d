using Participation.Bot.Dialogue;

namespace Participation.Bot.Hosting.Events;

/// <summary>A resident's question to be answered by e-mail, as the bot registered it (event <c>question.register</c>).</summary>
public sealed record RegisteredQuestion(
    string ConversationId,
    string TrackingCode,
    string Question,
    string? Topic,
    string Locale,
    string Email,
    IReadOnlyList<TranscriptEntry> Transcript,
    DateTimeOffset RegisteredAt);

/// <summary>
/// The back office behind the bot: turns a registered question into a case and confirms it by e-mail. The host
/// implements it. A call may be repeated after a failure or a restart; <see cref="RegisteredQuestion.TrackingCode"/>
/// identifies the question, so a second call with the same code must not create a second case.
/// </summary>
public interface IBotCaseRegistrar
{
    Task RegisterQuestionAsync(RegisteredQuestion question, CancellationToken cancellationToken);
}

/// <summary>Until the host registers its own, registering fails loudly, and the question waits in the outbox.</summary>
internal sealed class MissingCaseRegistrar : IBotCaseRegistrar
{
    public Task RegisterQuestionAsync(RegisteredQuestion question, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No IBotCaseRegistrar is registered: the question stays in the conversation's outbox.");
}
