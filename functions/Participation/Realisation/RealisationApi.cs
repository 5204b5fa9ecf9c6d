using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>
/// <c>/api/realisation</c>: what became of accepted initiatives and funded projects. Reading is public; changes are for
/// the responsible team's officials, its team lead and admins, and name the version they were based on (412 when stale).
/// </summary>
public static class RealisationApi
{
    public sealed record MilestoneRequest(string? Title, string? Planned, string? Version);
    public sealed record DoneRequest(string? Date, string? Version);
    public sealed record ReplanRequest(string? Planned, string? Reason, string? Version);
    public sealed record UpdateRequest(string? Text, string? Version);
    public sealed record StatusRequest(string? Status, string? Reason, string? Version);
    public sealed record SpentRequest(long? Amount, string? Version);
    public sealed record MilestoneCreated(string Id, string ItemId, string Version, RealisationView.MilestoneView Milestone);
    public sealed record UpdateCreated(string Id, string ItemId, string Version);

    public static WebApplication MapRealisationApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/realisation").WithTags("Realisation").DisableAntiforgery();
        group.MapGet("/", ListAsync).WithName("ListRealisation")
            .WithSummary("Realisation items with milestones and public updates, by neighbourhood and status").AllowAnonymous();
        group.MapGet("/{id}", GetAsync).WithName("ShowRealisation").WithSummary("One realisation item").AllowAnonymous();
        group.MapPost("/{id}/milestones", AddMilestoneAsync).WithName("AddRealisationMilestone")
            .WithSummary("Add a milestone {title, planned: YYYY-MM-DD}; 201").RequireAuthorization(Policies.Realisation);
        group.MapPost("/{id}/milestones/{milestoneId}/done", CompleteMilestoneAsync).WithName("CompleteRealisationMilestone")
            .WithSummary("Mark a milestone done {date?}").RequireAuthorization(Policies.Realisation);
        group.MapPost("/{id}/milestones/{milestoneId}/replan", ReplanMilestoneAsync).WithName("ReplanRealisationMilestone")
            .WithSummary("Move a milestone's planned date {planned, reason}; the original date is kept").RequireAuthorization(Policies.Realisation);
        group.MapPost("/{id}/updates", AddUpdateAsync).WithName("AddRealisationUpdate")
            .WithSummary("Post a public update {text}; 201").RequireAuthorization(Policies.Realisation);
        group.MapPost("/{id}/status", ChangeStatusAsync).WithName("ChangeRealisationStatus")
            .WithSummary("Move the status forward {status: in-progress|done|stopped, reason?}").RequireAuthorization(Policies.Realisation);
        group.MapPost("/{id}/spent", RecordSpentAsync).WithName("RecordRealisationSpent")
            .WithSummary("Record the money spent so far in whole euros {amount}").RequireAuthorization(Policies.Realisation);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RealisationView>>, ValidationProblem>> ListAsync(
        string? neighbourhood, string? status, RealisationStore store, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken)
    {
        RealisationStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!WireNames.TryParseStatus(status, out var s))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Choose a status: planned, in-progress, done or stopped."] },
                    extensions: new Dictionary<string, object?> { ["code"] = "realisation.status.unknown" });
            }

            parsed = s;
        }

        return TypedResults.Ok(await ShowRealisation.ListAsync(string.IsNullOrEmpty(neighbourhood) ? null : neighbourhood, parsed, store, slipping, clock, cancellationToken));
    }

    public static async Task<Results<Ok<RealisationView>, ProblemHttpResult>> GetAsync(
        string id, RealisationStore store, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken) =>
        await ShowRealisation.FindAsync(id, store, slipping, clock, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : OutcomeResults.Problem(RealisationRefusals.ItemNotFound(id));

    public static async Task<Results<Created<MilestoneCreated>, ValidationProblem, ProblemHttpResult>> AddMilestoneAsync(
        string id, MilestoneRequest request, HttpContext http, ChangeRealisation change, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outcome = await change.AddMilestoneAsync(id, VersionOf(request.Version, http), User(http), request.Title, request.Planned, cancellationToken);
        if (!outcome.Succeeded) return Refused<Created<MilestoneCreated>>(outcome, slipping, clock);
        var view = View(outcome.Item, slipping, clock);
        var milestone = view.Milestones.Single(m => m.Id == outcome.Event.MilestoneId);
        return TypedResults.Created($"/api/realisation/{Uri.EscapeDataString(id)}", new MilestoneCreated(milestone.Id, id, view.Version, milestone));
    }

    public static async Task<Results<Ok<RealisationView>, ValidationProblem, ProblemHttpResult>> CompleteMilestoneAsync(
        string id, string milestoneId, DoneRequest? request, HttpContext http, ChangeRealisation change, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await change.CompleteMilestoneAsync(id, milestoneId, VersionOf(request?.Version, http), User(http), request?.Date, cancellationToken), slipping, clock);

    public static async Task<Results<Ok<RealisationView>, ValidationProblem, ProblemHttpResult>> ReplanMilestoneAsync(
        string id, string milestoneId, ReplanRequest request, HttpContext http, ChangeRealisation change, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await change.ReplanMilestoneAsync(id, milestoneId, VersionOf(request.Version, http), User(http), request.Planned, request.Reason, cancellationToken), slipping, clock);

    public static async Task<Results<Created<UpdateCreated>, ValidationProblem, ProblemHttpResult>> AddUpdateAsync(
        string id, UpdateRequest request, HttpContext http, ChangeRealisation change, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outcome = await change.AddUpdateAsync(id, VersionOf(request.Version, http), User(http), request.Text, cancellationToken);
        if (!outcome.Succeeded) return Refused<Created<UpdateCreated>>(outcome, slipping, clock);
        return TypedResults.Created($"/api/realisation/{Uri.EscapeDataString(id)}", new UpdateCreated(outcome.Update!.Id, id, outcome.Item.Version));
    }

    public static async Task<Results<Ok<RealisationView>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string id, StatusRequest request, HttpContext http, ChangeRealisation change, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await change.ChangeStatusAsync(id, VersionOf(request.Version, http), User(http), request.Status, request.Reason, cancellationToken), slipping, clock);

    public static async Task<Results<Ok<RealisationView>, ValidationProblem, ProblemHttpResult>> RecordSpentAsync(
        string id, SpentRequest request, HttpContext http, ChangeRealisation change, Slipping slipping, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await change.RecordSpentAsync(id, VersionOf(request.Version, http), User(http), request.Amount, cancellationToken), slipping, clock);

    private static Results<Ok<RealisationView>, ValidationProblem, ProblemHttpResult> Answer(ActionOutcome outcome, Slipping slipping, TimeProvider clock) =>
        outcome.Succeeded ? TypedResults.Ok(View(outcome.Item, slipping, clock)) : Refused<Ok<RealisationView>>(outcome, slipping, clock);

    private static RealisationView View(RealisationItem item, Slipping slipping, TimeProvider clock) =>
        RealisationView.Of(item, [], slipping, Participation.Municipality.Calendar.DutchTime.Today(clock));

    /// <summary>400 with the field's error, 403, 404, 409 or 412 (with the current item) — problem+json with a stable code and the Dutch text.</summary>
    private static Results<TOk, ValidationProblem, ProblemHttpResult> Refused<TOk>(ActionOutcome outcome, Slipping slipping, TimeProvider clock) where TOk : IResult
    {
        var refusal = outcome.Refusal!;
        if (refusal.Status == StatusCodes.Status400BadRequest)
        {
            return OutcomeResults.Validation([refusal]);
        }

        if (refusal.Status is StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed && outcome.Current is { } current)
        {
            var view = View(current, slipping, clock);
            return TypedResults.Problem(refusal.English, statusCode: refusal.Status, title: refusal.Title, extensions: new Dictionary<string, object?>
            {
                ["code"] = refusal.Code, ["dutch"] = refusal.Dutch, ["current"] = new { view.Status, view.Version },
            });
        }

        return OutcomeResults.Problem(refusal);
    }

    private static string? VersionOf(string? version, HttpContext http) =>
        string.IsNullOrWhiteSpace(version) ? http.Request.Headers.IfMatch.ToString() : version;

    private static PlatformUser User(HttpContext http) => PlatformUser.From(http.User)!;
}
