namespace Participation.Bot.Hosting.Handoff;

/// <summary>
/// Records what a live agent did (accepted, messaged, closed) in the host's audit log. A boundary: the bot hosting
/// library has no audit store of its own, the platform that runs the agent console provides one. Never the message text.
/// </summary>
public interface IAgentAudit
{
    /// <param name="action">agent.accept, agent.message or agent.close.</param>
    Task RecordAsync(Agent agent, string action, string conversationId, DateTimeOffset at, CancellationToken cancellationToken);
}
