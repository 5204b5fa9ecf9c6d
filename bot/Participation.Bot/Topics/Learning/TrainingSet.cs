using System.Text.Json;
using System.Text.Json.Serialization;

namespace Participation.Bot.Topics.Learning;

/// <summary>One line of data/bot-train.jsonl (the format of data/bot-dev.jsonl, plus the subject of an out-of-scope question).</summary>
public sealed record LabelledQuestion(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("subject")] string? Subject = null)
;

[JsonSerializable(typeof(LabelledQuestion))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;

/// <summary>The bot's own training questions, embedded from data/bot-train.jsonl. The dev set is never among them.</summary>
public static class TrainingSet
{
    private const string ResourceName = "Participation.Bot.Topics.Learning.bot-train.jsonl";

    private static readonly Lazy<IReadOnlyList<LabelledQuestion>> Embedded = new(() =>
    {
        using var stream = typeof(TrainingSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The training set {ResourceName} is not embedded.");
        return Parse(new StreamReader(stream).ReadToEnd());
    });

    public static IReadOnlyList<LabelledQuestion> Questions => Embedded.Value;

    public static IReadOnlyList<LabelledQuestion> Load(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<LabelledQuestion> Parse(string jsonLines) =>
    [
        .. jsonLines.Split('\n').Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize(line, TrainingJsonContext.Default.LabelledQuestion)
                ?? throw new FormatException("Empty labelled question.")),
    ];

}

/// <summary>
/// The two models the bot reads questions with: one over topics, and one over the subjects of out-of-scope questions
/// (parking, waste, ...) so that the bot can point to the right place. Kept apart because one model over topics and subjects
/// together cross-validated worse (87.9 % against 88.8 %): twenty small subject classes pulled probability away from topics.
/// </summary>
public sealed class QuestionModels(LinearTopicModel topics, LinearTopicModel subjects)
{
    public LinearTopicModel Topics { get; } = topics;

    public LinearTopicModel Subjects { get; } = subjects;

    private static readonly Lazy<QuestionModels> FromEmbeddedSet = new(() => Train(TrainingSet.Questions));

    /// <summary>Trained once per process from the embedded set; every bot in the process reads with the same models.</summary>
    public static QuestionModels Embedded => FromEmbeddedSet.Value;

    public static QuestionModels Train(IEnumerable<LabelledQuestion> questions, TrainingOptions? options = null)
    {
        var all = questions.ToList();
        return new QuestionModels(
            LinearTopicModel.Train([.. all.Select(q => new TrainingExample(q.Text, q.Topic))], options),
            LinearTopicModel.Train([.. all.Where(q => q.Topic == Participation.Bot.Topics.Topic.OutOfScope && q.Subject is not null)
                .Select(q => new TrainingExample(q.Text, q.Subject!))], options));
    }
}
