using System.Text.RegularExpressions;
using Participation.Bot.Dialogue;

namespace Participation.Bot.Hosting.Conversations;

/// <summary>
/// E-mail addresses a resident types into the chat are needed for one turn (registering a question), never afterwards:
/// everything the bot stores — transcript, conversation state, the question for the front office — keeps a placeholder.
/// The address itself lives only in the contact store, which the privacy request and retention reach.
/// </summary>
public static partial class EmailRedaction
{
    public const string Placeholder = "[e-mailadres]";

    public static string Redact(string text) => Address().Replace(text, Placeholder);

    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>Redacts the resident's words in a state or transcript object, never in its JSON: an escaped character in the text must not be cut in half.</summary>
    public static IReadOnlyList<TranscriptEntry> Redact(IEnumerable<TranscriptEntry> transcript) =>
        [.. transcript.Select(t => ContainsAddress(t.Text) ? t with { Text = Redact(t.Text) } : t)];

    public static ConversationState Redact(ConversationState state) => state with
    {
        LastQuestion = RedactOrNull(state.LastQuestion),
        PendingQuestion = RedactOrNull(state.PendingQuestion),
        Transcript = Redact(state.Transcript),
    };

    public static bool ContainsAddress(string text) => Address().IsMatch(text);

    // Broader than what the bot accepts as an address on purpose: a typo'd address is still personal data.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-'!#$&*/=?^`{|}~]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Address();
}
