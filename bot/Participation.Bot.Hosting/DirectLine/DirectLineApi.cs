using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.DirectLine;

/// <summary>Direct Line's conversation object: what starting, reconnecting and token calls answer.</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>Activities after a watermark, and the watermark to poll from next.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>The optional body of tokens/generate: the user the conversation is for.</summary>
public sealed record DirectLineTokenRequest(ChannelAccount? User);

/// <summary>Whether the app runs in Development: there the built-in channel needs no secret to start a conversation.</summary>
internal sealed record DirectLineMode(bool IsDevelopment);

/// <summary>
/// A built-in Direct Line 3.0 channel (polling; no stream URL, so Web Chat polls): Web Chat in the browser and the
/// tests talk to the bot as a channel does, without Azure Bot Service. Clients authenticate with the secret (to start)
/// or with a token scoped to one conversation (for everything in it).
/// </summary>
public static class DirectLineApi
{
    public const string ChannelId = "directline";
    private const int PageSize = 100;

    public static RouteGroupBuilder MapDirectLineApi(this IEndpointRouteBuilder app, bool isDevelopment)
    {
        var group = app.MapGroup("/v3/directline").WithTags("Bot: Direct Line").AllowAnonymous()
            .WithMetadata(new DirectLineMode(isDevelopment));
        group.MapPost("/tokens/generate", GenerateTokenAsync).WithName("DirectLineGenerateToken")
            .WithSummary("A token for a new conversation, to hand to a browser");
        group.MapPost("/tokens/refresh", RefreshTokenAsync).WithName("DirectLineRefreshToken")
            .WithSummary("A fresh token for the conversation of the token presented");
        group.MapPost("/conversations", StartConversationAsync).WithName("DirectLineStartConversation")
            .WithSummary("Starts a conversation with the bot's welcome, or answers for the conversation of the token presented")
            .RequireRateLimiting("conversation-starts");
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).WithName("DirectLineReconnect")
            .WithSummary("Reconnects to a conversation");
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).WithName("DirectLinePostActivity")
            .WithSummary("The resident's activity, answered by the bot before this returns")
            .RequireRateLimiting("bot-messages");
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).WithName("DirectLineGetActivities")
            .WithSummary("The conversation's activities after a watermark, and the watermark to poll from next");
        return group;
    }

    /// <summary>A token for a new conversation, to hand to a browser; the conversation starts when the client posts to /conversations.</summary>
    public static async Task<Results<JsonHttpResult<DirectLineConversation>, ProblemHttpResult>> GenerateTokenAsync(
        HttpContext http, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        if (MayStart(http, tokens) is { } refused)
        {
            return refused;
        }

        var request = await ReadOptionalAsync(http.Request, HostingJson.Default.DirectLineTokenRequest, cancellationToken);
        var userId = request?.User?.Id is { Length: > 0 and <= 64 } id ? id : NewUserId();
        var conversationId = ConversationRecord.NewDirectLineId();
        return Conversation(conversationId, await tokens.IssueAsync(conversationId, userId, cancellationToken), tokens, StatusCodes.Status200OK);
    }

    public static async Task<Results<JsonHttpResult<DirectLineConversation>, ProblemHttpResult>> RefreshTokenAsync(
        HttpContext http, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(http, tokens, cancellationToken);
        return token is null
            ? Unauthorized()
            : Conversation(token.ConversationId, await tokens.IssueAsync(token.ConversationId, token.UserId, cancellationToken), tokens, StatusCodes.Status200OK);
    }

    /// <summary>Starts a conversation (201, with the bot's welcome) or, with a token of a started one, answers 200 for it.</summary>
    public static async Task<Results<JsonHttpResult<DirectLineConversation>, ProblemHttpResult>> StartConversationAsync(
        HttpContext http, DirectLineTokens tokens, ConversationTurns turns, TimeProvider clock, CancellationToken cancellationToken)
    {
        string conversationId, userId;
        if (await TokenAsync(http, tokens, cancellationToken) is { } token)
        {
            (conversationId, userId) = (token.ConversationId, token.UserId);
        }
        else if (MayStart(http, tokens) is { } refused)
        {
            return refused;
        }
        else
        {
            (conversationId, userId) = (ConversationRecord.NewDirectLineId(), NewUserId());
        }

        var user = new ChannelAccount { Id = userId, Role = RoleTypes.User };
        var record = new ConversationRecord
        {
            Key = conversationId,
            Transport = Transport.DirectLine,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversationId },
            Bot = Bot,
            User = user,
            CreatedAt = clock.GetUtcNow(),
        };
        var opening = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = "start-" + conversationId,
            ChannelId = ChannelId,
            Conversation = record.Conversation,
            From = user,
            Recipient = Bot,
            MembersAdded = [user],
            Timestamp = record.CreatedAt,
        };
        var created = await turns.StartAsync(record, opening, cancellationToken);
        return Conversation(conversationId, await tokens.IssueAsync(conversationId, userId, cancellationToken), tokens,
            created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<Results<JsonHttpResult<DirectLineConversation>, ProblemHttpResult>> ReconnectAsync(
        string conversationId, HttpContext http, DirectLineTokens tokens, ConversationStore store, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(http, tokens, conversationId, cancellationToken);
        if (access.Problem is { } problem)
        {
            return problem;
        }

        return await store.FindAsync(conversationId, cancellationToken) is null
            ? NotFound()
            : Conversation(conversationId, await tokens.IssueAsync(conversationId, access.UserId, cancellationToken), tokens, StatusCodes.Status200OK);
    }

    /// <summary>The resident's activity: stamped with an id and time by us, answered by the bot before this returns.</summary>
    public static async Task<Results<JsonHttpResult<ResourceResponse>, ProblemHttpResult>> PostActivityAsync(
        string conversationId, HttpContext http, DirectLineTokens tokens, ResidentTurns residents, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(http, tokens, conversationId, cancellationToken);
        if (access.Problem is { } problem)
        {
            return problem;
        }

        var posted = await ReadOptionalAsync(http.Request, HostingJson.Default.Activity, cancellationToken);
        if (posted?.Type is null)
        {
            return TypedResults.Problem("The body must be an Activity with a type.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity");
        }

        if (ResidentText.IsTooLong(posted))
        {
            return TypedResults.Problem($"A message may be at most {ResidentText.MaxLength} characters.", statusCode: StatusCodes.Status400BadRequest, title: "Message too long");
        }

        var arrived = posted with
        {
            Id = null,
            ChannelId = ChannelId,
            ServiceUrl = null,
            Conversation = new ConversationAccount { Id = conversationId },
            // The client names its user (Web Chat shows the name); the role is ours to say.
            From = (posted.From ?? new ChannelAccount { Id = access.UserId }) with { Role = RoleTypes.User },
            Recipient = Bot,
        };
        var outcome = await residents.HandleAsync(conversationId, arrived, channelActivityId: null, cancellationToken);
        return outcome is null
            ? NotFound()
            : TypedResults.Json(new ResourceResponse(outcome.LoggedArrival?.Id ?? arrived.Id), HostingJson.Default.ResourceResponse);
    }

    public static async Task<Results<JsonHttpResult<ActivitySet>, ProblemHttpResult>> GetActivitiesAsync(
        string conversationId, string? watermark, HttpContext http, DirectLineTokens tokens, ConversationStore store, ResidentTurns residents,
        CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(http, tokens, conversationId, cancellationToken);
        if (access.Problem is { } problem)
        {
            return problem;
        }

        if (await store.FindAsync(conversationId, cancellationToken) is not { } record)
        {
            return NotFound();
        }

        await residents.ExpireIfWaitingAsync(record, cancellationToken);
        var page = await store.ReadTranscriptAsync(conversationId, ParseWatermark(watermark), PageSize, cancellationToken);
        return TypedResults.Json(new ActivitySet(page.Activities, page.Watermark.ToString(CultureInfo.InvariantCulture)), HostingJson.Default.ActivitySet);
    }

    internal static ChannelAccount Bot { get; } = new() { Id = "bot", Name = "Digitale assistent", Role = RoleTypes.Bot };

    internal static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>Starting needs the secret; in Development also nothing at all. Outside Development without a secret the channel is off.</summary>
    private static ProblemHttpResult? MayStart(HttpContext http, DirectLineTokens tokens)
    {
        var development = http.GetEndpoint()?.Metadata.GetMetadata<DirectLineMode>()?.IsDevelopment == true;
        if (!development && !tokens.HasSecret)
        {
            return TypedResults.Problem("The built-in Direct Line channel is off: configure Bot:DirectLineSecret.",
                statusCode: StatusCodes.Status403Forbidden, title: "Channel not enabled");
        }

        var presented = Bearer(http);
        return presented switch
        {
            null when development => null,
            null => Unauthorized(),
            _ when tokens.IsSecret(presented) => null,
            _ => TypedResults.Problem("The secret is not valid.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        };
    }

    private static async Task<(ProblemHttpResult? Problem, string UserId)> AuthorizeAsync(
        HttpContext http, DirectLineTokens tokens, string conversationId, CancellationToken cancellationToken)
    {
        var presented = Bearer(http);
        if (presented is not null && tokens.IsSecret(presented))
        {
            return (null, NewUserId());
        }

        if (await TokenAsync(http, tokens, cancellationToken) is not { } token)
        {
            return (Unauthorized(), "");
        }

        return token.ConversationId == conversationId
            ? (null, token.UserId)
            : (TypedResults.Problem("The token is for another conversation.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"), "");
    }

    private static async Task<ConversationToken?> TokenAsync(HttpContext http, DirectLineTokens tokens, CancellationToken cancellationToken) =>
        Bearer(http) is { } presented && !tokens.IsSecret(presented) ? await tokens.ValidateAsync(presented, cancellationToken) : null;

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static async Task<T?> ReadOptionalAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonHttpResult<DirectLineConversation> Conversation(string conversationId, string token, DirectLineTokens tokens, int status) =>
        TypedResults.Json(new DirectLineConversation(conversationId, token, (int)tokens.Lifetime.TotalSeconds), HostingJson.Default.DirectLineConversation,
            statusCode: status);

    private static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("A Direct Line secret or conversation token is required.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("There is no such conversation.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
