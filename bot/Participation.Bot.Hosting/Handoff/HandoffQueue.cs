using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Events;
using Participation.Bot.Hosting.Outcomes;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Handoff;

/// <summary>A live agent as the agent console's caller: the token's subject and display name.</summary>
public sealed record Agent(string Id, string Name)
{
    public static Agent? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return string.IsNullOrEmpty(id) ? null : new Agent(id, principal.FindFirstValue("name") ?? principal.Identity?.Name ?? id);
    }
}

public enum HandoffStatus
{
    Waiting,
    Accepted,
    /// <summary>No agent in time; kept only until the bot has told the resident.</summary>
    Failed,
}

/// <summary>A handoff as the agent console shows it.</summary>
public sealed record HandoffView(
    string ConversationId,
    HandoffStatus Status,
    string? Topic,
    string? Locale,
    string? Summary,
    IReadOnlyList<TranscriptEntry> Transcript,
    DateTimeOffset WaitingSince,
    double WaitingSeconds,
    int? Place,
    string? AgentName,
    DateTimeOffset? AcceptedAt);

public enum HandoffResult
{
    Done,
    NotFound,
    /// <summary>Another agent accepted it (or holds it): only one agent talks to a resident.</summary>
    TakenByAnother,
}

/// <summary>
/// The live-chat queue: one table partition (<c>open</c>) holds every handoff that is waiting or in progress, so the
/// agent console lists them with one query. The row is the lock: accepting is an ETag-guarded update of the waiting
/// row, so when two agents accept at once exactly one succeeds. The conversation itself is then changed by a turn
/// that only applies in the matching phase, which makes every step safe to repeat after a failure.
/// </summary>
public sealed class HandoffQueue(
    BotTables tables,
    ConversationStore conversations,
    ConversationTurns turns,
    ConversationOutcomes outcomes,
    IOptions<HandoffQueueOptions> options,
    TimeProvider clock,
    ILogger<HandoffQueue> logger,
    IEnumerable<IAgentAudit> audits)
{
    private const string Open = "open";
    private readonly TableClient table = tables.HandoffTable;

    /// <summary>Removes the conversation's queue row with its transcript copy (the conversation itself is being deleted); false when there was none.</summary>
    public async Task<bool> ForgetAsync(string key, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(Open, key, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Puts the conversation in the queue (once) and tells the resident their place.</summary>
    public async Task EnqueueAsync(ConversationRecord record, Activity initiate, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Open, record.Key)
        {
            ["Status"] = nameof(HandoffStatus.Waiting),
            ["Topic"] = initiate.Value?["topic"]?.GetValue<string>(),
            ["Locale"] = initiate.Value?["locale"]?.GetValue<string>() ?? record.Locale,
            ["Summary"] = EmailRedaction.RedactOrNull(initiate.Value?["summary"]?.GetValue<string>()),
            ["WaitingSince"] = initiate.Timestamp ?? clock.GetUtcNow(),
        };
        LongText.Write(entity, "Transcript", JsonSerializer.Serialize(EmailRedaction.Redact(TranscriptAttachment.Read(initiate)).ToList(), HostingJson.Default.ListTranscriptEntry));
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return; // queued before, by an earlier attempt at this event
        }

        var place = (await ReadOpenAsync(cancellationToken)).FindIndex(h => h.ConversationId == record.Key) + 1;
        logger.HandoffQueued(record.Key, place);
        var english = record.State.Language == "en";
        await turns.AppendAsync(record.Key, [BotMessage(english
            ? $"You are number {place} in the queue. A member of staff will be with you as soon as possible."
            : $"U bent nummer {place} in de wachtrij. Een medewerker helpt u zo snel mogelijk.", place)], cancellationToken);
    }

    /// <summary>The waiting handoffs (with their place) and those this agent holds; overdue ones are failed first.</summary>
    public async Task<IReadOnlyList<HandoffView>> ListAsync(Agent agent, CancellationToken cancellationToken)
    {
        await ExpireWaitingHandoffsAsync(cancellationToken);
        return [.. (await ReadOpenAsync(cancellationToken))
            .Where(h => h.Status == HandoffStatus.Waiting || (h.Status == HandoffStatus.Accepted && h.AgentId == agent.Id))
            .Select(h => h.View)];
    }

    public async Task<HandoffResult> AcceptAsync(string key, Agent agent, CancellationToken cancellationToken)
    {
        var row = await FindAsync(key, cancellationToken);
        if (row is null || row.Status == HandoffStatus.Failed || (row.Status == HandoffStatus.Waiting && IsOverdue(row)))
        {
            if (row is not null)
            {
                await FailAsync(row, cancellationToken);
            }

            return HandoffResult.NotFound;
        }

        if (row.Status == HandoffStatus.Accepted && row.AgentId != agent.Id)
        {
            return HandoffResult.TakenByAnother;
        }

        var acceptedAt = row.AcceptedAt ?? clock.GetUtcNow();
        if (row.Status == HandoffStatus.Waiting)
        {
            var entity = row.Entity;
            entity["Status"] = nameof(HandoffStatus.Accepted);
            entity["AgentId"] = agent.Id;
            entity["AgentName"] = agent.Name;
            entity["AcceptedAt"] = acceptedAt;
            try
            {
                await table.UpdateEntityAsync(entity, row.Entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Someone changed the row first: another agent (409 for us), or this agent's own double click (fine).
                return await AcceptAsync(key, agent, cancellationToken);
            }
        }

        // Also when this agent accepted before: the conversation may not have heard yet if that attempt broke off.
        var outcome = await turns.RunAsync(key, record => record.State.Handoff != HandoffPhase.Requested ? null : new TurnPlan
        {
            EngineInput = StatusEvent(record, "accepted"),
            Announcements = [AgentMessage(agent, record.State.Language == "en"
                ? $"{agent.Name} from our staff has joined the conversation."
                : $"Medewerker {agent.Name} neemt het gesprek over.")],
        }, cancellationToken);
        if (outcome is { Logged.Count: > 0 })
        {
            logger.HandoffAccepted(key, agent.Id);
            await outcomes.HandoffAcceptedAsync(outcome.Record, acceptedAt - row.WaitingSince, cancellationToken);
            await AuditAsync(agent, "agent.accept", key, cancellationToken);
        }

        return HandoffResult.Done;
    }

    /// <summary>An agent's message to the resident; it also joins the transcript the bot keeps.</summary>
    public async Task<(HandoffResult Result, string? ActivityId)> SendAsync(string key, Agent agent, string text, CancellationToken cancellationToken)
    {
        var check = await HeldByAsync(key, agent, cancellationToken);
        if (check != HandoffResult.Done)
        {
            return (check, null);
        }

        var now = clock.GetUtcNow();
        var outcome = await turns.RunAsync(key, record => new TurnPlan
        {
            Announcements = [AgentMessage(agent, text)],
            Change = r => r with { State = r.State with { Transcript = [.. r.State.Transcript.Append(new TranscriptEntry("agent", text, now, Topic: null)).TakeLast(40)] } },
        }, cancellationToken);
        if (outcome is null)
        {
            return (HandoffResult.NotFound, null);
        }

        await AuditAsync(agent, "agent.message", key, cancellationToken);
        return (HandoffResult.Done, outcome.Logged[^1].Id);
    }

    private async Task AuditAsync(Agent agent, string action, string key, CancellationToken cancellationToken)
    {
        foreach (var audit in audits)
        {
            await audit.RecordAsync(agent, action, key, clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>The conversation's transcript for the agent holding it, or for any agent while it waits.</summary>
    public async Task<(HandoffResult Result, ActivityPage? Page)> ReadTranscriptAsync(string key, Agent agent, long watermark, CancellationToken cancellationToken)
    {
        var row = await FindAsync(key, cancellationToken);
        if (row is null || row.Status == HandoffStatus.Failed)
        {
            return (HandoffResult.NotFound, null);
        }

        if (row.Status == HandoffStatus.Accepted && row.AgentId != agent.Id)
        {
            return (HandoffResult.TakenByAnother, null);
        }

        return (HandoffResult.Done, await conversations.ReadTranscriptAsync(key, watermark, 100, cancellationToken));
    }

    /// <summary>The agent is done: the bot resumes and asks for a rating; the handoff leaves the queue.</summary>
    public async Task<HandoffResult> CloseAsync(string key, Agent agent, CancellationToken cancellationToken)
    {
        var check = await HeldByAsync(key, agent, cancellationToken);
        if (check != HandoffResult.Done)
        {
            return check;
        }

        await turns.RunAsync(key, record => record.State.Handoff == HandoffPhase.None ? null : new TurnPlan
        {
            EngineInput = StatusEvent(record, "completed"),
        }, cancellationToken);
        await table.DeleteEntityAsync(Open, key, ETag.All, cancellationToken);
        logger.HandoffClosed(key, agent.Id);
        await AuditAsync(agent, "agent.close", key, cancellationToken);
        return HandoffResult.Done;
    }

    /// <summary>
    /// Fails every handoff no agent accepted within <see cref="HandoffQueueOptions.AcceptTimeout"/>: the bot tells the
    /// resident and offers to register the question. Called lazily (agent console list, resident's polling) and meant
    /// for a timer function as well, so a resident who stopped polling still counts as failed. Returns how many failed.
    /// </summary>
    public async Task<int> ExpireWaitingHandoffsAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        foreach (var row in await ReadOpenAsync(cancellationToken))
        {
            if (row.Status == HandoffStatus.Failed || (row.Status == HandoffStatus.Waiting && IsOverdue(row)))
            {
                expired += await FailAsync(row, cancellationToken) ? 1 : 0;
            }
        }

        return expired;
    }

    /// <summary>The lazy check for one conversation, when its resident polls while waiting.</summary>
    public async Task ExpireIfOverdueAsync(string key, CancellationToken cancellationToken)
    {
        if (await FindAsync(key, cancellationToken) is { } row && (row.Status == HandoffStatus.Failed || (row.Status == HandoffStatus.Waiting && IsOverdue(row))))
        {
            await FailAsync(row, cancellationToken);
        }
    }

    private async Task<bool> FailAsync(OpenHandoff row, CancellationToken cancellationToken)
    {
        if (row.Status == HandoffStatus.Waiting)
        {
            var entity = row.Entity;
            entity["Status"] = nameof(HandoffStatus.Failed);
            try
            {
                await table.UpdateEntityAsync(entity, row.Entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                return false; // accepted, or failed by someone else, just now
            }
        }

        var outcome = await turns.RunAsync(row.ConversationId, record => record.State.Handoff != HandoffPhase.Requested ? null : new TurnPlan
        {
            EngineInput = StatusEvent(record, "failed"),
        }, cancellationToken);
        if (outcome is not null)
        {
            await outcomes.HandoffFailedAsync(outcome.Record, cancellationToken);
        }

        await table.DeleteEntityAsync(Open, row.ConversationId, ETag.All, cancellationToken);
        logger.HandoffExpired(row.ConversationId, options.Value.AcceptTimeout);
        return true;
    }

    private async Task<HandoffResult> HeldByAsync(string key, Agent agent, CancellationToken cancellationToken) =>
        await FindAsync(key, cancellationToken) switch
        {
            null or { Status: not HandoffStatus.Accepted } => HandoffResult.NotFound,
            { AgentId: var holder } when holder != agent.Id => HandoffResult.TakenByAnother,
            _ => HandoffResult.Done,
        };

    private bool IsOverdue(OpenHandoff row) => clock.GetUtcNow() - row.WaitingSince >= options.Value.AcceptTimeout;

    private async Task<OpenHandoff?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Open, key, cancellationToken: cancellationToken);
        return response.HasValue ? Read(response.Value!, place: null) : null;
    }

    /// <summary>Every open handoff, waiting ones first in order of arrival (that order is their place).</summary>
    private async Task<List<OpenHandoff>> ReadOpenAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Open, cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        var waiting = rows.Where(r => r.GetString("Status") == nameof(HandoffStatus.Waiting))
            .OrderBy(r => r.GetDateTimeOffset("WaitingSince")).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        return [.. waiting.Select((r, i) => Read(r, i + 1)), .. rows.Except(waiting).Select(r => Read(r, null))];
    }

    private OpenHandoff Read(TableEntity entity, int? place)
    {
        var waitingSince = entity.GetDateTimeOffset("WaitingSince") ?? clock.GetUtcNow();
        var acceptedAt = entity.GetDateTimeOffset("AcceptedAt");
        var status = Enum.Parse<HandoffStatus>(entity.GetString("Status"));
        var transcript = LongText.Read(entity, "Transcript") is { } json
            ? JsonSerializer.Deserialize(json, HostingJson.Default.ListTranscriptEntry) ?? []
            : [];
        var view = new HandoffView(entity.RowKey, status, entity.GetString("Topic"), entity.GetString("Locale"), entity.GetString("Summary"),
            transcript, waitingSince, Math.Round(((acceptedAt ?? clock.GetUtcNow()) - waitingSince).TotalSeconds), place,
            entity.GetString("AgentName"), acceptedAt);
        return new OpenHandoff(entity, view, entity.GetString("AgentId"));
    }

    private static Activity StatusEvent(ConversationRecord record, string state) => new()
    {
        Type = ActivityTypes.Event,
        Name = BotEvents.HandoffStatus,
        Id = "handoff-" + Guid.NewGuid().ToString("N"),
        Value = new JsonObject { ["state"] = state },
        ChannelId = record.ChannelId,
        ServiceUrl = record.ServiceUrl,
        Conversation = record.Conversation,
        From = record.User,
        Recipient = record.Bot,
        Locale = record.Locale,
    };

    private static Activity BotMessage(string text, int place) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "plain",
        ChannelData = new JsonObject { ["topic"] = "handoff", ["confidence"] = 1, ["queuePlace"] = place },
    };

    private static Activity AgentMessage(Agent agent, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "plain",
        // The resident sees the agent's name, never their account id.
        From = new ChannelAccount { Id = "agent", Name = agent.Name, Role = RoleTypes.Bot },
        ChannelData = new JsonObject { ["topic"] = "handoff", ["confidence"] = 1, ["agent"] = true },
    };

    private sealed record OpenHandoff(TableEntity Entity, HandoffView View, string? AgentId)
    {
        public string ConversationId => View.ConversationId;
        public HandoffStatus Status => View.Status;
        public DateTimeOffset WaitingSince => View.WaitingSince;
        public DateTimeOffset? AcceptedAt => View.AcceptedAt;
    }
}
