using Participation.Identity;

namespace Participation.Initiatives;

public static class InitiativesApi
{
    public static WebApplication MapInitiativesApi(this WebApplication app)
    {
        var residents = app.MapGroup("/api/initiatives").WithTags("Initiatives").DisableAntiforgery();
        residents.MapPost("/", SubmitInitiative.HandleAsync).WithName(nameof(SubmitInitiative))
            .WithSummary("Submit a neighbourhood initiative; 202 with its tracking code").AllowAnonymous().RequireRateLimiting(RateLimits.Submissions);
        residents.MapGet("/", ListInitiatives.HandleAsync).WithName(nameof(ListInitiatives))
            .WithSummary("Public list, filtered by neighbourhood, theme and status, paged").AllowAnonymous();
        residents.MapGet("/{trackingCode}", TrackInitiative.HandleAsync).WithName(nameof(TrackInitiative))
            .WithSummary("Where an initiative is: status, team, due date, public timeline").AllowAnonymous();
        residents.MapPost("/{trackingCode}/supports", SupportInitiative.BySignedInResidentAsync).WithName("SupportInitiative")
            .WithSummary("A signed-in resident supports an initiative (once)").RequireAuthorization(Policies.Resident).RequireRateLimiting(RateLimits.Supports);
        residents.MapPost("/{trackingCode}/supports/by-email", SupportInitiative.ByEmailAsync).WithName("SupportInitiativeByEmail")
            .WithSummary("Ask for a confirmation link to support without an account").AllowAnonymous().RequireRateLimiting(RateLimits.Supports);
        residents.MapPost("/{trackingCode}/supports/confirm", SupportInitiative.ConfirmAsync).WithName("ConfirmSupport")
            .WithSummary("Confirm a support with the token from the e-mail").AllowAnonymous().RequireRateLimiting(RateLimits.Supports);
        residents.MapPost("/{trackingCode}/replies", ReplyToInitiative.HandleAsync).WithName(nameof(ReplyToInitiative))
            .WithSummary("The submitter answers the official's question").AllowAnonymous().RequireRateLimiting(RateLimits.Submissions);

        var cases = app.MapGroup("/api/cases").WithTags("Back office").DisableAntiforgery();
        cases.MapGet("/", CaseInbox.HandleAsync).WithName(nameof(CaseInbox))
            .WithSummary("Open cases I may see, overdue first").RequireAuthorization(Policies.Official);
        cases.MapGet("/{trackingCode}", CaseDetail.HandleAsync).WithName(nameof(CaseDetail))
            .WithSummary("A case with timeline, internal notes, similar initiatives and audit trail").RequireAuthorization(Policies.CaseReader);
        cases.MapPost("/{trackingCode}/{action}", CaseActions.HandleAsync).WithName(nameof(CaseActions))
            .WithSummary("Act on a case: start-review, ask-info, accept, reject, merge, start-work, complete, reassign, correct-theme, note")
            .RequireAuthorization(Policies.Official);
        app.MapGet("/api/council/agenda", async (InitiativeStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListOnCouncilAgendaAsync(ct)))
            .WithName("CouncilAgenda").WithTags("Council").WithSummary("Initiatives that reached their support threshold")
            .RequireAuthorization(Policies.Council);
        return app;
    }
}
