using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Participation.Bot.Hosting.DirectLine;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Handoff;

/// <summary>The body of an agent's message to the resident.</summary>
public sealed record AgentMessage(string? Text);

/// <summary>
/// The agent console's API (policy <c>agent</c>): the queue, accepting, talking, reading along and closing. The console
/// polls the transcript with a watermark, as Web Chat does on the resident's side.
/// </summary>
public static class AgentApi
{
    public const string Policy = "agent";
    public const int MaxMessageLength = 4000;

    public static RouteGroupBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agent/handoffs").WithTags("Bot: agent console").RequireAuthorization(Policy);
        group.MapGet("/", ListAsync).WithName("AgentListHandoffs").WithSummary("The live-chat queue as this agent sees it");
        group.MapPost("/{conversationId}/accept", AcceptAsync).WithName("AgentAcceptHandoff").WithSummary("An agent takes over a waiting conversation");
        group.MapPost("/{conversationId}/messages", SendAsync).WithName("AgentSendMessage").WithSummary("The agent's message to the resident");
        group.MapGet("/{conversationId}/activities", GetActivitiesAsync).WithName("AgentGetActivities").WithSummary("The conversation's transcript after a watermark, for reading along");
        group.MapPost("/{conversationId}/close", CloseAsync).WithName("AgentCloseHandoff").WithSummary("The agent closes the handoff");
        return group;
    }

    public static async Task<Results<JsonHttpResult<List<HandoffView>>, ForbidHttpResult>> ListAsync(
        ClaimsPrincipal user, HandoffQueue queue, CancellationToken cancellationToken) =>
        Agent.From(user) is { } agent
            ? TypedResults.Json((await queue.ListAsync(agent, cancellationToken)).ToList(), HostingJson.Default.ListHandoffView)
            : TypedResults.Forbid();

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> AcceptAsync(
        string conversationId, ClaimsPrincipal user, HandoffQueue queue, CancellationToken cancellationToken) =>
        Agent.From(user) is not { } agent ? TypedResults.Forbid() : NoContentFor(await queue.AcceptAsync(conversationId, agent, cancellationToken));

    public static async Task<Results<JsonHttpResult<ResourceResponse>, NotFound, ProblemHttpResult, ForbidHttpResult>> SendAsync(
        string conversationId, AgentMessage message, ClaimsPrincipal user, HandoffQueue queue, CancellationToken cancellationToken)
    {
        if (Agent.From(user) is not { } agent)
        {
            return TypedResults.Forbid();
        }

        var text = message.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxMessageLength)
        {
            return TypedResults.Problem($"Text must be 1–{MaxMessageLength} characters.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid message");
        }

        var (result, id) = await queue.SendAsync(conversationId, agent, text, cancellationToken);
        return result switch
        {
            HandoffResult.Done => TypedResults.Json(new ResourceResponse(id), HostingJson.Default.ResourceResponse),
            HandoffResult.TakenByAnother => TakenByAnother(),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<JsonHttpResult<ActivitySet>, NotFound, ProblemHttpResult, ForbidHttpResult>> GetActivitiesAsync(
        string conversationId, string? watermark, ClaimsPrincipal user, HandoffQueue queue, CancellationToken cancellationToken)
    {
        if (Agent.From(user) is not { } agent)
        {
            return TypedResults.Forbid();
        }

        var (result, page) = await queue.ReadTranscriptAsync(conversationId, agent, DirectLineApi.ParseWatermark(watermark), cancellationToken);
        return result switch
        {
            HandoffResult.Done => TypedResults.Json(new ActivitySet(page!.Activities, page.Watermark.ToString(CultureInfo.InvariantCulture)), HostingJson.Default.ActivitySet),
            HandoffResult.TakenByAnother => TakenByAnother(),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> CloseAsync(
        string conversationId, ClaimsPrincipal user, HandoffQueue queue, CancellationToken cancellationToken) =>
        Agent.From(user) is not { } agent ? TypedResults.Forbid() : NoContentFor(await queue.CloseAsync(conversationId, agent, cancellationToken));

    private static Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult> NoContentFor(HandoffResult result) => result switch
    {
        HandoffResult.Done => TypedResults.NoContent(),
        HandoffResult.TakenByAnother => TakenByAnother(),
        _ => TypedResults.NotFound(),
    };

    private static ProblemHttpResult TakenByAnother() =>
        TypedResults.Problem("Another agent has this conversation.", statusCode: StatusCodes.Status409Conflict, title: "Taken by another agent");
}
