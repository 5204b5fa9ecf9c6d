namespace Participation.Bot.Evaluation;

/// <summary>Prints accuracy per topic, every confusion, and accuracy by confidence band (is "0.9" right nine times in ten?).</summary>
public static class EvaluationReport
{
    private static readonly double[] BandEdges = [0, 0.3, 0.5, 0.7, 0.9, 1.0001];

    public static void Print(string title, IReadOnlyList<Outcome> outcomes, TextWriter output)
    {
        output.WriteLine($"== {title}");
        output.WriteLine($"{"topic",-26} {"correct",8} {"total",6} {"accuracy",9}");
        foreach (var group in outcomes.GroupBy(o => o.Question.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var correct = group.Count(o => o.Correct);
            output.WriteLine($"{group.Key,-26} {correct,8} {group.Count(),6} {correct / (double)group.Count(),9:P0}");
        }

        output.WriteLine($"{"all",-26} {outcomes.Count(o => o.Correct),8} {outcomes.Count,6} {Accuracy(outcomes),9:P1}");
        output.WriteLine();
        output.WriteLine("Calibration (reported confidence → accuracy):");
        for (var i = 0; i < BandEdges.Length - 1; i++)
        {
            var band = outcomes.Where(o => o.Confidence >= BandEdges[i] && o.Confidence < BandEdges[i + 1]).ToList();
            var label = $"{BandEdges[i]:0.0}–{Math.Min(1, BandEdges[i + 1]):0.0}";
            output.WriteLine(band.Count == 0 ? $"  {label}: none" : $"  {label}: {band.Count(o => o.Correct)}/{band.Count} = {Accuracy(band):P0}");
        }

        output.WriteLine();
        output.WriteLine("Confusions (expected → reported, confidence):");
        foreach (var miss in outcomes.Where(o => !o.Correct).OrderBy(o => o.Question.Topic, StringComparer.Ordinal))
        {
            output.WriteLine($"  {miss.Question.Topic} → {miss.Topic} ({miss.Confidence:0.00}): {miss.Question.Text}");
        }

        output.WriteLine();
    }

    public static double Accuracy(IReadOnlyCollection<Outcome> outcomes) => outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Correct) / (double)outcomes.Count;
}
