using Azure;
using Azure.Data.Tables;

namespace Participation.App.Storage;

/// <summary>
/// One way to change a stored row that others may change at the same time: read it, decide, save with the ETag read;
/// when the save reports that someone else saved first, wait a short random moment (so two writers do not collide
/// again in step) and start over from a fresh read. After the last attempt the caller's "busy" answer is returned.
/// </summary>
public static class OptimisticConcurrency
{
    public const int DefaultAttempts = 8;

    public static async Task<T> RetryAsync<T>(
        Func<CancellationToken, Task<Attempt<T>>> attempt, Func<T> whenBusy, CancellationToken cancellationToken, int attempts = DefaultAttempts)
    {
        for (var number = 1; number <= attempts; number++)
        {
            var result = await attempt(cancellationToken);
            if (!result.Conflicted)
            {
                return result.Value;
            }

            if (number < attempts)
            {
                await Task.Delay(Backoff(number), cancellationToken);
            }
        }

        return whenBusy();
    }

    /// <summary>
    /// The save of one attempt: inserts <paramref name="row"/> when the read found none (<paramref name="read"/> null),
    /// otherwise replaces it under the ETag read. <see cref="Attempt{T}.Conflict"/> when someone else saved first.
    /// </summary>
    public static async Task<Attempt<bool>> SaveAsync(TableClient table, TableEntity row, ETag? read, CancellationToken cancellationToken)
    {
        try
        {
            if (read is { } etag)
            {
                await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(row, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return Attempt<bool>.Conflict;
        }
    }

    /// <summary>Grows with each attempt, spread at random: 5–25 ms after the first conflict, up to 40–200 ms later.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(attempt, 8) * (5 + Random.Shared.NextDouble() * 20));
}

/// <summary>The end of one attempt: a final answer, or <see cref="Conflict"/> (someone else saved first: read again).</summary>
public readonly record struct Attempt<T>(T Value, bool Conflicted)
{
    public static Attempt<T> Conflict => new(default!, true);

    public static Attempt<T> Done(T value) => new(value, false);

    public static implicit operator Attempt<T>(T value) => new(value, false);
}
