using System.Globalization;
using System.Text.RegularExpressions;

namespace Participation.Initiatives.Lifecycle;

/// <summary>
/// The municipality's standard public texts on the timeline. The timeline stores the Dutch text (what residents read by
/// default, and what entries written before English existed hold); <see cref="English"/> gives the English one for an
/// English page or e-mail. What an official wrote (a question, a motivation) has no standard text and reads as written.
/// </summary>
public static partial class TimelineTexts
{
    public const string Received = "Uw initiatief is ontvangen.";
    public const string Routed = "Uw initiatief is doorgestuurd naar het team dat het behandelt.";
    public const string Reassigned = "Uw initiatief is overgedragen aan een andere behandelaar.";
    public const string ReviewStarted = "Uw initiatief wordt beoordeeld.";
    public const string ResidentReplied = "De indiener heeft de vraag beantwoord.";
    public const string Accepted = "Uw initiatief is aangenomen.";
    public const string WorkStarted = "De uitvoering van uw initiatief is begonnen.";
    public const string Completed = "Uw initiatief is uitgevoerd.";

    private static readonly Dictionary<string, string> InEnglish = new(StringComparer.Ordinal)
    {
        [Received] = "Your initiative has been received.",
        [Routed] = "Your initiative has been passed to the team that handles it.",
        [Reassigned] = "Your initiative has been handed over to another official.",
        [ReviewStarted] = "Your initiative is being assessed.",
        [ResidentReplied] = "The submitter has answered the question.",
        [Accepted] = "Your initiative has been accepted.",
        [WorkStarted] = "Work on your initiative has started.",
        [Completed] = "Your initiative has been carried out.",
    };

    public static string ThresholdReached(int supporters, int threshold) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Het initiatief heeft {supporters} steunbetuigingen en bereikt daarmee de drempel van {threshold}; de gemeenteraad wordt geïnformeerd.");

    /// <summary>The English text of a standard Dutch text; null for anything else, such as an official's own words.</summary>
    public static string? English(string? dutch)
    {
        if (dutch is null)
        {
            return null;
        }

        if (InEnglish.TryGetValue(dutch, out var english))
        {
            return english;
        }

        // The threshold text carries its figures, so it is recognised by its shape rather than looked up.
        return ThresholdText().Match(dutch) is { Success: true } match
            ? $"The initiative has {match.Groups["supporters"].Value} supports and so reaches the threshold of {match.Groups["threshold"].Value}; the municipal council is informed."
            : null;
    }

    /// <summary>Every standard text with a fixed wording, Dutch and English, for checks that a page shows one language only.</summary>
    public static IEnumerable<(string Dutch, string English)> Fixed => InEnglish.Select(pair => (pair.Key, pair.Value));

    [GeneratedRegex(@"^Het initiatief heeft (?<supporters>\d+) steunbetuigingen en bereikt daarmee de drempel van (?<threshold>\d+); de gemeenteraad wordt geïnformeerd\.$")]
    private static partial Regex ThresholdText();
}
