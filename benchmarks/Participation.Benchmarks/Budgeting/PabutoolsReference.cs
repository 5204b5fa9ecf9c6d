using System.Globalization;

namespace Participation.Benchmarks.Budgeting;

/// <summary>
/// pabutools' times per file and rule from <c>benchmarks/pabutools/reference.tsv</c> (<c>file, rule, seconds,
/// selected</c>; seconds may be <c>&gt;limit</c> for a run that was stopped).
/// </summary>
public sealed record PabutoolsReference(double Seconds, bool AtLeast)
{
    public string Text => AtLeast ? $">{Seconds:F0}" : Seconds.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>How many times faster <paramref name="milliseconds"/> is; "≥" when pabutools was stopped before it finished.</summary>
    public string Times(double milliseconds) => (AtLeast ? "≥" : "") + (Seconds * 1000 / milliseconds).ToString("F0", CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<(string File, string Rule), PabutoolsReference> Load()
    {
        var found = new Dictionary<(string, string), PabutoolsReference>();
        if (BudgetingBench.FindData() is not { } data)
        {
            return found;
        }

        var path = Path.Combine(data, "..", "..", "benchmarks", "pabutools", "reference.tsv");
        if (!File.Exists(path))
        {
            return found;
        }

        foreach (var line in File.ReadLines(path).Where(line => !line.StartsWith('#')).Skip(1))
        {
            if (line.Split('\t') is [var file, var rule, var seconds, ..])
            {
                var atLeast = seconds.StartsWith('>');
                found[(file, rule)] = new PabutoolsReference(double.Parse(seconds.TrimStart('>'), CultureInfo.InvariantCulture), atLeast);
            }
        }

        return found;
    }
}
