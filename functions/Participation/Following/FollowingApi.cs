using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.App.Privacy;

namespace Participation.App.Following;

/// <summary>Following an initiative: the routes; the confirmation and unsubscribe pages call the same <see cref="Followers"/> use case.</summary>
public static class FollowingApi
{
    public sealed record FollowRequest(string? Email, string? Locale);
    public sealed record ConfirmRequest(string? Token);
    public sealed record FollowResponse(string TrackingCode, bool Following);

    private const string EmailClaim = PlatformPrincipal.VerifiedEmail;

    public static WebApplication MapFollowingApi(this WebApplication app)
    {
        var followers = app.MapGroup("/api/initiatives/{trackingCode}/followers").WithTags("Following").DisableAntiforgery();
        followers.MapPost("/", RequestAsync).WithName("FollowInitiative")
            .WithSummary("Follow by e-mail: 202 and a confirmation link, whatever the address").AllowAnonymous().RequireRateLimiting(RateLimits.Supports);
        followers.MapPost("/confirm", ConfirmAsync).WithName("ConfirmFollowing")
            .WithSummary("Confirm following with the token from the e-mail").AllowAnonymous().RequireRateLimiting(RateLimits.Supports);
        followers.MapPost("/me", FollowSignedInAsync).WithName("FollowInitiativeSignedIn")
            .WithSummary("A signed-in resident follows with one click").RequireAuthorization(Policies.Resident).RequireRateLimiting(RateLimits.Supports);
        followers.MapDelete("/me", UnfollowSignedInAsync).WithName("UnfollowInitiativeSignedIn")
            .WithSummary("A signed-in resident stops following").RequireAuthorization(Policies.Resident);
        return app;
    }

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string trackingCode, FollowRequest request, Followers followers, CancellationToken cancellationToken)
    {
        if (!MyData.IsValidEmail(request.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Give a valid e-mail address to follow this initiative."] },
                extensions: new Dictionary<string, object?> { ["code"] = "follow.email_invalid", ["dutch"] = "Vul een geldig e-mailadres in om dit initiatief te volgen." });
        }

        return await followers.RequestAsync(trackingCode, request.Email!, request.Locale, cancellationToken) switch
        {
            Followers.Requested => TypedResults.Accepted((string?)null),
            _ => NotFound(trackingCode),
        };
    }

    public static async Task<Results<Ok<FollowResponse>, ValidationProblem>> ConfirmAsync(
        string trackingCode, ConfirmRequest request, Followers followers, CancellationToken cancellationToken) =>
        await followers.ConfirmAsync(trackingCode, request.Token, cancellationToken) switch
        {
            Followers.Following following => TypedResults.Ok(new FollowResponse(following.TrackingCode, true)),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["This confirmation link is not valid (any more). Ask for a new one."] },
                extensions: new Dictionary<string, object?> { ["code"] = "follow.link_invalid", ["dutch"] = "Deze bevestigingslink werkt niet (meer). Vraag een nieuwe aan." }),
        };

    public static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> FollowSignedInAsync(
        string trackingCode, HttpContext http, Followers followers, CancellationToken cancellationToken)
    {
        if (VerifiedEmail(http.User) is not { } email)
        {
            return NoVerifiedEmail();
        }

        return await followers.FollowVerifiedAsync(trackingCode, email, http.Request.Query["lang"], cancellationToken) switch
        {
            Followers.Following following => TypedResults.Ok(new FollowResponse(following.TrackingCode, true)),
            _ => NotFound(trackingCode),
        };
    }

    public static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> UnfollowSignedInAsync(
        string trackingCode, HttpContext http, Followers followers, CancellationToken cancellationToken)
    {
        if (VerifiedEmail(http.User) is not { } email)
        {
            return NoVerifiedEmail();
        }

        return await followers.UnfollowVerifiedAsync(trackingCode, email, cancellationToken) switch
        {
            Followers.Unfollowed unfollowed => TypedResults.Ok(new FollowResponse(unfollowed.TrackingCode, false)),
            _ => NotFound(trackingCode),
        };
    }

    /// <summary>The address a signed-in resident's provider vouched for, if it sent one.</summary>
    public static string? VerifiedEmail(ClaimsPrincipal user) =>
        user.FindFirstValue(EmailClaim) is { } email && MyData.IsValidEmail(email) ? email.Trim() : null;

    private static ProblemHttpResult NoVerifiedEmail() => TypedResults.Problem(
        "Your sign-in does not provide a verified e-mail address. Follow with your e-mail address instead.",
        statusCode: StatusCodes.Status409Conflict, title: "No e-mail address",
        extensions: new Dictionary<string, object?> { ["code"] = "follow.no_verified_email", ["dutch"] = "Uw inlogmiddel geeft geen bevestigd e-mailadres door. Volg het initiatief met uw e-mailadres." });

    private static ProblemHttpResult NotFound(string trackingCode) => TypedResults.Problem(
        $"There is no initiative with code {trackingCode}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown initiative",
        extensions: new Dictionary<string, object?> { ["code"] = "follow.unknown_initiative", ["dutch"] = $"Er is geen initiatief met code {trackingCode}." });
}
