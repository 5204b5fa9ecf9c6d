using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// <c>POST /api/pb/tally?rule=greedy|mes|mes-complete</c> with a pabulib <c>.pb</c> file as the body: a public tool for
/// councils and researchers to recount any election with the rules this platform uses. Anyone may send anything, so
/// the file is read as it streams in under <see cref="TallyOptions"/>' caps (400 for a file that is not pabulib, 422
/// for one beyond the caps) and the count stops at the configured counting time (422), or when the caller goes away.
/// </summary>
public static class TallyPabulibFile
{
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public sealed record Response(IReadOnlyList<string> Selected, long Cost, long Budget, string Rule, long Leftover, IReadOnlyDictionary<string, long> Votes);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, string? rule, IOptions<TallyOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(rule) || !BudgetRules.TryFind(rule, out var budgetRule))
        {
            return Problem($"Choose a rule: ?rule={string.Join("|", BudgetRules.All.Select(r => r.Name))}.", "rule");
        }

        // A real election file is larger than the API's 64 KiB default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }

        var tally = options.Value;
        Election election;
        try
        {
            election = await PabulibElectionReader.ReadAsync(request.Body, tally.Limits, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"The file is larger than {MaxFileBytes / 1024 / 1024} MiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
        }
        catch (PabulibLimitExceeded exception)
        {
            return TooMuch(exception.Message, exception.Limit);
        }
        catch (Exception exception) when (exception is FormatException or KeyNotFoundException or ArgumentException or InvalidOperationException)
        {
            return Problem($"The file is not a valid pabulib file: {exception.Message}", "body");
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // CancelAfter(0) cancels from a timer, later: a fast count would finish first. No time at all means no count.
        if (tally.MaxCountingTime <= TimeSpan.Zero) bounded.Cancel();
        else bounded.CancelAfter(tally.MaxCountingTime);
        Allocation allocation;
        try
        {
            bounded.Token.ThrowIfCancellationRequested();
            allocation = budgetRule.Select(election, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(TallyPabulibFile)).TallyStopped(budgetRule.Name, election.Projects.Count, election.VoterCount, tally.MaxCountingTime.TotalSeconds);
            return TooMuch(
                $"Counting this election with {budgetRule.Name} takes more than the {tally.MaxCountingTime.TotalSeconds:0.#} s this public tool allows per request. " +
                "Count it with pabutools or the platform's own tooling.", "counting_time");
        }
        catch (ArithmeticException)
        {
            return TooMuch("The numbers in this election are too large to count.", "money");
        }
        return TypedResults.Ok(new Response(allocation.Selected, allocation.TotalCost, election.Budget, rule.Trim().ToLowerInvariant(), allocation.Leftover, allocation.Votes));
    }

    private static ProblemHttpResult Problem(string detail, string field) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status400BadRequest, title: "The tally request is not valid",
        extensions: new Dictionary<string, object?> { ["field"] = field });

    private static ProblemHttpResult TooMuch(string detail, string limit) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The election is too large for the public tally",
        extensions: new Dictionary<string, object?> { ["limit"] = limit });
}

internal static partial class TallyLog
{
    [LoggerMessage(LogLevel.Warning, "Public tally with {Rule} stopped after {Seconds} s: {Projects} projects, {Voters} voters")]
    public static partial void TallyStopped(this ILogger logger, string rule, int projects, long voters, double seconds);
}
