using System.ComponentModel.DataAnnotations;

namespace Participation.Bot.Hosting;

/// <summary>Settings of the built-in Direct Line channel, in section <c>Bot</c> beside the connector's (<c>Bot__DirectLineSecret</c> in Azure).</summary>
public sealed class DirectLineOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// The secret a client (the platform's own page) presents to start a conversation or generate a token. Outside
    /// Development the built-in channel is refused without one; in Development a conversation may start without it.
    /// </summary>
    public string DirectLineSecret { get; set; } = "";

    /// <summary>How long a conversation token is valid; Direct Line's own tokens live 30 minutes and clients refresh them.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long /api/messages waits for a turn before answering 200 and finishing it in the background (Bot Connector gives up after 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:12")]
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(8);
}
