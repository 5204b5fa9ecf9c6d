using System.Text.Encodings.Web;
using Participation.Municipality;

namespace Participation.App.Web;

/// <summary>
/// Errors as a person in a browser should see them: a Dutch (or English) page in the site's style instead of a
/// problem+json document. It is a problem-details writer placed before the JSON one, so every path that reports an
/// error — an empty 4xx/5xx (status code pages), an unhandled exception, a refused rate limit — gets the same page
/// without a second mechanism. The API (<c>/api</c>, <c>/v3</c>) and clients that ask for JSON keep problem+json.
/// </summary>
public sealed class ErrorPageWriter(IOptions<BrandingOptions> branding, IOptions<MunicipalityOptions> municipality) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (!WebModule.IsPageRequest(request))
        {
            return false;
        }

        // Browsers name text/html; a bare GET is someone typing an address. Programs posting without an Accept header
        // (the Functions host invoking a function) keep problem+json.
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsGet(request.Method) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var language = http.RequestServices.GetRequiredService<WebLanguage>();
        var (title, explanation) = Texts(status, RetryAfterSeconds(http.Response), language);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Render(status, title, explanation, language), http.RequestAborted);
    }

    /// <summary>What to say per status, in words a resident understands; the status code itself is only shown small.</summary>
    public static (string Title, string Explanation) Texts(int status, int? retryAfterSeconds, WebLanguage l) => status switch
    {
        400 => (l.T("Dit verzoek klopt niet", "This request is not valid"),
            l.T("De pagina kon uw verzoek niet lezen. Ga terug en probeer het opnieuw.", "The page could not read your request. Go back and try again.")),
        401 or 403 => (l.T("Geen toegang", "No access"),
            l.T("U heeft geen toegang tot deze pagina. Log in met een account dat deze pagina mag zien.", "You do not have access to this page. Sign in with an account that may see it.")),
        404 => (l.T("Pagina niet gevonden", "Page not found"),
            l.T("Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.", "This page does not exist (any more). Check the address or go to the home page.")),
        405 => (l.T("Dit kan hier niet", "This is not possible here"),
            l.T("Deze pagina kan op deze manier niet worden gebruikt. Ga terug en gebruik het formulier op de pagina.", "This page cannot be used this way. Go back and use the form on the page.")),
        429 => (l.T("Even geduld", "Please wait a moment"),
            RetryAfterText(retryAfterSeconds, l)),
        >= 500 => (l.T("Er ging iets mis", "Something went wrong"),
            l.T("Er ging bij ons iets mis. Uw gegevens zijn niet verloren gegaan als u een bevestiging kreeg. Probeer het over een paar minuten opnieuw.",
                "Something went wrong on our side. If you received a confirmation, nothing you sent was lost. Please try again in a few minutes.")),
        _ => (l.T("Dit lukte niet", "This did not work"),
            l.T("Uw verzoek kon niet worden uitgevoerd. Ga terug en probeer het opnieuw.", "Your request could not be carried out. Go back and try again.")),
    };

    private static string RetryAfterText(int? seconds, WebLanguage l)
    {
        var wait = Math.Max(1, seconds ?? 60);
        var amount = wait < 90
            ? l.T($"{wait} seconden", $"{wait} seconds")
            : l.T($"{(int)Math.Ceiling(wait / 60.0)} minuten", $"{(int)Math.Ceiling(wait / 60.0)} minutes");
        return l.T($"U heeft in korte tijd veel verzoeken gedaan. Probeer het over {amount} opnieuw.",
            $"You have made many requests in a short time. Please try again in {amount}.");
    }

    private static int? RetryAfterSeconds(HttpResponse response) =>
        int.TryParse(response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private string Render(int status, string title, string explanation, WebLanguage l)
    {
        var html = HtmlEncoder.Default;
        var brand = branding.Value;
        var phone = municipality.Value.Phone;
        var home = l.T("Naar de startpagina", "Go to the home page");
        var stuck = l.T($"Lukt het niet? Bel ons op {phone}.", $"Still stuck? Call us on {phone}.");
        var code = l.T("Foutcode", "Error code");
        return $$"""
            <!DOCTYPE html>
            <html lang="{{l.Code}}" dir="ltr">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{html.Encode(title)}} – {{html.Encode(brand.Name)}}</title>
                <link rel="icon" href="/favicon.ico" type="image/svg+xml">
                <link rel="stylesheet" href="/assets/lib/utrecht/design-tokens.css">
                <link rel="stylesheet" href="/assets/lib/utrecht/component-library.css">
                <link rel="stylesheet" href="/assets/css/site.css">
                <style>:root { --participation-brand: {{brand.PrimaryColor}}; --participation-accent: {{brand.AccentColor}}; }</style>
            </head>
            <body class="utrecht-theme utrecht-body site">
                <header class="site-header">
                    <div class="site-header__bar">
                        <a class="site-header__brand" href="/">
                            <img src="{{html.Encode(brand.LogoUrl)}}" alt="" class="site-header__logo" width="48" height="48">
                            <span class="site-header__name">{{html.Encode(brand.Name)}}</span>
                        </a>
                    </div>
                </header>
                <main id="inhoud" class="site-main utrecht-page-content">
                    <h1 class="utrecht-heading-1">{{html.Encode(title)}}</h1>
                    <p class="utrecht-paragraph">{{html.Encode(explanation)}}</p>
                    <p class="utrecht-paragraph"><a class="utrecht-link" href="/">{{html.Encode(home)}}</a></p>
                    <p class="utrecht-paragraph">{{html.Encode(stuck)}}</p>
                    <p class="utrecht-paragraph site-error__code">{{html.Encode(code)}} {{status}}</p>
                </main>
            </body>
            </html>
            """;
    }
}
