using Participation.Bot.Initiatives;
using Participation.Initiatives;
using Participation.Initiatives.Lifecycle;
using InitiativeStatus = Participation.Bot.Initiatives.InitiativeStatus;
using Participation.Initiatives.Tracking;

namespace Participation.Chatbot;

/// <summary>The bot tells a resident where their initiative is, from the same store the status page reads.</summary>
public sealed class InitiativeStatusForBot(InitiativeStore store) : IInitiativeStatusLookup
{
    public async Task<InitiativeStatus?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return null;
        }

        var timeline = await store.TimelineAsync(initiative.TrackingCode, cancellationToken);
        return new InitiativeStatus(initiative.TrackingCode, initiative.Status.ToWireName(), initiative.Title, timeline.Count > 0 ? timeline[^1].At : initiative.SubmittedAt);
    }
}
