using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Dialogue;
using Participation.Bot.Evaluation;
using Participation.Bot.Topics;
using Participation.Bot.Topics.Learning;

// Usage: Participation.Bot.Evaluation <labelled.jsonl> [--cross-validate <train.jsonl>] [--folds 10] [--repeat 5] [--compare-mlnet] [--latency <count>]
//        Participation.Bot.Evaluation --explain "question" ...
// Prints accuracy per topic, every confusion and the calibration; --cross-validate adds k-fold accuracy on the training set
// (--repeat adds the mean over that many splits);
// --compare-mlnet adds the topic model alone against ML.NET's trainers on the same folds; --latency adds p50/p95 reply
// latency in embedded mode (no AI).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Participation.Bot.Evaluation <labelled.jsonl> [--cross-validate data/bot-train.jsonl] [--folds 10] [--repeat 5] [--latency 1000] | --explain \"question\" ...");
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

// Start-up as the host sees it: the hosted service returns at once and trains in the background; the first reply then
// finds the models ready.
var started = System.Diagnostics.Stopwatch.StartNew();
await using var services = TopicEvaluation.Compose(configuration);
var trainAtStart = services.GetRequiredService<TrainAtStart>();
await trainAtStart.StartAsync(CancellationToken.None);
var startReturned = started.Elapsed.TotalMilliseconds;
await trainAtStart.Ready;
var trained = started.Elapsed.TotalMilliseconds;
var engine = services.GetRequiredService<TurnEngine>();
var evaluation = new TopicEvaluation(engine);
var questions = TopicEvaluation.Load(args[0]);
var firstStarted = System.Diagnostics.Stopwatch.StartNew();
await evaluation.AskAsync(questions[0], CancellationToken.None);
Console.WriteLine($"Start-up: hosted service returned after {startReturned:0} ms; models trained and index built in the background after {trained:0} ms; first reply then took {firstStarted.Elapsed.TotalMilliseconds:0.0} ms");
EvaluationReport.Print($"{args[0]} ({DateTime.UtcNow:yyyy-MM-dd})", await evaluation.RunAsync(questions, CancellationToken.None), Console.Out);

if (Option("--cross-validate") is { } trainingPath)
{
    var folds = int.Parse(Option("--folds") ?? "10", CultureInfo.InvariantCulture);
    // --features 1,0.5,0.3,0.5,8,2,0 (word, bigram, char, stem, concept, last clause, concept pairs) and --l2 try other settings in cross-validation only.
    var options = new TrainingOptions();
    if (Option("--features") is { } features)
    {
        var w = features.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        options = options with { Features = new(w[0], w[1], w[2], w[3], w[4], w[5], w.Length > 6 ? w[6] : new FeatureWeights().Pair) };
    }

    if (Option("--l2") is { } l2)
    {
        options = options with { L2 = double.Parse(l2, CultureInfo.InvariantCulture) };
    }

    var training = TopicEvaluation.Load(trainingPath);
    var outcomes = await TopicEvaluation.CrossValidateAsync(training, folds, configuration, CancellationToken.None, options: options);
    EvaluationReport.Print($"{folds}-fold cross-validation on {trainingPath}", outcomes, Console.Out);

    // One split moves by a few questions whenever the set changes (the folds are reshuffled); --repeat 5 averages over
    // other splits, so that a change of a few tenths is told apart from the luck of one split.
    if (int.TryParse(Option("--repeat"), CultureInfo.InvariantCulture, out var repeat) && repeat > 1)
    {
        var accuracies = new List<double> { EvaluationReport.Accuracy(outcomes) };
        for (var seed = 8; accuracies.Count < repeat; seed++)
        {
            accuracies.Add(EvaluationReport.Accuracy(await TopicEvaluation.CrossValidateAsync(training, folds, configuration, CancellationToken.None, seed, options)));
        }

        Console.WriteLine($"{folds}-fold cross-validation over {repeat} splits: mean {accuracies.Average():P2} ({string.Join(", ", accuracies.Select(a => a.ToString("P1", CultureInfo.InvariantCulture)))})");
    }
}

if (args.Contains("--compare-mlnet") && Option("--cross-validate") is { } comparedPath)
{
    MlNetComparison.Print(TopicEvaluation.Load(comparedPath), int.Parse(Option("--folds") ?? "10", CultureInfo.InvariantCulture), Console.Out);
}

if (int.TryParse(Option("--latency"), CultureInfo.InvariantCulture, out var latencyCount) && latencyCount > 0)
{
    var timings = await evaluation.MeasureLatencyAsync(questions, latencyCount, CancellationToken.None);
    Console.WriteLine($"Latency over {latencyCount} questions (embedded, no AI): p50 {TopicEvaluation.Percentile(timings, 0.5):0.00} ms, p95 {TopicEvaluation.Percentile(timings, 0.95):0.00} ms, max {timings[^1]:0.00} ms");
}

return 0;
