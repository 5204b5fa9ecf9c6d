using System.Text.Json;
using Participation.Bot.Dialogue;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Events;

/// <summary>Reads the handoff protocol's transcript attachment (<c>{"activities": [...]}</c>) as plain lines.</summary>
public static class TranscriptAttachment
{
    public static IReadOnlyList<TranscriptEntry> Read(Activity activity)
    {
        var attachment = activity.Attachments?.FirstOrDefault(a => a.Name == "Transcript");
        if (attachment?.Content?["activities"] is not System.Text.Json.Nodes.JsonArray activities)
        {
            return [];
        }

        var lines = new List<TranscriptEntry>();
        foreach (var node in activities)
        {
            var entry = node?.Deserialize(HostingJson.Default.Activity);
            if (entry?.Text is { } text)
            {
                lines.Add(new TranscriptEntry(entry.From?.Role ?? RoleTypes.User, text, entry.Timestamp ?? DateTimeOffset.MinValue,
                    entry.ChannelData?["topic"]?.GetValue<string>()));
            }
        }

        return lines;
    }
}
