namespace Participation.Bot.Handoff;

/// <summary>Whether a live agent can take over now; the host may replace this with its agent console's presence.</summary>
public interface IAgentAvailability
{
    bool AgentsAvailable();
}
