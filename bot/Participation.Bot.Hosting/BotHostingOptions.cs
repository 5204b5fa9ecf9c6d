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

/// <summary>The live-chat queue's settings, in section <c>Handoff</c> beside the opening hours (<c>Handoff__AcceptTimeout</c>).</summary>
public sealed class HandoffQueueOptions
{
    public const string Section = "Handoff";

    /// <summary>How long a resident waits for an agent before the bot takes over again and offers to register the question.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromMinutes(3);
}

/// <summary>Where the bot's tables live (section <c>BotStorage</c>); a prefix lets tests share one storage account without sharing tables.</summary>
public sealed class BotStorageOptions
{
    public const string Section = "BotStorage";

    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,20})?$")]
    public string TablePrefix { get; set; } = "";
}
