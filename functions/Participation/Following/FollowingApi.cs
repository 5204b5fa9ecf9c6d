using Microsoft.AspNetCore.Http.HttpResults;
using Participation.App.Privacy;

namespace Participation.App.Following;

/// <summary>Following an initiative: the routes; the confirmation and unsubscribe pages call the same <see cref="Followers"/> use case.</summary>
public static class FollowingApi
{
    public sealed record FollowRequest(string? Email, string? Locale);
    public sealed record ConfirmRequest(string? Token);
    public sealed record FollowResponse(string TrackingCode, bool Following);

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
            return OutcomeResults.Validation([FollowingRefusals.EmailInvalid]);
        }

        return await followers.RequestAsync(trackingCode, request.Email!, request.Locale, cancellationToken) switch
        {
            Followers.Requested => TypedResults.Accepted((string?)null),
            _ => OutcomeResults.Problem(FollowingRefusals.UnknownInitiative(trackingCode)),
        };
    }

    public static async Task<Results<Ok<FollowResponse>, ValidationProblem>> ConfirmAsync(
        string trackingCode, ConfirmRequest request, Followers followers, CancellationToken cancellationToken) =>
        await followers.ConfirmAsync(trackingCode, request.Token, cancellationToken) switch
        {
            Followers.Following following => TypedResults.Ok(new FollowResponse(following.TrackingCode, true)),
            _ => OutcomeResults.Validation([FollowingRefusals.LinkInvalid]),
        };

    public static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> FollowSignedInAsync(
        string trackingCode, HttpContext http, Followers followers, CancellationToken cancellationToken)
    {
        if (Followers.VerifiedEmailOf(http.User) is not { } email)
        {
            return OutcomeResults.Problem(FollowingRefusals.NoVerifiedEmail);
        }

        return await followers.FollowVerifiedAsync(trackingCode, email, http.Request.Query["lang"], cancellationToken) switch
        {
            Followers.Following following => TypedResults.Ok(new FollowResponse(following.TrackingCode, true)),
            _ => OutcomeResults.Problem(FollowingRefusals.UnknownInitiative(trackingCode)),
        };
    }

    public static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> UnfollowSignedInAsync(
        string trackingCode, HttpContext http, Followers followers, CancellationToken cancellationToken)
    {
        if (Followers.VerifiedEmailOf(http.User) is not { } email)
        {
            return OutcomeResults.Problem(FollowingRefusals.NoVerifiedEmail);
        }

        return await followers.UnfollowVerifiedAsync(trackingCode, email, cancellationToken) switch
        {
            Followers.Unfollowed unfollowed => TypedResults.Ok(new FollowResponse(unfollowed.TrackingCode, false)),
            _ => OutcomeResults.Problem(FollowingRefusals.UnknownInitiative(trackingCode)),
        };
    }
}
