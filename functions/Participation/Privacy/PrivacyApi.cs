using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Privacy;

/// <summary>The privacy request's routes; the page at <c>/privacy/{token}</c> calls the same <see cref="MyData"/> use case.</summary>
public static class PrivacyApi
{
    /// <summary>Still declared by InitiativesModule until it leaves Privacy's parts to <see cref="PrivacyModule"/>.</summary>
    public const string Table = PrivacyRequestStore.Table;

    public sealed record Request(string? Email, string? Locale);

    public static WebApplication MapPrivacyApi(this WebApplication app)
    {
        var privacy = app.MapGroup("/api/privacy").WithTags("Privacy").DisableAntiforgery().AllowAnonymous();
        privacy.MapPost("/requests", RequestLinkAsync).WithName("RequestPrivacyLink")
            .WithSummary("Ask for a link (24 hours) to one's data at an e-mail address: 202 whether or not the address is known")
            .RequireRateLimiting(RateLimits.Submissions);
        privacy.MapGet("/requests/{token}", ExportAsync).WithName("ExportMyData")
            .WithSummary("What is held about the link's address: contacts, initiatives and chat questions").RequireRateLimiting(RateLimits.Submissions);
        privacy.MapDelete("/requests/{token}/data", DeleteAsync).WithName("DeleteMyData")
            .WithSummary("Delete what is held about the link's address").RequireRateLimiting(RateLimits.Submissions);
        return app;
    }

    public static async Task<Results<Accepted, ValidationProblem>> RequestLinkAsync(Request request, MyData myData, CancellationToken cancellationToken)
    {
        var outcome = await myData.RequestLinkAsync(request.Email, request.Locale, cancellationToken);
        return outcome.Succeeded ? TypedResults.Accepted((string?)null) : OutcomeResults.Validation(outcome.Refusals);
    }

    public static async Task<Results<Ok<MyData.Held>, ProblemHttpResult>> ExportAsync(string token, MyData myData, CancellationToken cancellationToken)
    {
        var outcome = await myData.ExportAsync(token, cancellationToken);
        return outcome.Value is { } held ? TypedResults.Ok(held) : OutcomeResults.Problem(outcome.Refusals[0]);
    }

    public static async Task<Results<Ok<MyData.Deleted>, ProblemHttpResult>> DeleteAsync(string token, MyData myData, CancellationToken cancellationToken)
    {
        var outcome = await myData.DeleteAsync(token, cancellationToken);
        return outcome.Value is { } deleted ? TypedResults.Ok(deleted) : OutcomeResults.Problem(outcome.Refusals[0]);
    }
}
