using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Hosting;

public static class PoisonQueuesApi
{
    public sealed record RequeueRequest(IReadOnlyList<string>? MessageIds);
    public sealed record RequeueResponse(string Queue, int Requeued);

    public static WebApplication MapPoisonQueuesApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin/poison").WithTags("Administration").RequireAuthorization(Policies.Admin).DisableAntiforgery();
        admin.MapGet("/", ListAsync).WithName("ListPoisonQueues")
            .WithSummary("Every poison queue: how many messages failed for good, the newest with ids, times and attempts");
        admin.MapPost("/{queue}/requeue", RequeueAsync).WithName("RequeuePoisonMessages")
            .WithSummary("Put failed messages (all, or those named) back on their queue once the cause is fixed");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PoisonQueues.QueueView>>> ListAsync(PoisonQueues poison, CancellationToken cancellationToken) =>
        TypedResults.Ok(await poison.ListAsync(cancellationToken));

    public static async Task<Results<Ok<RequeueResponse>, ProblemHttpResult>> RequeueAsync(
        string queue, RequeueRequest? request, HttpContext http, PoisonQueues poison, CancellationToken cancellationToken)
    {
        var admin = PlatformUser.From(http.User)!;
        return await poison.RequeueAsync(queue, request?.MessageIds, admin, cancellationToken) switch
        {
            PoisonQueues.Requeued requeued => TypedResults.Ok(new RequeueResponse(requeued.Queue, requeued.Count)),
            PoisonQueues.UnknownQueue unknown => TypedResults.Problem($"'{unknown.Queue}' is not a poison queue of this app; see GET /api/admin/poison.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown poison queue",
                extensions: new Dictionary<string, object?> { ["code"] = PoisonQueues.UnknownQueue.Code }),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }
}
