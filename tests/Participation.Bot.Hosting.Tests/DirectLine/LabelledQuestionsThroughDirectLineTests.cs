using System.Text.Json;
using System.Text.Json.Nodes;
using Participation.Bot.Hosting.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.Bot.Hosting.Tests.DirectLine;

/// <summary>The team's labelled dev set through the channel, as Web Chat would send it: one new conversation per question.</summary>
public sealed class LabelledQuestionsThroughDirectLineTests(ITestOutputHelper output) : BotAppTests
{
    private const double RequiredAccuracy = 0.90;

    [Fact]
    public async Task The_dev_set_gets_the_labelled_topic_for_at_least_90_percent()
    {
        var questions = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "bot-dev.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();
        var correct = 0;
        foreach (var question in questions)
        {
            var resident = await DirectLineClient.StartAsync(App.Client);
            await resident.PollAsync(); // the welcome
            var text = question["text"]!.GetValue<string>();
            var expected = question["topic"]!.GetValue<string>();
            var reply = (await resident.AskAsync(text, question["locale"]?.GetValue<string>() ?? "nl-NL"))[0];
            if (reply.Topic() == expected)
            {
                correct++;
            }
            else
            {
                output.WriteLine($"  {expected} → {reply.Topic()}: {text}");
            }
        }

        var accuracy = correct / (double)questions.Count;
        output.WriteLine($"bot-dev.jsonl through Direct Line: {correct}/{questions.Count} = {accuracy:P1}");
        Assert.True(accuracy >= RequiredAccuracy, $"accuracy {accuracy:P1} is below {RequiredAccuracy:P0}");
    }
}
