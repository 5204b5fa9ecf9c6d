using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Participation.Bot.Protocol;

/// <summary>
/// Sends the bot's activities back to a channel through the Bot Connector REST API
/// (<c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>),
/// authenticated with a client-credentials token for the bot's app id.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IOptions<BotConnectorOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private (string Value, DateTimeOffset RenewAt)? token;

    public async Task<ResourceResponse?> ReplyToActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reply.ReplyToId);
        return await PostAsync(reply, $"/activities/{Uri.EscapeDataString(reply.ReplyToId)}", cancellationToken);
    }

    public Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        PostAsync(activity, "/activities", cancellationToken);

    private async Task<ResourceResponse?> PostAsync(Activity activity, string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activity.ServiceUrl);
        ArgumentException.ThrowIfNullOrEmpty(activity.Conversation?.Id);
        var uri = new Uri($"{activity.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}{path}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, ProtocolJsonContext.Default.Activity),
        };
        if (await GetTokenAsync(cancellationToken) is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength is 0
            ? null
            : await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
    }

    private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.MicrosoftAppId))
        {
            return null; // local channels (emulator, our own Direct Line) run without credentials
        }

        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is { } cached && clock.GetUtcNow() < cached.RenewAt)
            {
                return cached.Value;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.MicrosoftAppId,
                ["client_secret"] = settings.MicrosoftAppPassword,
                ["scope"] = settings.Scope,
            });
            using var response = await http.PostAsync(settings.TokenEndpoint, form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenResponse, cancellationToken)
                ?? throw new JsonException("Empty token response.");
            // Renew five minutes early so a reply never leaves with a token that expires in flight.
            var lifetime = TimeSpan.FromSeconds(Math.Max(0, body.ExpiresIn - 300));
            token = (body.AccessToken, clock.GetUtcNow() + lifetime);
            return body.AccessToken;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    public void Dispose() => tokenLock.Dispose();

    internal sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("token_type")] string? TokenType);
}

[JsonSerializable(typeof(ConnectorClient.TokenResponse))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
