using Participation.App.Storage;

namespace Participation.IntegrationTests.Storage;

public sealed class OptimisticConcurrencyTests
{
    [Fact]
    public async Task A_conflict_is_read_again_until_an_attempt_decides()
    {
        var attempts = 0;
        var answer = await OptimisticConcurrency.RetryAsync<string>(
            _ => Task.FromResult(++attempts < 3 ? Attempt<string>.Conflict : "saved on attempt " + attempts),
            () => "busy", CancellationToken.None);

        Assert.Equal("saved on attempt 3", answer);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Conflicts_on_every_attempt_end_in_the_busy_answer_after_the_last_attempt()
    {
        var attempts = 0;
        var answer = await OptimisticConcurrency.RetryAsync(
            _ => { attempts++; return Task.FromResult(Attempt<string>.Conflict); },
            () => "busy", CancellationToken.None, attempts: 4);

        Assert.Equal("busy", answer);
        Assert.Equal(4, attempts);
    }
}
