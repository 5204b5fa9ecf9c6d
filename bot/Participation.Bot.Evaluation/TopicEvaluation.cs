using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Dialogue;
using Participation.Bot.Protocol;
using Participation.Bot.Topics;
using Participation.Bot.Topics.Learning;

namespace Participation.Bot.Evaluation;

public sealed record Outcome(LabelledQuestion Question, string Topic, double Confidence)
{
    public bool Correct => Topic == Question.Topic;
}

/// <summary>Sends each labelled question as the first message of a new conversation and reads the topic the bot reports.</summary>
public sealed class TopicEvaluation(TurnEngine engine)
{
    public static IReadOnlyList<LabelledQuestion> Load(string path) => TrainingSet.Load(path);

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

    /// <summary>
    /// k-fold cross-validation through the whole engine: each fold is answered by a bot whose model was trained on the other
    /// folds only. Folds are stratified by label and fixed by <paramref name="seed"/>, so runs are comparable.
    /// </summary>
    public static async Task<IReadOnlyList<Outcome>> CrossValidateAsync(
        IReadOnlyList<LabelledQuestion> questions, int folds, IConfiguration configuration, CancellationToken cancellationToken, int seed = 7, TrainingOptions? options = null)
    {
        var fold = Folds(questions, folds, seed);
        await using var shared = Compose(configuration);
        var index = shared.GetRequiredService<TopicIndex>();
        var outcomes = new List<Outcome>();
        for (var k = 0; k < folds; k++)
        {
            var model = QuestionModels.Train(questions.Where(q => fold[q] != k), options);
            await using var services = Compose(configuration, model, index);
            var evaluation = new TopicEvaluation(services.GetRequiredService<TurnEngine>());
            outcomes.AddRange(await evaluation.RunAsync(questions.Where(q => fold[q] == k), cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Each question's fold: stratified by label (topic, or subject out of scope) and fixed by <paramref name="seed"/>.</summary>
    public static Dictionary<LabelledQuestion, int> Folds(IReadOnlyList<LabelledQuestion> questions, int folds, int seed = 7)
    {
        var random = new Random(seed);
        var fold = new Dictionary<LabelledQuestion, int>(ReferenceEqualityComparer.Instance);
        foreach (var group in questions.GroupBy(q => q.Subject ?? q.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var i = 0; i < members.Length; i++)
            {
                fold[members[i]] = i % folds;
            }
        }

        return fold;
    }

    /// <summary>The bot as the host composes it, without AI unless configured; optionally with a given model and index.</summary>
    public static ServiceProvider Compose(IConfiguration configuration, QuestionModels? model = null, TopicIndex? index = null)
    {
        var services = new ServiceCollection().AddSingleton(configuration).AddLogging();
        if (model is not null)
        {
            services.AddSingleton(model);
        }

        if (index is not null)
        {
            services.AddSingleton(index); // registered as an instance, so disposing this provider leaves it to its owner
        }

        return services.AddParticipationBot(configuration).BuildServiceProvider();
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
