using System.ComponentModel.DataAnnotations;

namespace Participation.Bot.Protocol;

/// <summary>Settings of the Bot Connector channel: section <c>Bot</c> (in Azure: <c>Bot__MicrosoftAppId</c> …).</summary>
public sealed class BotConnectorOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's app id; the audience of channel tokens and the client id of our own. Empty = local only (no auth).</summary>
    public string MicrosoftAppId { get; set; } = "";

    public string MicrosoftAppPassword { get; set; } = "";

    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    [Required]
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    [Required]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    [Required]
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
