using System.Text.Json;
using System.Text.Json.Nodes;

namespace Participation.Bot.Dialogue;

/// <summary>The activities and state of one turn while the engine works on it.</summary>
internal sealed class Turn(Activity incoming, ConversationState state, DateTimeOffset now)
{
    private const int TranscriptLength = 40;
    private readonly List<Activity> replies = [];

    public Activity Incoming { get; } = incoming;

    public ConversationState State { get; set; } = state;

    public string Language
    {
        get => State.Language ?? "nl";
        set => State = State with { Language = value };
    }

    public string Locale => Language == "en" ? "en-GB" : "nl-NL";

    public IReadOnlyList<Activity> Replies => replies;

    /// <summary>A message to the resident; every one carries the machine-readable topic and confidence (bot-topics.md).</summary>
    public void Say(string text, string topic, double confidence, bool expectingInput = false, IReadOnlyList<CardAction>? actions = null)
    {
        replies.Add(Incoming.CreateReply(ActivityTypes.Message, now) with
        {
            Text = text,
            TextFormat = "markdown",
            Locale = Locale,
            InputHint = expectingInput ? "expectingInput" : "acceptingInput",
            SuggestedActions = actions is null ? null : new SuggestedActions { Actions = actions },
            ChannelData = new JsonObject { ["topic"] = topic, ["confidence"] = Math.Round(Math.Clamp(confidence, 0, 1), 2) },
        });
        Record("bot", text, topic);
    }

    public void Emit(string name, JsonObject value, IReadOnlyList<Attachment>? attachments = null) =>
        replies.Add(Incoming.CreateReply(ActivityTypes.Event, now) with
        {
            Name = name,
            Value = value,
            Locale = Locale,
            Attachments = attachments,
            RelatesTo = Incoming.ToReference(),
        });

    public void Record(string role, string text, string? topic)
    {
        var transcript = State.Transcript.Append(new TranscriptEntry(role, text, now, topic)).TakeLast(TranscriptLength).ToList();
        State = State with { Transcript = transcript };
    }

    /// <summary>The conversation so far as the handoff protocol's transcript attachment: {"activities": [...]}.</summary>
    public Attachment TranscriptAttachment()
    {
        var activities = new JsonArray();
        foreach (var entry in State.Transcript)
        {
            var isBot = entry.Role == "bot";
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Timestamp = entry.Timestamp,
                ChannelId = Incoming.ChannelId,
                Conversation = Incoming.Conversation,
                From = ((isBot ? Incoming.Recipient : Incoming.From) ?? new ChannelAccount()) with { Role = entry.Role },
                Text = entry.Text,
                ChannelData = entry.Topic is null ? null : new JsonObject { ["topic"] = entry.Topic },
            };
            activities.Add(JsonSerializer.SerializeToNode(activity, ProtocolJsonContext.Default.Activity));
        }

        return new Attachment
        {
            ContentType = "application/json",
            Name = "Transcript",
            Content = new JsonObject { ["activities"] = activities },
        };
    }
}
