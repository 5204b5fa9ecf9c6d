using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Participation.Initiatives.Discussion;

/// <summary>
/// What a comment may be and what happens to it: the length of its text, the display name a resident chooses, one level
/// of replies, the status it starts with (pre-moderation, the word list), when reports hide it and who sees it.
/// No storage and no HTTP here: the host stores what this decides.
/// </summary>
public static partial class CommentRules
{
    public const int MaxTextLength = 2000;
    public const int MaxDisplayNameLength = 40;
    public const int MaxReasonLength = 500;
    /// <summary>The name shown for a resident who chose none.</summary>
    public const string AnonymousAuthor = "Inwoner";
    /// <summary>The name officials post under, followed by their own name.</summary>
    public const string MunicipalityAuthor = "Gemeente";

    /// <summary>The text as stored: trimmed, 1–2,000 characters. Never rewritten beyond the trim.</summary>
    public static CommentError? CheckText(string? text, out string trimmed)
    {
        trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new CommentError("text", "comment.text_empty", "Write your comment.", "Schrijf uw reactie.");
        }

        return trimmed.Length > MaxTextLength
            ? new CommentError("text", "comment.text_too_long", $"A comment may be at most {MaxTextLength} characters.", $"Een reactie mag hoogstens {MaxTextLength} tekens lang zijn.")
            : null;
    }

    /// <summary>
    /// A resident's chosen display name, or <see cref="AnonymousAuthor"/> when they chose none. Refused: anything that looks
    /// like an e-mail address or a web address, control characters, and names that pretend to speak for the municipality.
    /// </summary>
    public static CommentError? CheckDisplayName(string? name, out string shown)
    {
        shown = AnonymousAuthor;
        var trimmed = Spaces().Replace(name?.Trim() ?? "", " ");
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length < 2 || trimmed.Length > MaxDisplayNameLength || !trimmed.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.'))
        {
            return new CommentError("displayName", "comment.display_name_invalid",
                $"A display name is 2 to {MaxDisplayNameLength} letters, digits, spaces, hyphens, apostrophes or full stops.",
                $"Een naam is 2 tot {MaxDisplayNameLength} letters, cijfers, spaties, streepjes, apostroffen of punten.");
        }

        // '@' is already refused above; a domain-looking name ("jan.jansen.nl", "www.x.com") is refused too.
        if (DomainLike().IsMatch(trimmed))
        {
            return new CommentError("displayName", "comment.display_name_address",
                "A display name may not look like an e-mail or web address.", "Een naam mag niet op een e-mail- of webadres lijken.");
        }

        var folded = Fold(trimmed);
        if (folded.Contains("gemeente", StringComparison.Ordinal) || folded.Contains("municipality", StringComparison.Ordinal)
            || folded is "inwoner" or "moderator" or "beheerder")
        {
            return new CommentError("displayName", "comment.display_name_reserved",
                "This name is reserved; choose another.", "Deze naam is voorbehouden; kies een andere.");
        }

        shown = trimmed;
        return null;
    }

    /// <summary>Replies go one level deep: a reply to a reply is refused, a reply to an unknown comment too.</summary>
    public static CommentError? CheckReplyTarget(bool targetExists, bool targetIsReply) => (targetExists, targetIsReply) switch
    {
        (false, _) => new CommentError("replyTo", "comment.reply_unknown", "The comment you reply to does not exist (here).", "De reactie waarop u reageert bestaat hier niet."),
        (true, true) => new CommentError("replyTo", "comment.reply_depth", "Reply to the first comment of the thread; replies go one level deep.", "Reageer op de eerste reactie van het gesprek; reacties gaan één niveau diep."),
        _ => null,
    };

    /// <summary>A moderator's or reporter's reason: required, at most <see cref="MaxReasonLength"/> characters.</summary>
    public static CommentError? CheckReason(string? reason, out string trimmed)
    {
        trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new CommentError("reason", "comment.reason_required", "Give a reason.", "Geef een reden.");
        }

        return trimmed.Length > MaxReasonLength
            ? new CommentError("reason", "comment.reason_too_long", $"A reason may be at most {MaxReasonLength} characters.", $"Een reden mag hoogstens {MaxReasonLength} tekens lang zijn.")
            : null;
    }

    /// <summary>
    /// The status a new comment starts with. Officials' comments are visible at once. A resident's comment waits for
    /// approval where the neighbourhood is pre-moderated, and when it contains a word of the list and the list holds
    /// such comments; otherwise a flagged comment is visible and marked for review.
    /// </summary>
    public static CommentStatus InitialStatus(bool official, bool preModerated, bool flagged, bool holdFlagged) =>
        official ? CommentStatus.Visible
        : preModerated || (flagged && holdFlagged) ? CommentStatus.Pending
        : CommentStatus.Visible;

    /// <summary>A report from another distinct reporter hides a visible comment for review once the threshold is reached.</summary>
    public static CommentStatus AfterReport(CommentStatus current, int distinctReports, int threshold) =>
        current == CommentStatus.Visible && distinctReports >= threshold ? CommentStatus.Pending : current;

    /// <summary>Everyone sees visible comments; the author also sees their own pending or hidden ones, with the reason.</summary>
    public static bool IsShownTo(CommentStatus status, bool viewerIsAuthor, bool viewerModerates) =>
        status == CommentStatus.Visible || viewerIsAuthor || viewerModerates;

    /// <summary>
    /// The words of <paramref name="wordList"/> that occur in <paramref name="text"/> as whole words, case and accents
    /// ignored. Flagging only marks a comment for a person to look at; it never changes or removes the text.
    /// </summary>
    public static IReadOnlyList<string> FlaggedWords(string text, IEnumerable<string> wordList)
    {
        var words = WordSplit().Split(Fold(text)).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        var folded = Fold(text);
        var found = new List<string>();
        foreach (var entry in wordList.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var term = Fold(entry);
            // A phrase of several words matches as a phrase between word boundaries; a single word as a token.
            var hit = term.Contains(' ', StringComparison.Ordinal)
                ? Regex.IsMatch(folded, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])")
                : words.Contains(term);
            if (hit)
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private static string Fold(string value)
    {
        var decomposed = value.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(^www\.)|(\.[a-z]{2,}$)|(\.(nl|com|org|net|eu|be|de|info)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DomainLike();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex WordSplit();
}
