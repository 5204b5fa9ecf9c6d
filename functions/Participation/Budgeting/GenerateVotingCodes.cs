using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/voting-codes</c> with <c>{"count": n}</c>: stemcodes for letters, as CSV for mail merge
/// (<c>letter,budget,code</c>). Only hashes are stored, so this response is the one and only copy of the codes:
/// the printer gets it, the platform cannot show it again. Audited with the count, never the codes.
/// </summary>
public static class GenerateVotingCodes
{
    public const int MaxPerRequest = 20_000;

    public sealed record Request(int? Count);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, BallotBox box, TimeProvider clock, ILogger<BallotBox> logger,
        CancellationToken cancellationToken)
    {
        if (request.Count is not (> 0 and <= MaxPerRequest))
        {
            return BudgetAccess.Invalid("count", $"Ask for 1 to {MaxPerRequest:N0} codes at a time.");
        }

        var user = PlatformUser.From(http.User)!;
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetAccess.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (!BudgetAccess.CanManage(user, budget.Neighbourhood))
        {
            return BudgetAccess.OutOfScope(budget.Neighbourhood);
        }

        if (budget.Eligibility != Budget.ByCode || budget.Phase > BudgetPhase.Voting)
        {
            return BudgetAccess.Conflict("No codes for this budget", budget.Eligibility != Budget.ByCode
                ? "This budget is for signed-in residents; it takes no voting codes."
                : "Voting has closed; new codes would be of no use.");
        }

        var codes = await box.GenerateCodesAsync(budget.Id, request.Count.Value, clock.GetUtcNow(), cancellationToken);
        // Audited through the budget row's ETag like any change; a busy budget just records it on the next try.
        for (var attempt = 0; attempt < 5 && !await store.SaveAsync(budget, user, "budget.voting-codes-generated", $"count={codes.Count}", cancellationToken); attempt++)
        {
            budget = (await store.FindAsync(id, cancellationToken))!.Budget;
        }

        logger.CodesGenerated(budget.Id, codes.Count);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("letter");
            csv.WriteField("budget");
            csv.WriteField("code");
            await csv.NextRecordAsync();
            for (var i = 0; i < codes.Count; i++)
            {
                csv.WriteField(i + 1);
                csv.WriteField(budget.Id);
                csv.WriteField(codes[i]);
                await csv.NextRecordAsync();
            }
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"stemcodes-{budget.Id}.csv");
    }
}
