using Participation.Bot.Protocol;

namespace Participation.Bot.Tests.Protocol;

public sealed class ActivityJsonTests
{
    [Fact]
    public void Reads_an_activity_as_a_channel_sends_it_and_writes_it_back_without_nulls()
    {
        const string json = """
            {"type":"message","id":"bf3cc9a2f5de","timestamp":"2026-11-23T09:15:00.123Z","localTimestamp":"2026-11-23T10:15:00.123+01:00",
             "serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"webchat",
             "from":{"id":"user-1","name":"Anne","role":"user"},"conversation":{"id":"conv-9"},
             "recipient":{"id":"bot-1","name":"Gemeentebot","role":"bot"},"locale":"nl-NL","text":"wat kost een paspoort",
             "channelData":{"clientActivityID":"x1"},"entities":[{"type":"ClientCapabilities","requiresBotState":true}]}
            """;

        var activity = ActivityJson.Deserialize(json);
        var written = ActivityJson.Serialize(activity);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("user-1", activity.From?.Id);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp?.Offset);
        Assert.Equal("x1", activity.ChannelData!["clientActivityID"]!.GetValue<string>());
        Assert.DoesNotContain("null", written);
        Assert.Contains("\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"", written);
        Assert.Equal(written, ActivityJson.Serialize(ActivityJson.Deserialize(written)));
    }
}
