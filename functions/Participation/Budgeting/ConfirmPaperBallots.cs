using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/paper-ballots/{batchId}/confirm</c>: a second official of the neighbourhood, or an
/// administrator, confirms a pending batch and its ballots count (200). The official who uploaded it cannot (403).
/// </summary>
/// <remarks>
/// Counted once, whatever happens: the confirmation commits with its audit entry under the header's ETag, so of two
/// racing confirmations one wins; then every row is cast as a paper ballot by the ballot box's once-only insert, the
/// ballot marked with its batch. Confirming again — after a crash halfway, or a second click — casts the same rows and
/// finds its own ballots already there: they count as this batch's, not twice. A code voted online, or counted by
/// another batch, meanwhile is a duplicate; a code voided or not of this budget is rejected.
/// </remarks>
public static class ConfirmPaperBallots
{
    public sealed record Response(string BatchId, string Status, int Imported, IReadOnlyList<int> Duplicates, IReadOnlyList<PaperBatch.LineProblem> Rejected);

    public abstract record Outcome;
    public sealed record Counted(Response Batch) : Outcome;
    public sealed record Refused(BudgetRefusal Why) : Outcome;

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        string id, string batchId, HttpContext http, BudgetStore store, PaperBallotBatches batches, BallotBox box, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await ConfirmAsync(id, batchId, PlatformUser.From(http.User)!, store, batches, box, clock, cancellationToken) switch
        {
            Counted counted => TypedResults.Ok(counted.Batch),
            Refused refused => refused.Why.ToProblem(),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };

    public static async Task<Outcome> ConfirmAsync(
        string id, string batchId, PlatformUser user, BudgetStore store, PaperBallotBatches batches, BallotBox box, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot || await batches.FindAsync(id, batchId, cancellationToken) is not { } batch)
        {
            return new Refused(new BudgetRefusal(StatusCodes.Status404NotFound, "paper_ballots.not_found", "Batch not found",
                $"There is no batch '{batchId}' of paper ballots in budget '{id}'.", $"Er is geen stapel '{batchId}' papieren stembiljetten bij begroting '{id}'."));
        }

        var budget = snapshot.Budget;
        if (!BudgetAccess.CanManage(user, budget.Neighbourhood))
        {
            return new Refused(ImportPaperBallots.Refusal(user, budget)!);
        }

        if (batch.UploadedBy == user.Id)
        {
            return new Refused(new BudgetRefusal(StatusCodes.Status403Forbidden, "paper_ballots.same_official", "A second person confirms",
                "You uploaded this batch; another official of the neighbourhood or an administrator confirms it.",
                "U heeft deze stapel ingevoerd; een andere medewerker van de buurt of een beheerder bevestigt hem."));
        }

        if (batch.Status == PaperBatch.Counted)
        {
            return new Counted(new Response(batch.BatchId, batch.Status, batch.Imported ?? 0, batch.Duplicates, batch.Rejected));
        }

        if (ImportPaperBallots.Refusal(user, budget) is { } closed)
        {
            return new Refused(closed);
        }

        var now = clock.GetUtcNow();
        if (batch.Status == PaperBatch.Pending &&
            !await store.CommitAsync(id, user, "budget.paper-ballots-confirmed", $"batch={batch.BatchId}; uploaded-by={batch.UploadedBy}", $"rows={batch.Rows}",
                [PaperBallotBatches.Confirm(id, batch, user.Id, now)], cancellationToken))
        {
            // Another confirmation won: count along with it (the casts are idempotent), or serve its result.
            batch = (await batches.FindAsync(id, batchId, cancellationToken))!;
            if (batch.Status == PaperBatch.Counted)
            {
                return new Counted(new Response(batch.BatchId, batch.Status, batch.Imported ?? 0, batch.Duplicates, batch.Rejected));
            }

            // Never count a batch whose confirmation is not on record.
            if (batch.Status != PaperBatch.Confirmed)
            {
                return new Refused(new BudgetRefusal(StatusCodes.Status409Conflict, "paper_ballots.busy", "Changed meanwhile",
                    "The batch changed while you confirmed it; try again.", "De stapel veranderde terwijl u bevestigde; probeer het opnieuw."));
            }
        }

        var (imported, duplicates, rejected) = (0, new ConcurrentBag<int>(), new ConcurrentBag<PaperBatch.LineProblem>());
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
                default:
                    duplicates.Add(row.Line);
                    break;
            }
        });

        var result = new Response(batchId, PaperBatch.Counted, imported, duplicates.Order().ToList(), rejected.OrderBy(r => r.Line).ToList());
        var current = (await batches.FindAsync(id, batchId, cancellationToken))!;
        if (current.Status != PaperBatch.Counted)
        {
            await store.CommitAsync(id, user, "budget.paper-ballots-counted", $"batch={batchId}",
                $"imported={imported}; duplicates={result.Duplicates.Count}; rejected={result.Rejected.Count}",
                [PaperBallotBatches.Counted(id, current, imported, result.Duplicates, result.Rejected), BudgetStore.BallotsChanged(id, now)], cancellationToken);
        }

        return new Counted(result);
    }
}
