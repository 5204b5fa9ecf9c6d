using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Discussion;

/// <summary>Comments on initiatives and their moderation. Handlers only map the use cases' outcomes to HTTP.</summary>
public static class DiscussionApi
{
    public static WebApplication MapDiscussionApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/initiatives/{trackingCode}/comments").WithTags("Comments").DisableAntiforgery();
        group.MapGet("/", ListAsync).WithName("ListComments")
            .WithSummary("Visible comments, oldest first; the author also sees their own pending or hidden ones").AllowAnonymous();
        group.MapPost("/", PostAsync).WithName(nameof(PostComment))
            .WithSummary("A signed-in resident comments or replies; officials of the neighbourhood answer as Gemeente")
            .RequireAuthorization(DiscussionAccess.CommenterPolicy).RequireRateLimiting(RateLimits.Comments);
        group.MapPost("/{id}/reports", ReportAsync).WithName(nameof(ReportComment))
            .WithSummary("Report a comment; counted once per person").RequireAuthorization(DiscussionAccess.SignedInPolicy).RequireRateLimiting(RateLimits.Comments);
        group.MapPost("/{id}/hide", (string trackingCode, string id, ModerateComment.Request request, HttpContext http, ModerateComment moderate, CancellationToken ct) =>
                ModerateAsync(trackingCode, id, ModerateComment.Hide, request, http, moderate, ct))
            .WithName("HideComment").WithSummary("A moderator hides a comment, with a reason").RequireAuthorization(DiscussionAccess.ModeratorPolicy);
        group.MapPost("/{id}/restore", (string trackingCode, string id, ModerateComment.Request request, HttpContext http, ModerateComment moderate, CancellationToken ct) =>
                ModerateAsync(trackingCode, id, ModerateComment.Restore, request, http, moderate, ct))
            .WithName("RestoreComment").WithSummary("A moderator restores or approves a comment, with a reason").RequireAuthorization(DiscussionAccess.ModeratorPolicy);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ListComments.Item>>, ProblemHttpResult>> ListAsync(
        string trackingCode, HttpContext http, ListComments list, CancellationToken cancellationToken)
    {
        var outcome = await list.ExecuteAsync(trackingCode, PlatformUser.From(http.User), cancellationToken);
        return outcome.Value is { } thread ? TypedResults.Ok(thread.Comments) : Problem(outcome.Refusals[0]);
    }

    public static async Task<Results<Created<PostComment.Response>, ProblemHttpResult>> PostAsync(
        string trackingCode, PostComment.Request request, HttpContext http, PostComment post, CancellationToken cancellationToken)
    {
        var outcome = await post.ExecuteAsync(trackingCode, request, PlatformUser.From(http.User)!, cancellationToken);
        return outcome.Value is { } created
            ? TypedResults.Created($"/api/initiatives/{trackingCode}/comments#{created.Id}", created)
            : Problem(outcome.Refusals[0]);
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ReportAsync(
        string trackingCode, string id, ReportComment.Request request, HttpContext http, ReportComment report, CancellationToken cancellationToken)
    {
        var outcome = await report.ExecuteAsync(trackingCode, id, request, PlatformUser.From(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Accepted((string?)null) : Problem(outcome.Refusals[0]);
    }

    private static async Task<Results<Ok<ModerateComment.Response>, ProblemHttpResult>> ModerateAsync(
        string trackingCode, string id, string action, ModerateComment.Request request, HttpContext http, ModerateComment moderate, CancellationToken cancellationToken)
    {
        var outcome = await moderate.ExecuteAsync(trackingCode, id, action, request, PlatformUser.From(http.User)!, cancellationToken);
        return outcome.Value is { } done ? TypedResults.Ok(done) : Problem(outcome.Refusals[0]);
    }

    /// <summary>RFC 7807 problem+json with the stable code, the field and the Dutch text beside the English detail.</summary>
    private static ProblemHttpResult Problem(Refusal refusal) => TypedResults.Problem(refusal.English, statusCode: refusal.Status, title: refusal.Title,
        extensions: new Dictionary<string, object?> { ["code"] = refusal.Code, ["field"] = refusal.Field, ["dutch"] = refusal.Dutch });
}
