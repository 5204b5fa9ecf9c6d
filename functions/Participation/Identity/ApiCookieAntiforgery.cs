using Microsoft.AspNetCore.Antiforgery;

namespace Participation.App.Identity;

/// <summary>
/// The API accepts the site's session cookie for a change only with the page's antiforgery token (header
/// <c>RequestVerificationToken</c>): a cookie travels with any request the browser makes, a token only with our own pages'
/// scripts. Bearer-token clients are not affected; reads need no token.
/// </summary>
public static class ApiCookieAntiforgery
{
    public const string ErrorCode = "antiforgery.missing";

    public static IApplicationBuilder UseApiCookieAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && CarriesSiteCookie(request)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Antiforgery token missing",
                    Detail = "A request signed in with the site's cookie must carry the page's antiforgery token (header RequestVerificationToken); other clients send a bearer token.",
                    Extensions = { ["code"] = ErrorCode },
                },
            });
            return;
        }

        await next(context);
    });

    private static bool CarriesSiteCookie(HttpRequest request) =>
        BrowserSignIn.SessionSchemeOf(request) is not null || request.Cookies.ContainsKey(DevelopmentSignIn.CookieName);
}
