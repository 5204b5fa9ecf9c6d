using Azure.Data.Tables;
using Participation.App.Audit;
using Participation.Bot.Hosting.Handoff;

namespace Participation.App.Chatbot;

/// <summary>
/// The live agents' actions in the platform's audit log (table <see cref="Table"/>, one partition per conversation):
/// who accepted, wrote to and closed which conversation, and when — never what was said, which stays in the
/// conversation's own transcript under its retention period.
/// </summary>
public sealed class AgentActionAudit(TableServiceClient tables) : IAgentAudit
{
    public const string Table = "AgentAudit";
    private readonly TableClient table = tables.GetTableClient(Table);

    public async Task RecordAsync(Agent agent, string action, string conversationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var actor = new PlatformUser(agent.Id, agent.Name, new HashSet<string> { Roles.Agent }, new HashSet<string>(), new HashSet<string>());
        var entry = AuditTrail.Append(conversationId, actor, action, $"conversation/{conversationId}", null, null, at);
        await table.AddEntityAsync((TableEntity)entry.Entity, cancellationToken);
    }
}
