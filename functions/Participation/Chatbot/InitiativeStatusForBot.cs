using Participation.Bot.Initiatives;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using InitiativeStatus = Participation.Bot.Initiatives.InitiativeStatus;

namespace Participation.App.Chatbot;

/// <summary>
/// The bot tells a resident where their initiative is, from the same store the status page reads, or where a question
/// registered outside office hours is (its code has the same form, so one lookup serves both).
/// </summary>
public sealed class InitiativeStatusForBot(InitiativeStore store, QuestionStore questions) : IInitiativeStatusLookup
{
    public async Task<InitiativeStatus?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _))
        {
            return null;
        }

        if (await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return await FindQuestionAsync(code, cancellationToken);
        }

        var timeline = await store.TimelineAsync(initiative.TrackingCode, cancellationToken);
        return new InitiativeStatus(initiative.TrackingCode, initiative.Status.ToWireName(), initiative.Title, timeline.Count > 0 ? timeline[^1].At : initiative.SubmittedAt);
    }

    private async Task<InitiativeStatus?> FindQuestionAsync(TrackingCode code, CancellationToken cancellationToken)
    {
        // The registrar keys a question by the code as the bot showed it (grouped with dashes).
        return await questions.FindAsync(code.Display, cancellationToken) is { } question
            ? new InitiativeStatus(code.Display, question.Status, question.Question, question.RegisteredAt, IsQuestion: true)
            : null;
    }
}
