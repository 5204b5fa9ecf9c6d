namespace Participation.Bot.Topics.Learning;

/// <summary>A labelled example the model learns from: the question and its label (a topic, or an out-of-scope subject).</summary>
public sealed record TrainingExample(string Text, string Label);

/// <summary>A label with the model's probability for it; probabilities of one prediction sum to 1.</summary>
public sealed record LabelProbability(string Label, double Probability);

/// <summary>How the model is trained; the defaults were chosen by cross-validation on the training set, never on the dev set.</summary>
public sealed record TrainingOptions(int Epochs = 20, double LearningRate = 0.5, double L2 = 1e-5, int Seed = 16, FeatureWeights? Features = null);

/// <summary>
/// Multinomial logistic regression over <see cref="TextFeatures"/>, trained by stochastic gradient descent in well under a
/// second at start-up. Chosen over a linear SVM because its softmax gives probabilities the dialogue can act on
/// ("not sure" → clarifying question). Written here rather than with ML.NET: a hundred lines without native dependencies,
/// deterministic, and trained in the time ML.NET needs to build its pipeline.
/// </summary>
public sealed class LinearTopicModel
{

    private readonly Dictionary<string, int> vocabulary;
    private readonly string[] labels;
    private readonly double[] weights; // [feature * labels.Length + label]
    private readonly double[] bias;
    private readonly FeatureWeights? featureWeights;

    private LinearTopicModel(Dictionary<string, int> vocabulary, string[] labels, double[] weights, double[] bias, FeatureWeights? featureWeights)
    {
        this.featureWeights = featureWeights;
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    public IReadOnlyList<string> Labels => labels;

    /// <summary>Trains on the examples in a fixed pseudo-random order, so the same set always gives the same model.</summary>
    public static LinearTopicModel Train(IReadOnlyList<TrainingExample> examples, TrainingOptions? options = null)
    {
        var (epochs, learningRate, l2, seed, featureWeights) = options ?? new TrainingOptions();
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var encoded = examples.Select(example =>
        {
            var features = TextFeatures.Extract(example.Text, featureWeights)
                .Select(f => (Index: vocabulary.TryGetValue(f.Key, out var index) ? index : vocabulary[f.Key] = vocabulary.Count, Value: (double)f.Value))
                .ToArray();
            return (Features: features, Label: labelIndex[example.Label]);
        }).ToArray();

        var k = labels.Length;
        var weights = new double[vocabulary.Count * k];
        var bias = new double[k];
        var gradientSquares = new double[vocabulary.Count * k];
        var biasSquares = new double[k];
        var random = new Random(seed);
        var order = Enumerable.Range(0, encoded.Length).ToArray();
        var scores = new double[k];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var n in order)
            {
                var (features, label) = encoded[n];
                Scores(features, weights, bias, k, scores);
                Softmax(scores);
                for (var c = 0; c < k; c++)
                {
                    var gradient = scores[c] - (c == label ? 1 : 0);
                    if (Math.Abs(gradient) < 1e-4)
                    {
                        continue; // a label the model already rules out: skipping it makes training several times faster
                    }

                    // AdaGrad: rare n-grams keep learning after frequent ones have settled.
                    biasSquares[c] += gradient * gradient;
                    bias[c] -= learningRate * gradient / Math.Sqrt(biasSquares[c] + 1e-8);
                    foreach (var (index, value) in features)
                    {
                        var slot = index * k + c;
                        var g = gradient * value + l2 * weights[slot];
                        gradientSquares[slot] += g * g;
                        weights[slot] -= learningRate * g / Math.Sqrt(gradientSquares[slot] + 1e-8);
                    }
                }
            }
        }

        return new LinearTopicModel(vocabulary, labels, weights, bias, featureWeights);
    }

    /// <summary>The share of the message's words the model has seen in training: zero means it can only guess.</summary>
    public double KnownWordShare(string text)
    {
        var words = SpellingCorrector.Words(text).ToList();
        return words.Count == 0 ? 0 : words.Count(w => vocabulary.ContainsKey("w:" + w)) / (double)words.Count;
    }

    /// <summary>Every label with its probability, most likely first.</summary>
    public IReadOnlyList<LabelProbability> Predict(string text)
    {
        var features = TextFeatures.Extract(text, featureWeights)
            .Where(f => vocabulary.ContainsKey(f.Key))
            .Select(f => (Index: vocabulary[f.Key], Value: (double)f.Value))
            .ToArray();
        var scores = new double[labels.Length];
        Scores(features, weights, bias, labels.Length, scores);
        Softmax(scores);
        return [.. scores.Select((p, i) => new LabelProbability(labels[i], p)).OrderByDescending(p => p.Probability)];
    }

    private static void Scores((int Index, double Value)[] features, double[] weights, double[] bias, int k, double[] scores)
    {
        Array.Copy(bias, scores, k);
        foreach (var (index, value) in features)
        {
            var row = index * k;
            for (var c = 0; c < k; c++)
            {
                scores[c] += weights[row + c] * value;
            }
        }
    }

    private static void Softmax(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }
}
