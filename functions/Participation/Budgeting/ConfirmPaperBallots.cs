using System.Collections.Concurrent;
using Participation.Budgeting;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Budgeting;

/// <summary>
/// A second official of the neighbourhood, or an
/// administrator, confirms a pending batch and its ballots count. The official who uploaded it cannot.
/// </summary>
/// <remarks>
/// Counted once, whatever happens: the confirmation commits with its audit entry under the header's ETag, so of two
/// racing confirmations one wins; then every row is cast as a paper ballot by the ballot box's once-only insert, the
/// ballot marked with its batch. Confirming again — after a crash halfway, or a second click — casts the same rows and
/// finds its own ballots already there: they count as this batch's, not twice. A code voted online, or counted by
/// another batch, meanwhile is a duplicate — the latter once that batch is settled, so that a vote is never left out of
/// both batches — and a code voided or not of this budget is rejected.
/// A batch and the results exclude each other: it is marked counted under the budget row's ETag, read while the budget
/// still took paper ballots, so a phase move saved while it was being counted wins and the batch is refused (409), and
/// until it is marked no count holds any of its ballots (<see cref="BallotBox.ReadAllAsync"/>). Wholly in, or not at all.
/// </remarks>
public static class ConfirmPaperBallots
{
    public sealed record Response(string BatchId, string Status, int Imported, IReadOnlyList<int> Duplicates, IReadOnlyList<PaperBatch.LineProblem> Rejected);

    public static async Task<Outcome<Response>> HandleAsync(
        string id, string batchId, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        var (store, batches, box) = (services.Store, services.Batches, services.Box);
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot || await batches.FindAsync(id, batchId, cancellationToken) is not { } batch)
        {
            return BudgetRefusals.BatchNotFound(id, batchId);
        }

        var budget = snapshot.Budget;
        if (!BudgetAccess.CanManage(user, budget.Neighbourhood))
        {
            return BudgetRefusals.OutOfScope(budget.Neighbourhood);
        }

        if (batch.UploadedBy == user.Id)
        {
            return BudgetRefusals.SameOfficial;
        }

        if (batch.Status == PaperBatch.Counted)
        {
            return new Response(batch.BatchId, batch.Status, batch.Imported ?? 0, batch.Duplicates, batch.Rejected);
        }

        if (batch.Status == PaperBatch.Refused)
        {
            return BudgetRefusals.PaperTooLate;
        }

        if (ImportPaperBallots.Refusal(user, budget) is { } closed)
        {
            // Confirmed before the results moved on but never counted: refused on record, so nobody waits for it.
            return batch.Status == PaperBatch.Confirmed && await batches.RefuseAsync(id, batch, user, budget.Phase.ToWireName(), cancellationToken)
                ? BudgetRefusals.PaperTooLate
                : closed;
        }

        var now = services.Clock.GetUtcNow();
        if (batch.Status == PaperBatch.Pending && !await batches.ConfirmAsync(id, batch, user, now, cancellationToken))
        {
            // Another confirmation won: count along with it (the casts are idempotent), or serve its result.
            batch = (await batches.FindAsync(id, batchId, cancellationToken))!;
            if (batch.Status == PaperBatch.Counted)
            {
                return new Response(batch.BatchId, batch.Status, batch.Imported ?? 0, batch.Duplicates, batch.Rejected);
            }

            // Never count a batch whose confirmation is not on record.
            if (batch.Status != PaperBatch.Confirmed)
            {
                return BudgetRefusals.BatchBusy;
            }
        }

        var (imported, duplicates, rejected) = (0, new ConcurrentBag<int>(), new ConcurrentBag<PaperBatch.LineProblem>());
        var heldElsewhere = new ConcurrentDictionary<string, byte>();
        var rows = await batches.ReadRowsAsync(id, batchId, cancellationToken);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, token) =>
        {
            switch (await box.CastAsync(box.ForCode(id, row.Code), row.Ballot, null, paper: true, now, token, batch: batchId))
            {
                case BallotBox.Stored:
                case BallotBox.AlreadyOnPaper paper when paper.Batch == batchId:
                    Interlocked.Increment(ref imported);
                    break;
                case BallotBox.UnknownCode:
                    rejected.Add(new PaperBatch.LineProblem(row.Line, "This voting code is not one of this budget's, or it was replaced."));
                    break;
                case BallotBox.AlreadyOnPaper { Batch: { } other }:
                    heldElsewhere.TryAdd(other, 0);
                    duplicates.Add(row.Line);
                    break;
                default:
                    duplicates.Add(row.Line);
                    break;
            }
        });

        // A line is a duplicate of another batch only once that batch is settled: were it refused later, the vote would
        // count in neither. So wait for it; its fate is then this batch's too (a refusal means the results moved on).
        foreach (var other in heldElsewhere.Keys)
        {
            if (!await SettledAsync(batches, id, other, cancellationToken))
            {
                return BudgetRefusals.CodesHeldByBatch(other);
            }
        }

        var result = new Response(batchId, PaperBatch.Counted, imported, duplicates.Order().ToList(), rejected.OrderBy(r => r.Line).ToList());
        Outcome<Response> counted = result, tooLate = BudgetRefusals.PaperTooLate;
        return await OptimisticConcurrency.RetryAsync<Outcome<Response>>(async token =>
        {
            var current = (await batches.FindAsync(id, batchId, token))!;
            if (current.Status != PaperBatch.Confirmed)
            {
                return current.Status == PaperBatch.Counted ? counted : tooLate;
            }

            // Read the budget itself, not the ballot path's cache: the count must see a phase move saved a moment ago.
            var budgetNow = (await store.FindAsync(id, token))!.Budget;
            if (!BudgetLifecycle.AcceptsPaperBallots(budgetNow.Phase))
            {
                return await batches.RefuseAsync(id, current, user, budgetNow.Phase.ToWireName(), token)
                    ? tooLate
                    : Attempt<Outcome<Response>>.Conflict;
            }

            return await batches.MarkCountedAsync(id, budgetNow.Version, current, user, imported, result.Duplicates, result.Rejected, now, token)
                ? counted
                : Attempt<Outcome<Response>>.Conflict;
        }, () => BudgetRefusals.BatchBusy, cancellationToken);
    }

    /// <summary>Another batch's count takes seconds; one stuck longer was cut off and waits for its own confirmation again.</summary>
    private static async Task<bool> SettledAsync(PaperBallotBatches batches, string id, string batchId, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < SettleWait; waited += SettlePoll)
        {
            if (await batches.FindAsync(id, batchId, cancellationToken) is not { Status: PaperBatch.Confirmed })
            {
                return true;
            }

            await Task.Delay(SettlePoll, cancellationToken);
        }

        return false;
    }

    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(15), SettlePoll = TimeSpan.FromMilliseconds(250);
}
