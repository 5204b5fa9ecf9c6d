using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Connector;

/// <summary>Whether the app runs in Development: there a bot without an app id (the Emulator) is accepted unauthenticated.</summary>
internal sealed record ConnectorMode(bool IsDevelopment);

/// <summary>
/// <c>POST /api/messages</c>: Activities from Azure Bot Service. The Bot Connector JWT is checked first (401 when it
/// fails); the turn then runs, and the bot's replies go back through the connector to the activity's serviceUrl.
/// </summary>
public static class BotMessagesApi
{
    public static RouteHandlerBuilder MapBotMessagesApi(this IEndpointRouteBuilder app, bool isDevelopment) =>
        app.MapPost("/api/messages", HandleAsync)
            .WithName("BotMessages").WithSummary("An Activity from Azure Bot Service; the bot's replies go back through the Bot Connector")
            .WithTags("Bot").WithMetadata(new ConnectorMode(isDevelopment))
            // Bot Connector authenticates with its own JWT, checked inside; the platform's sign-in does not apply.
            .AllowAnonymous().DisableAntiforgery();

    public static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext http, ChannelTokenValidator validator, IOptions<BotConnectorOptions> connector, IOptions<DirectLineOptions> options,
        ConversationTurns turns, ResidentTurns residents, BackgroundTurns background, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await http.Request.ReadFromJsonAsync(HostingJson.Default.Activity, cancellationToken);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is not { Type: not null, Conversation.Id: not null, ChannelId: not null, ServiceUrl: not null })
        {
            return TypedResults.Problem("The body must be an Activity with type, channelId, serviceUrl and conversation.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity");
        }

        var development = http.GetEndpoint()?.Metadata.GetMetadata<ConnectorMode>()?.IsDevelopment == true;
        if (!(development && connector.Value.MicrosoftAppId.Length == 0))
        {
            var validation = await validator.ValidateAsync(http.Request.Headers.Authorization, activity, cancellationToken);
            if (!validation.IsValid)
            {
                loggers.CreateLogger(typeof(BotMessagesApi)).ChannelTokenRejected(validation.Error);
                return TypedResults.Unauthorized();
            }
        }

        var key = ConversationRecord.KeyFor(activity.ChannelId, activity.Conversation.Id);
        var work = background.Run(key, async stopping =>
        {
            await turns.StartAsync(new ConversationRecord
            {
                Key = key,
                Transport = Transport.Connector,
                ChannelId = activity.ChannelId,
                ServiceUrl = activity.ServiceUrl,
                Conversation = activity.Conversation,
                Bot = activity.Recipient ?? new ChannelAccount { Id = connector.Value.MicrosoftAppId, Role = RoleTypes.Bot },
                User = activity.From ?? new ChannelAccount { Role = RoleTypes.User },
                CreatedAt = clock.GetUtcNow(),
            }, opening: null, stopping);
            await residents.HandleAsync(key, activity, channelActivityId: activity.Id, stopping);
        });
        // Usually the turn is done well within the budget; a slow one (model phrasing) finishes after the 200.
        await Task.WhenAny(work, Task.Delay(options.Value.ReplyBudget, clock, cancellationToken));
        return TypedResults.Ok();
    }
}
