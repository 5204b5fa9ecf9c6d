using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot;
using Participation.Bot.Dialogue;
using Participation.Bot.Evaluation;

// Usage: Participation.Bot.Evaluation <labelled.jsonl> [--latency <count>]
//        Participation.Bot.Evaluation --explain "question" ...
// Prints accuracy per topic and every confusion; with --latency, p50/p95 reply latency in embedded mode (no AI).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Participation.Bot.Evaluation <labelled.jsonl> [--latency 1000] | --explain \"question\" ...");
    return 2;
}

if (args[0] == "--explain")
{
    await using var explainServices = new ServiceCollection().AddLogging().AddParticipationBot(new ConfigurationBuilder().Build()).BuildServiceProvider();
    var classifier = explainServices.GetRequiredService<Participation.Bot.Topics.TopicClassifier>();
    foreach (var question in args.Skip(1))
    {
        var reading = classifier.Classify(question, new Participation.Bot.Topics.DialogueContext(null, null, null));
        Console.WriteLine($"{reading.Topic} {reading.Kind} {reading.Confidence:0.00} [{string.Join(", ", reading.Ranking.Take(3).Select(r => $"{r.Topic} {r.Score:0.0}"))}] {question}");
    }

    return 0;
}

var latencyCount = args.SkipWhile(a => a != "--latency").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault();
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging()
    .AddParticipationBot(configuration)
    .BuildServiceProvider();
var evaluation = new TopicEvaluation(services.GetRequiredService<TurnEngine>());
var questions = TopicEvaluation.Load(args[0]);
var outcomes = await evaluation.RunAsync(questions, CancellationToken.None);

Console.WriteLine($"{"topic",-26} {"correct",8} {"total",6} {"accuracy",9}");
foreach (var group in outcomes.GroupBy(o => o.Question.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    var correct = group.Count(o => o.Correct);
    Console.WriteLine($"{group.Key,-26} {correct,8} {group.Count(),6} {correct / (double)group.Count(),9:P0}");
}

var total = outcomes.Count(o => o.Correct);
Console.WriteLine($"{"all",-26} {total,8} {outcomes.Count,6} {total / (double)outcomes.Count,9:P1}");
Console.WriteLine();
Console.WriteLine("Confusions (expected → reported, confidence):");
foreach (var miss in outcomes.Where(o => !o.Correct))
{
    Console.WriteLine($"  {miss.Question.Topic} → {miss.Topic} ({miss.Confidence:0.00}): {miss.Question.Text}");
}

if (latencyCount > 0)
{
    var timings = await evaluation.MeasureLatencyAsync(questions, latencyCount, CancellationToken.None);
    Console.WriteLine();
    Console.WriteLine($"Latency over {latencyCount} questions (embedded, no AI): p50 {TopicEvaluation.Percentile(timings, 0.5):0.00} ms, p95 {TopicEvaluation.Percentile(timings, 0.95):0.00} ms, max {timings[^1]:0.00} ms");
}

return 0;
