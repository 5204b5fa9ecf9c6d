using System.Globalization;
using System.Text;

namespace Participation.Initiatives.Classification;

/// <summary>
/// Just enough stemming for keyword matching in Dutch and English: fold accents, drop plural and diminutive endings.
/// Keywords and text go through the same steps, so an odd stem ("bomen" stays "bomen") only has to be consistent.
/// English "-ing" is kept on purpose: stripping it would turn "parking" into "park".
/// </summary>
internal static class KeywordStemmer
{
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                // "auto's" and "children's": the apostrophe belongs to the ending that stemming drops.
                continue;
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>
    /// Dutch spells one vowel double in a closed syllable and single in an open one (paal, palen; boom, bomen), so stems
    /// are compared with double vowels made single: "laadpalen" and "laadpaal" both become "ladpal".
    /// </summary>
    public static string Stem(string word) => Undouble(StripEnding(word));

    private static string Undouble(string stem)
    {
        var single = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (!(c is 'a' or 'e' or 'o' or 'u' && single.Length > 0 && single[^1] == c))
            {
                single.Append(c);
            }
        }

        return single.ToString();
    }

    private static string StripEnding(string word)
    {
        var w = word;
        foreach (var ending in (ReadOnlySpan<string>)["tjes", "tje", "jes", "je"])
        {
            if (w.Length - ending.Length >= 4 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                w = w[..^ending.Length];
                // "boompje" → "boom": the p only joins the diminutive after an m.
                if (ending.StartsWith('j') && w.EndsWith("mp", StringComparison.Ordinal))
                {
                    w = w[..^1];
                }

                return w;
            }
        }

        if (w.Length >= 5 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length >= 5 && w.EndsWith("es", StringComparison.Ordinal) && (w[^3] is 's' or 'x' or 'z' || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)))
        {
            return w[..^2];
        }

        if (w.Length - 2 >= 4 && w.EndsWith("en", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.Length - 1 >= 4 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
