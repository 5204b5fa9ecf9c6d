using System.Text.RegularExpressions;

namespace Participation.Bot.Topics;

/// <summary>
/// Dutch splits separable verbs around the sentence ("hoe vraag ik een paspoort aan", "geef ik mijn adres door"),
/// so neither half matches "aanvragen" or "doorgeven". The joined verb is added to the question before analysis.
/// </summary>
internal static partial class SeparableVerbs
{
    private static readonly (Regex Pattern, string Verb)[] Verbs =
    [
        (Split("vraag|vraagt|vragen|vroeg", "aan"), "aanvragen"),
        (Split("haal|haalt|halen|haalde", "op"), "ophalen"),
        (Split("geef|geeft|geven|gaf", "door"), "doorgeven"),
        (Split("schrijf|schrijft|schrijven", "in"), "inschrijven"),
        (Split("schrijf|schrijft|schrijven", "uit"), "uitschrijven"),
        (Split("meld|meldt|melden", "af"), "afmelden"),
        (Split("geef|geeft|geven", "op"), "opgeven"),
        (Split("kom|komt|komen|keer|keert|keren", "terug"), "terugkomen"),
    ];

    public static string Join(string text)
    {
        var added = Verbs.Where(v => v.Pattern.IsMatch(text)).Select(v => v.Verb).ToList();
        return added.Count == 0 ? text : $"{text} {string.Join(' ', added)}";
    }

    private static Regex Split(string stems, string particle) =>
        new($@"\b({stems})\b.*\b{particle}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
