using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Dialogue;
using Participation.Bot.Evaluation;
using Participation.Bot.Topics;

// Usage: Participation.Bot.Evaluation <labelled.jsonl> [--cross-validate <train.jsonl>] [--folds 10] [--latency <count>]
//        Participation.Bot.Evaluation --explain "question" ...
// Prints accuracy per topic, every confusion and the calibration; --cross-validate adds k-fold accuracy on the training set;
// --latency adds p50/p95 reply latency in embedded mode (no AI).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Participation.Bot.Evaluation <labelled.jsonl> [--cross-validate data/bot-train.jsonl] [--folds 10] [--latency 1000] | --explain \"question\" ...");
    return 2;
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();

if (args[0] == "--explain")
{
    await using var explainServices = TopicEvaluation.Compose(new ConfigurationBuilder().Build());
    var classifier = explainServices.GetRequiredService<TopicClassifier>();
    foreach (var question in args.Skip(1))
    {
        var reading = classifier.Classify(question, new DialogueContext(null, null, null));
        Console.WriteLine($"{reading.Topic} {reading.Kind} {reading.Confidence:0.00} {reading.Subject} [{string.Join(", ", reading.Ranking.Take(3).Select(r => $"{r.Topic} {r.Score:0.00}"))}] {question}");
    }

    return 0;
}

var started = System.Diagnostics.Stopwatch.StartNew();
await using var services = TopicEvaluation.Compose(configuration);
var engine = services.GetRequiredService<TurnEngine>();
Console.WriteLine($"Bot composed and model trained in {started.Elapsed.TotalMilliseconds:0} ms");
var evaluation = new TopicEvaluation(engine);
var questions = TopicEvaluation.Load(args[0]);
EvaluationReport.Print($"{args[0]} ({DateTime.UtcNow:yyyy-MM-dd})", await evaluation.RunAsync(questions, CancellationToken.None), Console.Out);

if (Option("--cross-validate") is { } trainingPath)
{
    var folds = int.Parse(Option("--folds") ?? "10", CultureInfo.InvariantCulture);
    var outcomes = await TopicEvaluation.CrossValidateAsync(TopicEvaluation.Load(trainingPath), folds, configuration, CancellationToken.None);
    EvaluationReport.Print($"{folds}-fold cross-validation on {trainingPath}", outcomes, Console.Out);
}

if (int.TryParse(Option("--latency"), CultureInfo.InvariantCulture, out var latencyCount) && latencyCount > 0)
{
    var timings = await evaluation.MeasureLatencyAsync(questions, latencyCount, CancellationToken.None);
    Console.WriteLine($"Latency over {latencyCount} questions (embedded, no AI): p50 {TopicEvaluation.Percentile(timings, 0.5):0.00} ms, p95 {TopicEvaluation.Percentile(timings, 0.95):0.00} ms, max {timings[^1]:0.00} ms");
}

return 0;
