namespace Participation.App.Web;

/// <summary>
/// A field's character counter (<c>Shared/_CharacterCount.cshtml</c>). The server writes how many characters are left,
/// or how many too many, so it works without JavaScript; <c>wwwroot/js/character-count.js</c> keeps it up to date while
/// typing. The limit is the use case's; the counter only tells it before the server refuses.
/// </summary>
public sealed record CharacterCount(string Field, string? Value, int Max)
{
    public string Id => Field + "-count";

    /// <summary>As the use case counts: trimmed, and a line break as the two characters (CR LF) a form sends.</summary>
    public int Used => Value?.Trim().Length ?? 0;

    public bool TooLong => Used > Max;

    public Texts In(WebLanguage language) => new(
        language.T("Nog 1 teken over.", "1 character left."),
        language.T("Nog {n} tekens over.", "{n} characters left."),
        language.T("1 teken te veel.", "1 character too many."),
        language.T("{n} tekens te veel.", "{n} characters too many."));

    public string Text(WebLanguage language) => In(language).For(Used, Max);

    /// <summary>The four sentences, with <c>{n}</c> for the number, also handed to the script.</summary>
    public sealed record Texts(string LeftOne, string LeftMany, string OverOne, string OverMany)
    {
        public string For(int used, int max)
        {
            var n = Math.Abs(max - used);
            var text = used <= max ? (n == 1 ? LeftOne : LeftMany) : (n == 1 ? OverOne : OverMany);
            return text.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }
}
