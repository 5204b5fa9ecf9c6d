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
/// <remarks>
/// Codes are issued only before voting opens and never beyond the budget's eligible voters: an official who could mint
/// codes while ballots come in could vote with them. The count is reserved on the budget row, with its audit entry, in
/// one transaction under the row's ETag before any code exists — two officials generating at once cannot pass the cap
/// together, and no code exists without the audit entry that announced it. (Should writing the codes fail after that,
/// the reservation stands: fewer codes exist than the trail says, never more.)
/// </remarks>
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
        Budget? reserved = null;
        var firstLetter = 0;
        for (var attempt = 0; attempt < 5 && reserved is null; attempt++)
        {
            if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
            {
                return BudgetAccess.NotFound(id);
            }

            var budget = snapshot.Budget;
            if (Refusal(user, budget, request.Count.Value) is { } refused)
            {
                return refused;
            }

            var changed = budget with { CodesIssued = budget.CodesIssued + request.Count.Value };
            if (await store.SaveAsync(changed, user, "budget.voting-codes-generated", $"codes={budget.CodesIssued}", cancellationToken))
            {
                (reserved, firstLetter) = (changed, budget.CodesIssued + 1);
            }
        }

        if (reserved is null)
        {
            return BudgetAccess.Busy();
        }

        var codes = await box.GenerateCodesAsync(reserved.Id, firstLetter, request.Count.Value, clock.GetUtcNow(), cancellationToken);
        logger.CodesGenerated(reserved.Id, codes.Count);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("letter");
            csv.WriteField("budget");
            csv.WriteField("code");
            await csv.NextRecordAsync();
            foreach (var (letter, code) in codes)
            {
                csv.WriteField(letter);
                csv.WriteField(reserved.Id);
                csv.WriteField(code);
                await csv.NextRecordAsync();
            }
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"stemcodes-{reserved.Id}.csv");
    }

    /// <summary>Why these codes may not be issued now; null when they may.</summary>
    private static ProblemHttpResult? Refusal(PlatformUser user, Budget budget, int count)
    {
        if (!BudgetAccess.CanManage(user, budget.Neighbourhood))
        {
            return BudgetAccess.OutOfScope(budget.Neighbourhood);
        }

        if (budget.Eligibility != Budget.ByCode)
        {
            return BudgetAccess.Refuse(StatusCodes.Status409Conflict, "voting_codes.not_a_code_budget", "No codes for this budget",
                "This budget is for signed-in residents; it takes no voting codes.",
                "Bij deze begroting stemmen ingelogde bewoners; er horen geen stemcodes bij.");
        }

        if (budget.Phase >= BudgetPhase.Voting)
        {
            return BudgetAccess.Refuse(StatusCodes.Status409Conflict, "voting_codes.voting_opened", "Voting has opened",
                "Voting codes are generated before voting opens. A voter who lost their letter gets a replacement code from an administrator.",
                "Stemcodes worden aangemaakt voordat het stemmen begint. Wie de brief kwijt is, krijgt een vervangende code van een beheerder.");
        }

        if (budget.EligibleVoters is not { } eligible)
        {
            return BudgetAccess.Refuse(StatusCodes.Status422UnprocessableEntity, "voting_codes.eligible_not_set", "Number of eligible voters not set",
                "Set the number of eligible voters of this budget first (PUT …/eligible-voters); codes are issued up to that number.",
                "Stel eerst het aantal stemgerechtigden van deze begroting in; er worden hooguit zoveel codes uitgegeven.");
        }

        if (budget.CodesIssued + count > eligible)
        {
            return BudgetAccess.Refuse(StatusCodes.Status422UnprocessableEntity, "voting_codes.beyond_eligible", "More codes than eligible voters",
                $"This budget has {eligible:N0} eligible voters and {budget.CodesIssued:N0} codes issued: at most {eligible - budget.CodesIssued:N0} more.",
                $"Deze begroting heeft {eligible:N0} stemgerechtigden en {budget.CodesIssued:N0} uitgegeven codes: er kunnen er nog hooguit {eligible - budget.CodesIssued:N0} bij.");
        }

        return null;
    }
}
