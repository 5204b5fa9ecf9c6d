using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/voting-codes/replacements</c> with <c>{"letter": n}</c> (admins): a voter whose letter got
/// lost gets a new code for the same letter number — the reference to one address in the mail merge. The old code is
/// voided first, only if it is unused, so one letter never holds two live codes; a used code is not replaced (409).
/// </summary>
/// <remarks>
/// The audit entry is written, in one transaction with the budget row, before the code is voided and the new one made:
/// nothing happens to a code without its entry. If a ballot redeems the old code in the moment between, the void fails,
/// no new code is made and a second entry says so.
/// </remarks>
public static class ReplaceVotingCode
{
    public sealed record Request(int? Letter);

    public sealed record Response(string BudgetId, int Letter, string Code);

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, BallotBox box, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        if (!user.IsIn(Roles.Admin))
        {
            return BudgetAccess.Refuse(StatusCodes.Status403Forbidden, "voting_codes.admin_only", "Administrators only",
                "Only an administrator replaces a voting code.", "Alleen een beheerder vervangt een stemcode.");
        }

        if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetAccess.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (budget.Eligibility != Budget.ByCode || budget.Phase > BudgetPhase.Voting)
        {
            return BudgetAccess.Refuse(StatusCodes.Status409Conflict, "voting_codes.no_replacement", "No replacement now",
                "Codes are replaced only for a budget that votes with codes, until voting closes.",
                "Een stemcode wordt alleen vervangen bij een begroting met stemcodes, tot het stemmen sluit.");
        }

        if (request.Letter is not { } letter || letter < 1 || letter > budget.CodesIssued)
        {
            return BudgetAccess.Invalid("letter", $"Give the letter number (1 to {budget.CodesIssued:N0}) from the mail-merge list.");
        }

        if (await box.FindCodeOfLetterAsync(budget.Id, letter, cancellationToken) is not { } old)
        {
            return BudgetAccess.Refuse(StatusCodes.Status404NotFound, "voting_codes.unknown_letter", "No code for this letter",
                $"No code is issued for letter {letter}.", $"Voor brief {letter} is geen code uitgegeven.");
        }

        if (old.Redeemed)
        {
            return AlreadyUsed(letter);
        }

        var audited = false;
        for (var attempt = 0; attempt < 5 && !audited; attempt++)
        {
            audited = await store.SaveAsync(budget, user, "budget.voting-code-replaced", $"letter={letter}", cancellationToken);
            if (!audited)
            {
                budget = (await store.FindAsync(id, cancellationToken))!.Budget;
            }
        }

        if (!audited)
        {
            return BudgetAccess.Busy();
        }

        if (!await box.VoidCodeAsync(old, cancellationToken))
        {
            var current = (await store.FindAsync(id, cancellationToken))!.Budget;
            await store.SaveAsync(current, user, "budget.voting-code-replacement-failed", $"letter={letter}; the old code was used meanwhile", cancellationToken);
            return AlreadyUsed(letter);
        }

        var (_, code) = (await box.GenerateCodesAsync(budget.Id, letter, 1, clock.GetUtcNow(), cancellationToken))[0];
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new Response(budget.Id, letter, code));
    }

    private static ProblemHttpResult AlreadyUsed(int letter) => BudgetAccess.Refuse(StatusCodes.Status409Conflict, "voting_codes.already_used",
        "Code already used", $"The code of letter {letter} has been used to vote; it is not replaced.",
        $"Met de code van brief {letter} is al gestemd; die wordt niet vervangen.");
}
