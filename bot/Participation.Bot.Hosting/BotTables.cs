using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Participation.Bot.Hosting;

/// <summary>The bot's tables: conversations (state, Direct Line transcript, outbox), the handoff queue, outcomes and feedback.</summary>
public sealed class BotTables(TableServiceClient tables, IOptions<BotStorageOptions> options)
{
    public const string Conversations = "BotConversations";
    public const string Handoffs = "BotHandoffs";
    public const string Outcomes = "BotOutcomes";
    public const string Feedback = "BotFeedback";

    /// <summary>Every table the bot needs, for the host to create at start.</summary>
    public static IReadOnlyList<string> Names { get; } = [Conversations, Handoffs, Outcomes, Feedback];

    // Only the stores use the clients (and the tests, to look at what was stored).
    internal TableClient ConversationTable { get; } = tables.GetTableClient(options.Value.TablePrefix + Conversations);

    internal TableClient HandoffTable { get; } = tables.GetTableClient(options.Value.TablePrefix + Handoffs);

    internal TableClient OutcomeTable { get; } = tables.GetTableClient(options.Value.TablePrefix + Outcomes);

    internal TableClient FeedbackTable { get; } = tables.GetTableClient(options.Value.TablePrefix + Feedback);

    internal IEnumerable<TableClient> All => [ConversationTable, HandoffTable, OutcomeTable, FeedbackTable];
}
