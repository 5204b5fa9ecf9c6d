using System.Security.Cryptography;

namespace Participation.App.Identity;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response: no framing by other sites, no MIME sniffing, no referrer beyond our origin, and a CSP
    /// that allows only our own scripts and styles (Web Chat and the NL Design System CSS are served by the app itself).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        // Written as the response starts: a page that needs one inline script (the API reference) has asked for its nonce by then.
        context.Response.OnStarting(() =>
        {
            headers.ContentSecurityPolicy = Policy(context, context.Items[ScriptNonceKey] is string nonce ? $"'self' 'nonce-{nonce}'" : "'self'");
            return Task.CompletedTask;
        });
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next(context);
    });

    /// <summary>
    /// A fresh nonce for this response's inline script, allowed by its Content-Security-Policy: for a page whose library
    /// writes its start-up inline (Scalar). Every other script stays a file of our own.
    /// </summary>
    public static string ScriptNonce(HttpContext context)
    {
        // Hex, not base64: a '+' or '/' would be written HTML-encoded in the page, which the browser reads back but a
        // reader of the page (or a test) would not recognise.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[ScriptNonceKey] = nonce;
        return nonce;
    }

    private const string ScriptNonceKey = "SecurityHeaders.ScriptNonce";

    private static string Policy(HttpContext context, string scripts) =>
        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src {ImageSources(context)}; " +
        $"connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action {FormTargets(context)}; object-src 'none'";

    // The map's tiles are images from the configured tile server (Map:TileUrl): allowed for img-src only, nothing else.
    private static string ImageSources(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Participation.App.Map.MapOptions>>().Value.TileOrigin is { } tiles
            ? $"'self' data: blob: {tiles}"
            : "'self' data: blob:";

    // Browsers apply form-action to a form's redirects too: signing out posts to the site, which redirects to the
    // identity provider's end-session endpoint.
    private static string FormTargets(HttpContext context)
    {
        var identity = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var providers = new[] { identity.Staff, identity.Residents }
            .Where(issuer => issuer.OffersBrowserSignIn && Uri.TryCreate(issuer.Authority, UriKind.Absolute, out _))
            .Select(issuer => new Uri(issuer.Authority!).GetLeftPart(UriPartial.Authority))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join(' ', ["'self'", .. providers]);
    }
}
