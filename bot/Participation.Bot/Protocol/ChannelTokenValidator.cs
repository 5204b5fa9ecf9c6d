using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Participation.Bot.Protocol;

/// <summary>The outcome of checking the bearer token on an incoming activity.</summary>
public sealed record ChannelTokenValidation(bool IsValid, string? Error, ClaimsIdentity? Identity)
{
    public static ChannelTokenValidation Reject(string error) => new(false, error, null);
}

/// <summary>
/// Checks the JWT that Bot Connector puts on every request to /api/messages: signed by a key from the
/// OpenID metadata, issued by Bot Framework, for this bot, still valid, endorsed for the channel, and
/// minted for the same serviceUrl the activity asks us to reply to.
/// </summary>
public sealed class ChannelTokenValidator(
    IConfigurationManager<OpenIdConnectConfiguration> metadata,
    IOptions<BotConnectorOptions> options,
    TimeProvider clock)
{
    private const string ServiceUrlClaim = "serviceurl";
    private readonly JsonWebTokenHandler handler = new();

    public async Task<ChannelTokenValidation> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return ChannelTokenValidation.Reject("missing bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        var result = await ValidateSignedTokenAsync(token, cancellationToken);
        if (result is { IsValid: false, Exception: SecurityTokenSignatureKeyNotFoundException })
        {
            // Bot Framework rolls its keys; a token signed with a key we have not seen yet is worth one metadata refresh.
            metadata.RequestRefresh();
            result = await ValidateSignedTokenAsync(token, cancellationToken);
        }

        if (!result.IsValid)
        {
            return ChannelTokenValidation.Reject(result.Exception?.GetType().Name ?? "invalid token");
        }

        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        var jwt = (JsonWebToken)result.SecurityToken;
        if (!IsEndorsedFor(configuration, jwt.Kid, activity.ChannelId))
        {
            return ChannelTokenValidation.Reject("signing key not endorsed for channel");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            // Without this check a token for one channel could make the bot post replies (and its own token) elsewhere.
            return ChannelTokenValidation.Reject("serviceUrl mismatch");
        }

        return new ChannelTokenValidation(true, null, result.ClaimsIdentity);
    }

    private async Task<TokenValidationResult> ValidateSignedTokenAsync(string token, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        var settings = options.Value;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.ChannelTokenIssuer,
            ValidAudience = settings.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = settings.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, p) => IsWithinLifetime(notBefore, expires, p.ClockSkew),
        };
        return await handler.ValidateTokenAsync(token, parameters);
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }

    private static bool IsEndorsedFor(OpenIdConnectConfiguration configuration, string? keyId, string? channelId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return true;
        }

        var endorsements = raw switch
        {
            IEnumerable<object> list => list.Select(e => e?.ToString()),
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString()),
            _ => [],
        };
        return channelId is not null && endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }
}
