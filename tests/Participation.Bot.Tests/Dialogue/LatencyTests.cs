using Participation.Bot.Evaluation;

namespace Participation.Bot.Tests.Dialogue;

public sealed class LatencyTests : IDisposable
{
    private readonly BotTestHost host = new();

    [Fact]
    public async Task Replies_within_50_ms_at_the_95th_percentile_without_a_model()
    {
        var evaluation = new TopicEvaluation(host.Engine);
        var questions = TopicEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "Data/bot-heldout.jsonl"));

        var timings = await evaluation.MeasureLatencyAsync(questions, 300, CancellationToken.None);

        Assert.True(TopicEvaluation.Percentile(timings, 0.95) < 50, $"p95 {TopicEvaluation.Percentile(timings, 0.95):0.0} ms");
    }

    public void Dispose() => host.Dispose();
}
