using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Initiatives;

/// <summary>The initiatives' routes: each calls its use case and maps the outcome to the answer the API has always given.</summary>
public static class InitiativesApi
{
    public static WebApplication MapInitiativesApi(this WebApplication app)
    {
        var residents = app.MapGroup("/api/initiatives").WithTags("Initiatives").DisableAntiforgery();
        residents.MapPost("/", SubmitAsync).WithName(nameof(SubmitInitiative))
            .WithSummary("Submit a neighbourhood initiative; 202 with its tracking code").AllowAnonymous().RequireRateLimiting(RateLimits.Submissions);
        residents.MapGet("/", ListAsync).WithName(nameof(ListInitiatives))
            .WithSummary("Public list, filtered by neighbourhood, theme and status, paged").AllowAnonymous();
        residents.MapGet("/{trackingCode}", TrackAsync).WithName(nameof(TrackInitiative))
            .WithSummary("Where an initiative is: status, team, due date, public timeline").AllowAnonymous();
        residents.MapPost("/{trackingCode}/supports", SupportAsync).WithName("SupportInitiative")
            .WithSummary("A signed-in resident supports an initiative (once)").RequireAuthorization(Policies.Resident).RequireRateLimiting(RateLimits.Supports);
        residents.MapPost("/{trackingCode}/supports/by-email", SupportByEmailAsync).WithName("SupportInitiativeByEmail")
            .WithSummary("Ask for a confirmation link to support without an account").AllowAnonymous().RequireRateLimiting(RateLimits.Supports);
        residents.MapPost("/{trackingCode}/supports/confirm", ConfirmSupportAsync).WithName("ConfirmSupport")
            .WithSummary("Confirm a support with the token from the e-mail").AllowAnonymous().RequireRateLimiting(RateLimits.Supports);
        residents.MapPost("/{trackingCode}/replies", ReplyAsync).WithName(nameof(ReplyToInitiative))
            .WithSummary("The submitter answers the official's question").AllowAnonymous().RequireRateLimiting(RateLimits.Submissions);

        var cases = app.MapGroup("/api/cases").WithTags("Back office").DisableAntiforgery();
        cases.MapGet("/", InboxAsync).WithName(nameof(CaseInbox))
            .WithSummary("Open cases I may see, overdue first").RequireAuthorization(Policies.Official);
        cases.MapGet("/{trackingCode}", CaseAsync).WithName(nameof(CaseDetail))
            .WithSummary("A case with timeline, internal notes, similar initiatives and audit trail").RequireAuthorization(Policies.CaseReader);
        cases.MapPost("/{trackingCode}/{action}", ActAsync).WithName("CaseActions")
            .WithSummary("Act on a case: start-review, ask-info, accept, reject, merge, start-work, complete, reassign, correct-theme, note")
            .RequireAuthorization(Policies.Official);
        app.MapGet("/api/council/agenda", async (InitiativeStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListOnCouncilAgendaAsync(ct)))
            .WithName("CouncilAgenda").WithTags("Council").WithSummary("Initiatives that reached their support threshold")
            .RequireAuthorization(Policies.Council);
        return app;
    }

    private static async Task<Results<Accepted<SubmitInitiative.Response>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmitInitiative.Request request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        SubmitInitiative submit, CancellationToken cancellationToken) =>
        Answer(await submit.HandleAsync(request, PlatformUser.From(user), idempotencyKey, cancellationToken),
            accepted => TypedResults.Accepted(accepted.StatusUrl, accepted), InitiativeRefusals.SubmissionTitle);

    private static async Task<Results<Ok<ListInitiatives.Page>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? neighbourhood, string? theme, string? status, int? pageSize, string? next, ListInitiatives list, CancellationToken cancellationToken) =>
        Answer(await list.HandleAsync(new ListInitiatives.Query(neighbourhood, theme, status, pageSize, next), cancellationToken), TypedResults.Ok);

    private static async Task<Results<Ok<TrackInitiative.PublicView>, ValidationProblem, ProblemHttpResult>> TrackAsync(
        string trackingCode, TrackInitiative track, CancellationToken cancellationToken) =>
        Answer(await track.HandleAsync(trackingCode, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Ok<SupportInitiative.Response>, ValidationProblem, ProblemHttpResult>> SupportAsync(
        string trackingCode, ClaimsPrincipal user, SupportInitiative support, CancellationToken cancellationToken) =>
        Answer(await support.BySignedInResidentAsync(trackingCode, PlatformUser.From(user)!, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SupportByEmailAsync(
        string trackingCode, SupportInitiative.EmailRequest request, SupportInitiative support, CancellationToken cancellationToken) =>
        Answer(await support.ByEmailAsync(trackingCode, request, cancellationToken), _ => TypedResults.Accepted((string?)null));

    private static async Task<Results<Ok<SupportInitiative.Response>, ValidationProblem, ProblemHttpResult>> ConfirmSupportAsync(
        string trackingCode, SupportInitiative.ConfirmRequest request, SupportInitiative support, CancellationToken cancellationToken) =>
        Answer(await support.ConfirmAsync(trackingCode, request, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Ok<TrackInitiative.TimelineItem>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        string trackingCode, ReplyToInitiative.Request request, ClaimsPrincipal user, ReplyToInitiative reply, CancellationToken cancellationToken) =>
        Answer(await reply.HandleAsync(trackingCode, request, PlatformUser.From(user), cancellationToken), TypedResults.Ok);

    private static async Task<Ok<IReadOnlyList<CaseInbox.Item>>> InboxAsync(
        string? status, string? neighbourhood, string? theme, bool? overdue, string? q, ClaimsPrincipal user, CaseInbox inbox, CancellationToken cancellationToken)
    {
        var outcome = await inbox.HandleAsync(PlatformUser.From(user)!, new CaseInbox.Filter(status, neighbourhood, theme, overdue ?? false, false, q), cancellationToken);
        return TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<Ok<CaseDetail.View>, ValidationProblem, ProblemHttpResult>> CaseAsync(
        string trackingCode, ClaimsPrincipal user, CaseDetail detail, CancellationToken cancellationToken) =>
        Answer(await detail.HandleAsync(trackingCode, PlatformUser.From(user)!, cancellationToken), TypedResults.Ok);

    /// <summary>The version may come as an If-Match header instead of in the body.</summary>
    private static async Task<Results<Ok<ActOnCase.Response>, ValidationProblem, ProblemHttpResult>> ActAsync(
        string trackingCode, string action, CaseAction.Body body, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        ActOnCase act, CancellationToken cancellationToken)
    {
        var request = CaseAction.From(action, body with { Version = body.Version ?? ifMatch });
        var outcome = request.Value is { } known
            ? await act.HandleAsync(trackingCode, known, PlatformUser.From(user)!, cancellationToken)
            : Outcome<ActOnCase.Response>.Refused(request.Refusals);
        return Answer(outcome, TypedResults.Ok, CaseRefusals.ActionTitle);
    }

    /// <summary>
    /// The value as <paramref name="success"/> answers it; refusals that all name a field as a validation problem with the
    /// fields' errors (titled <paramref name="title"/>), any other as a problem with the first refusal's status.
    /// </summary>
    private static Results<TSuccess, ValidationProblem, ProblemHttpResult> Answer<T, TSuccess>(
        Outcome<T> outcome, Func<T, TSuccess> success, string? title = null) where TSuccess : IResult
    {
        if (outcome.Succeeded)
        {
            return success(outcome.Value!);
        }

        if (outcome.Refusals.All(refusal => refusal.Field is not null && refusal.Status == StatusCodes.Status400BadRequest))
        {
            return OutcomeResults.Validation(outcome.Refusals, title);
        }

        return OutcomeResults.Problem(outcome.Refusals[0]);
    }
}
