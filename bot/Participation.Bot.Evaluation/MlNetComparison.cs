using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using Participation.Bot.Topics.Learning;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Participation.Bot.Evaluation;

/// <summary>
/// The embedded topic model against ML.NET's multiclass trainers over ML.NET's own word and character n-grams, on the same
/// folds: the classifier alone (no retrieval, no rules), so the figures compare learners, not the whole bot.
/// </summary>
public static class MlNetComparison
{
    public sealed class Row
    {
        public string Text { get; set; } = "";

        public string Topic { get; set; } = "";
    }

    public sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public string Topic { get; set; } = "";
    }

    public static void Print(IReadOnlyList<LabelledQuestion> questions, int folds, TextWriter output)
    {
        var fold = TopicEvaluation.Folds(questions, folds);
        var learners = new (string Name, Func<IReadOnlyList<LabelledQuestion>, Func<string, string>> Train)[]
        {
            ("embedded LinearTopicModel (features of TextFeatures)", Embedded),
            ("ML.NET SdcaMaximumEntropy (FeaturizeText: words 1-2, chars 1-4)", training => MlNet(training, ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())),
            ("ML.NET LbfgsMaximumEntropy, L1 0, L2 0.001 (FeaturizeText: words 1-2, chars 1-4)", training => MlNet(training, ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l1Regularization: 0, l2Regularization: 0.001f))),
        };

        output.WriteLine($"== Classifier alone, {folds}-fold on {questions.Count} questions (same folds as the bot's cross-validation)");
        foreach (var (name, train) in learners)
        {
            var correct = 0;
            var training = TimeSpan.Zero;
            for (var k = 0; k < folds; k++)
            {
                var started = Stopwatch.GetTimestamp();
                var predict = train([.. questions.Where(q => fold[q] != k)]);
                training += Stopwatch.GetElapsedTime(started);
                correct += questions.Where(q => fold[q] == k).Count(q => predict(q.Text) == q.Topic);
            }

            output.WriteLine($"  {name}: {correct}/{questions.Count} = {correct / (double)questions.Count:P1}, training {training.TotalMilliseconds / folds:0} ms per fold");
        }

        output.WriteLine();
    }

    private static Func<string, string> Embedded(IReadOnlyList<LabelledQuestion> training)
    {
        var model = LinearTopicModel.Train([.. training.Select(q => new TrainingExample(q.Text, q.Topic))]);
        return text => model.Predict(text)[0].Label;
    }

    private static Func<string, string> MlNet(
        IReadOnlyList<LabelledQuestion> training, Func<MLContext, IEstimator<ITransformer>> trainer)
    {
        var ml = new MLContext(seed: 16);
        var data = ml.Data.LoadFromEnumerable(training.Select(q => new Row { Text = q.Text, Topic = q.Topic }));
        var features = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Topic))
            .Append(ml.Transforms.Text.FeaturizeText("Features", features, nameof(Row.Text)))
            .Append(trainer(ml))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(pipeline.Fit(data));
        return text => engine.Predict(new Row { Text = text }).Topic;
    }
}
