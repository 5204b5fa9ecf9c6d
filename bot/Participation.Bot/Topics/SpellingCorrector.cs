using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Participation.Bot.Topics;

/// <summary>
/// Repairs typos ("pasport", "identiteitkaart", "verhuising") before analysis by replacing an unknown word with the
/// nearest known word (Damerau–Levenshtein distance 1, or 2 for long words). The vocabulary is the knowledge base
/// and the synonym table: words the bot can actually act on.
/// </summary>
internal sealed partial class SpellingCorrector
{
    private const int MinimumLength = 5;
    private readonly HashSet<string> known;
    private readonly HashSet<string> preferred;
    private readonly ILookup<int, string> byLength;

    public SpellingCorrector(IEnumerable<string> corpus, IEnumerable<string> preferredWords)
    {
        preferred = [.. preferredWords.SelectMany(Words)];
        known = [.. corpus.SelectMany(Words), .. preferred];
        byLength = known.ToLookup(w => w.Length);
    }

    public string Correct(string text) => Word().Replace(text, match =>
    {
        var word = Normalize(match.Value);
        return word.Length < MinimumLength || known.Contains(word) || word.Any(char.IsDigit) ? match.Value : Nearest(word) ?? match.Value;
    });

    internal static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => Normalize(m.Value));

    internal static string Normalize(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    private string? Nearest(string word)
    {
        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestRank = int.MaxValue;
        for (var length = word.Length - maxDistance; length <= word.Length + maxDistance; length++)
        {
            foreach (var candidate in byLength[length])
            {
                var distance = Distance(word, candidate, maxDistance);
                if (distance > maxDistance)
                {
                    continue;
                }

                // Prefer the closest word; among equals prefer synonym-table words, which carry meaning.
                var rank = distance * 2 + (preferred.Contains(candidate) ? 0 : 1);
                if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(candidate, best) < 0))
                {
                    (best, bestRank) = (candidate, rank);
                }
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance, giving up once it exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:['-][\p{L}]+)*")]
    private static partial Regex Word();
}
