using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/pb/tally?rule=greedy|mes|mes-complete</c> with a pabulib <c>.pb</c> file as the body: a public tool for
/// councils and researchers to recount any election with the rules this platform uses.
/// </summary>
public static class TallyPabulibFile
{
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public sealed record Response(IReadOnlyList<string> Selected, long Cost, long Budget, string Rule, long Leftover, IReadOnlyDictionary<string, long> Votes);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(HttpRequest request, string? rule, CancellationToken cancellationToken)
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

        string text;
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"The file is larger than {MaxFileBytes / 1024 / 1024} MiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem("Send a pabulib .pb file as the request body.", "body");
        }

        Election election;
        try
        {
            election = PabulibReader.Parse(text).ToElection();
        }
        catch (Exception exception) when (exception is FormatException or KeyNotFoundException or ArgumentException or InvalidOperationException)
        {
            return Problem($"The file is not a valid pabulib file: {exception.Message}", "body");
        }

        var allocation = budgetRule.Select(election, cancellationToken);
        return TypedResults.Ok(new Response(allocation.Selected, allocation.TotalCost, election.Budget, rule.Trim().ToLowerInvariant(), allocation.Leftover, allocation.Votes));
    }

    private static ProblemHttpResult Problem(string detail, string field) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status400BadRequest, title: "The tally request is not valid",
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
