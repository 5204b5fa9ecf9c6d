namespace Participation.App.Web;

/// <summary>
/// Dutch by default, English on request (<c>?lang=en</c>, then a cookie). Pages keep both texts side by side —
/// <c>L.T("Indienen", "Submit")</c> — so a translation is never missing and the two stay together when edited.
/// </summary>
public sealed class WebLanguage(IHttpContextAccessor accessor)
{
    public const string CookieName = "participation_lang";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public string Code { get; } = Resolve(accessor.HttpContext);

    public bool IsEnglish => Code == "en";

    public CultureInfo Culture => IsEnglish ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("nl-NL");

    public string T(string dutch, string english) => IsEnglish ? english : dutch;

    public string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("d MMMM yyyy", Culture);

    /// <summary>
    /// A deadline is stored as the moment it passes (midnight in Amsterdam); people read the last day they have, written
    /// as the e-mails write it, so the case page, the public page and the mail name the same day.
    /// </summary>
    public string DueDate(DateTimeOffset dueBy) =>
        Notifications.EmailTemplates.Date(Initiatives.InitiativeMessages.DueDay(dueBy), Code);

    public string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("d MMMM yyyy HH:mm", Culture);

    /// <summary>A theme's name in the page's language; the code itself for a theme that is no longer configured.</summary>
    public string ThemeName(Participation.Initiatives.Routing.RoutingConfiguration configuration, string code) =>
        configuration.Themes.FirstOrDefault(t => t.Code == code)?.NameIn(IsEnglish) ?? code;

    public string ThemeName(Participation.Initiatives.Classification.Theme theme) => theme.NameIn(IsEnglish);

    public string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    public static string? FromQuery(HttpRequest request) => request.Query["lang"].ToString() switch
    {
        "en" => "en",
        "nl" => "nl",
        _ => null,
    };

    private static string Resolve(HttpContext? http)
    {
        if (http is null)
        {
            return "nl";
        }

        return FromQuery(http.Request) ?? (http.Request.Cookies.TryGetValue(CookieName, out var cookie) && cookie == "en" ? "en" : "nl");
    }
}
