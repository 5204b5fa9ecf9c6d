using System.Text.Json.Serialization;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.DirectLine;
using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting;

/// <summary>JSON for everything the host stores or answers: camelCase, nulls left out (channels expect that of Activities).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(ConversationAccount))]
[JsonSerializable(typeof(List<TranscriptEntry>))]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(DirectLineTokenRequest))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(List<HandoffView>))]
[JsonSerializable(typeof(HandoffView))]
[JsonSerializable(typeof(AgentMessage))]
internal sealed partial class HostingJson : JsonSerializerContext;
