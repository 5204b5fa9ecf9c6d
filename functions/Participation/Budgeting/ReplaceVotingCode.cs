using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// An administrator gives a voter whose letter got lost a new code for the same letter number — the reference to one
/// address in the mail merge. The old code is voided first, only if it is unused, so one letter never holds two live
/// codes; a used code is not replaced.
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

    public static async Task<Outcome<Response>> HandleAsync(
        string id, Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        if (!user.IsIn(Roles.Admin))
        {
            return BudgetRefusals.ReplacementAdminOnly;
        }

        if (await services.Store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetRefusals.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (budget.Eligibility != Budget.ByCode || !BudgetLifecycle.ReplacesVotingCodes(budget.Phase))
        {
            return BudgetRefusals.NoReplacementNow;
        }

        if (request.Letter is not { } letter || letter < 1 || letter > budget.CodesIssued)
        {
            return BudgetRefusals.InvalidLetter(budget.CodesIssued);
        }

        if (await services.Box.FindCodeOfLetterAsync(budget.Id, letter, cancellationToken) is not { } old)
        {
            return BudgetRefusals.UnknownLetter(letter);
        }

        if (old.Redeemed)
        {
            return BudgetRefusals.CodeAlreadyUsed(letter);
        }

        var audited = await AuditAsync(id, user, "budget.voting-code-replaced", $"letter={letter}", services.Store, cancellationToken);
        if (!audited.Succeeded)
        {
            return Outcome<Response>.Refused(audited.Refusals);
        }

        if (!await services.Box.VoidCodeAsync(old, cancellationToken))
        {
            await AuditAsync(id, user, "budget.voting-code-replacement-failed", $"letter={letter}; the old code was used meanwhile", services.Store, cancellationToken);
            return BudgetRefusals.CodeAlreadyUsed(letter);
        }

        var (_, code) = (await services.Box.GenerateCodesAsync(budget.Id, letter, 1, services.Clock.GetUtcNow(), cancellationToken))[0];
        return new Response(budget.Id, letter, code);
    }

    /// <summary>An audit entry on the budget row, which stays as it is: written under its ETag like every change.</summary>
    private static Task<Outcome<BudgetSnapshot>> AuditAsync(
        string id, PlatformUser user, string action, string before, BudgetStore store, CancellationToken cancellationToken) =>
        store.ChangeAsync(id, user, snapshot => new BudgetChange(snapshot.Budget, action, before), cancellationToken);
}
