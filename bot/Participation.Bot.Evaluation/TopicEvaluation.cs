using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using System.Text.Json.Serialization;
using Participation.Bot.Dialogue;
using Participation.Bot.Protocol;

namespace Participation.Bot.Evaluation;

/// <summary>A question with the topic a person labelled it with (data/bot-dev.jsonl format).</summary>
public sealed record LabelledQuestion(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("topic")] string Topic);

public sealed record Outcome(LabelledQuestion Question, string Topic, double Confidence)
{
    public bool Correct => Topic == Question.Topic;
}

[JsonSerializable(typeof(LabelledQuestion))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;

/// <summary>Sends each labelled question as the first message of a new conversation and reads the topic the bot reports.</summary>
public sealed class TopicEvaluation(TurnEngine engine)
{
    public static IReadOnlyList<LabelledQuestion> Load(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize(l, EvaluationJsonContext.Default.LabelledQuestion)!)];

    public async Task<Outcome> AskAsync(LabelledQuestion question, CancellationToken cancellationToken)
    {
        var result = await engine.HandleAsync(Message(question.Text, question.Locale), ConversationState.New, cancellationToken);
        var reply = result.Replies.First(a => a.Type == ActivityTypes.Message);
        return new Outcome(question, reply.ChannelData!["topic"]!.GetValue<string>(), reply.ChannelData!["confidence"]!.GetValue<double>());
    }

    public async Task<IReadOnlyList<Outcome>> RunAsync(IEnumerable<LabelledQuestion> questions, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        foreach (var question in questions)
        {
            outcomes.Add(await AskAsync(question, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Reply latency in milliseconds per question, over <paramref name="count"/> questions cycled from the set.</summary>
    public async Task<double[]> MeasureLatencyAsync(IReadOnlyList<LabelledQuestion> questions, int count, CancellationToken cancellationToken)
    {
        foreach (var warmUp in questions.Take(20))
        {
            await AskAsync(warmUp, cancellationToken);
        }

        var timings = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await AskAsync(questions[i % questions.Count], cancellationToken);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(timings);
        return timings;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static Activity Message(string text, string? locale) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "evaluation",
        ServiceUrl = "http://localhost",
        From = new ChannelAccount { Id = "resident", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = Guid.NewGuid().ToString("N") },
        Locale = locale,
        Text = text,
    };
}
