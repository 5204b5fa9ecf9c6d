using Participation.Budgeting.Lifecycle;
using Participation.App.Hosting;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// Stemcodes for letters, as a CSV for mail merge (<c>letter,budget,code</c>). Only hashes are stored, so this answer is
/// the one and only copy of the codes: the printer gets it, the platform cannot show it again. Audited with the count,
/// never the codes.
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

    /// <summary>The mail-merge file: its name and its CSV text.</summary>
    public sealed record Letters(string FileName, string Csv);

    public static async Task<Outcome<Letters>> HandleAsync(
        string id, Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        if (request.Count is not (> 0 and <= MaxPerRequest) || request.Count is not { } count)
        {
            return BudgetRefusals.InvalidCodeCount;
        }

        var reserved = await services.Store.ChangeAsync(id, user, snapshot =>
        {
            var budget = snapshot.Budget;
            return Refusal(user, budget, count) is { } refused
                ? (Outcome<BudgetChange>)refused
                : new BudgetChange(budget with { CodesIssued = budget.CodesIssued + count }, "budget.voting-codes-generated", $"codes={budget.CodesIssued}");
        }, cancellationToken);
        if (reserved.Value is not { Budget: var budget })
        {
            return Outcome<Letters>.Refused(reserved.Refusals);
        }

        var codes = await services.Box.GenerateCodesAsync(budget.Id, budget.CodesIssued - count + 1, count, services.Clock.GetUtcNow(), cancellationToken);
        services.Log.CodesGenerated(budget.Id, codes.Count);
        var csv = CsvFile.Write(["letter", "budget", "code"],
            codes.Select(c => new CsvCell[] { CsvCell.Number(c.Letter.ToString(CultureInfo.InvariantCulture)), budget.Id, c.Code }));
        return new Letters($"stemcodes-{budget.Id}.csv", csv);
    }

    /// <summary>Why these codes may not be issued now; null when they may.</summary>
    private static Refusal? Refusal(PlatformUser user, Budget budget, int count) =>
        !BudgetAccess.CanManage(user, budget.Neighbourhood) ? BudgetRefusals.OutOfScope(budget.Neighbourhood)
        : budget.Eligibility != Budget.ByCode ? BudgetRefusals.NotACodeBudget
        : !BudgetLifecycle.IssuesVotingCodes(budget.Phase) ? BudgetRefusals.CodesAfterVotingOpened
        : budget.EligibleVoters is not { } eligible ? BudgetRefusals.EligibleNotSet
        : budget.CodesIssued + count > eligible ? BudgetRefusals.BeyondEligible(eligible, budget.CodesIssued)
        : null;
}
