using System.Security.Cryptography;
using System.Text;
using Azure;
using Participation.Bot.Dialogue;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Conversations;

/// <summary>How the bot reaches the resident: our own Direct Line (the transcript is the channel) or a Bot Service channel.</summary>
public enum Transport
{
    DirectLine,
    Connector,
}

/// <summary>
/// One conversation as stored: the engine's state plus what the host needs to reach the resident again and to number
/// the transcript. <see cref="ETag"/> guards every change, so two turns at once cannot overwrite each other.
/// </summary>
public sealed record ConversationRecord
{
    /// <summary>The storage key and, for the built-in channel and the agent console, the conversation id.</summary>
    public required string Key { get; init; }
    public required Transport Transport { get; init; }
    public required string ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public required ConversationAccount Conversation { get; init; }
    public required ChannelAccount Bot { get; init; }
    public required ChannelAccount User { get; init; }
    public ConversationState State { get; init; } = ConversationState.New;
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The sequence number the next transcript activity gets; the Direct Line watermark is the last one read.</summary>
    public long NextSequence { get; init; } = 1;

    public int ResidentMessages { get; init; }

    public ETag ETag { get; init; }

    /// <summary>Bot Service conversation ids may hold characters a row key forbids (#, /, ?): the key is a hash of channel and id.</summary>
    public static string KeyFor(string channelId, string conversationId) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + conversationId)))[..40];

    /// <summary>A new id for the built-in channel: 128 random bits, safe in URLs and row keys.</summary>
    public static string NewDirectLineId() => "dl" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Locale => State.Language == "en" ? "en-GB" : "nl-NL";
}
