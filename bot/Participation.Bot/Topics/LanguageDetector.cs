namespace Participation.Bot.Topics;

/// <summary>
/// Tells Dutch from English by the function words a message uses. Short messages without any ("ok", "BI-2024-0173")
/// keep the language the conversation already had, or the channel's locale.
/// </summary>
public static class LanguageDetector
{
    public const string Dutch = "nl";
    public const string English = "en";

    private static readonly HashSet<string> DutchWords =
    [
        "de", "het", "een", "ik", "je", "jij", "mijn", "mn", "m'n", "en", "van", "wat", "hoe", "kan", "moet", "niet", "voor", "met", "op", "dat",
        "wij", "ons", "onze", "zijn", "heb", "hebben", "wil", "mag", "graag", "waar", "wanneer", "nog", "er", "naar", "u", "uw", "bij", "ook",
        "hallo", "hoi", "dag", "dank", "bedankt", "dankjewel", "goedemorgen", "goedemiddag", "goedenavond", "doei", "nee", "ja", "welke",
        "hoeveel", "kosten", "kost", "mijnheer", "mevrouw", "paspoort", "verhuizing", "verhuizen", "gemeente", "wordt", "gaan", "kunnen", "zij",
        "ze", "geen", "die", "deze", "dit", "als", "om", "te", "tot", "uit", "iemand", "spreken", "mee", "snapt", "waarom", "moeten",
    ];

    private static readonly HashSet<string> EnglishWords =
    [
        "the", "a", "an", "i", "my", "and", "of", "what", "how", "can", "do", "does", "need", "to", "for", "with", "on", "that", "our", "are",
        "have", "want", "may", "please", "where", "when", "still", "you", "your", "at", "hello", "hi", "thanks", "thank", "good", "morning",
        "afternoon", "evening", "bye", "yes", "no", "which", "much", "cost", "passport", "move", "moving", "council", "get", "is", "it", "this",
        "from", "just", "someone", "speak", "talk", "human", "why", "should", "would", "could", "will", "me", "there", "about", "after", "did",
    ];

    public static string Detect(string text, string? fallback)
    {
        int dutch = 0, english = 0;
        foreach (var word in SpellingCorrector.Words(text))
        {
            if (DutchWords.Contains(word)) dutch++;
            if (EnglishWords.Contains(word)) english++;
        }

        if (dutch != english)
        {
            return dutch > english ? Dutch : English;
        }

        return FromLocale(fallback) ?? Dutch;
    }

    public static string? FromLocale(string? locale) =>
        locale is null ? null
        : locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : locale.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? Dutch
        : null;
}
