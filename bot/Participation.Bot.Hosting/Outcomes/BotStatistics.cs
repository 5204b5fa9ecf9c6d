using Azure.Data.Tables;

namespace Participation.Bot.Hosting.Outcomes;

/// <summary>
/// The bot's figures for a period, for the council dashboard. A conversation counts once the resident has said
/// something; it was resolved without a person when no handoff was requested and no question was registered.
/// <see cref="Helped"/> is stricter: of those, the ones whose last reply was an answer from the knowledge base — a
/// conversation that ended on "I do not know what you mean" resolved nothing, even if nobody was called.
/// </summary>
public sealed record BotStatistics(
    int Conversations,
    int ResolvedWithoutPerson,
    double SelfServiceRate,
    int HandoffsRequested,
    int HandoffsAccepted,
    int HandoffsFailed,
    TimeSpan? MedianWaitingTime,
    int QuestionsRegistered,
    int Ratings,
    double? AverageRating,
    int Helped = 0);

/// <summary>Computes <see cref="BotStatistics"/> from the outcome table; reads only the months in the period.</summary>
public sealed class BotStatisticsQuery(BotTables tables)
{
    public async Task<BotStatistics> GetAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {ConversationOutcomes.Month(from)} and PartitionKey le {ConversationOutcomes.Month(to)}");
        int conversations = 0, resolved = 0, helped = 0, requested = 0, accepted = 0, failed = 0, registered = 0;
        var waits = new List<double>();
        var ratings = new List<int>();
        await foreach (var row in tables.OutcomeTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var started = row.GetDateTimeOffset("StartedAt");
            if (started is null || started < from || started >= to)
            {
                continue;
            }

            conversations++;
            var handoff = row.GetBoolean("HandoffRequested") == true;
            var question = row.GetBoolean("QuestionRegistered") == true;
            resolved += handoff || question ? 0 : 1;
            helped += !handoff && !question && row.GetBoolean("Answered") == true && row.GetBoolean("EndedAnswered") == true ? 1 : 0;
            requested += handoff ? 1 : 0;
            registered += question ? 1 : 0;
            failed += row.GetBoolean("HandoffFailed") == true ? 1 : 0;
            if (row.GetBoolean("HandoffAccepted") == true)
            {
                accepted++;
                if (row.GetDouble("WaitingSeconds") is { } seconds)
                {
                    waits.Add(seconds);
                }
            }

            if (row.GetInt32("FeedbackScore") is { } score)
            {
                ratings.Add(score);
            }
        }

        return new BotStatistics(
            conversations,
            resolved,
            conversations == 0 ? 0 : (double)resolved / conversations,
            requested,
            accepted,
            failed,
            Median(waits) is { } median ? TimeSpan.FromSeconds(median) : null,
            registered,
            ratings.Count,
            ratings.Count == 0 ? null : ratings.Average(),
            helped);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
