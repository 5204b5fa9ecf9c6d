using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;

namespace Participation.Privacy;

/// <summary>The privacy request's routes; the page at <c>/privacy/{token}</c> calls the same <see cref="MyData"/> use case.</summary>
public static class PrivacyApi
{
    /// <summary>Still declared by InitiativesModule until it leaves Privacy's parts to <see cref="PrivacyModule"/>.</summary>
    public const string Table = PrivacyRequestStore.Table;

    public sealed record Request(string? Email, string? Locale);

    public static WebApplication MapPrivacyApi(this WebApplication app)
    {
        var privacy = app.MapGroup("/api/privacy").WithTags("Privacy").DisableAntiforgery().AllowAnonymous();
        privacy.MapPost("/requests", RequestLinkAsync).WithName("RequestPrivacyLink").RequireRateLimiting(RateLimits.Submissions);
        privacy.MapGet("/requests/{token}", ExportAsync).WithName("ExportMyData").RequireRateLimiting(RateLimits.Submissions);
        privacy.MapDelete("/requests/{token}/data", DeleteAsync).WithName("DeleteMyData").RequireRateLimiting(RateLimits.Submissions);
        return app;
    }

    public static async Task<Results<Accepted, ValidationProblem>> RequestLinkAsync(Request request, MyData myData, CancellationToken cancellationToken)
    {
        if (!MyData.IsValidEmail(request.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Give the e-mail address you used."] });
        }

        await myData.RequestLinkAsync(request.Email!, request.Locale, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Ok<MyData.Held>, ProblemHttpResult>> ExportAsync(string token, MyData myData, CancellationToken cancellationToken) =>
        await myData.ExportAsync(token, cancellationToken) switch
        {
            MyData.Found found => TypedResults.Ok(found.Data),
            _ => Invalid(),
        };

    public static async Task<Results<Ok<MyData.Deleted>, ProblemHttpResult>> DeleteAsync(string token, MyData myData, CancellationToken cancellationToken) =>
        await myData.DeleteAsync(token, cancellationToken) switch
        {
            MyData.Deleted deleted => TypedResults.Ok(deleted),
            _ => Invalid(),
        };

    private static ProblemHttpResult Invalid() => TypedResults.Problem(
        "This link is not valid (any more). Ask for a new one.", statusCode: StatusCodes.Status404NotFound, title: "Unknown or expired link");
}
