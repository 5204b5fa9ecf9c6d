using CsvHelper;
using CsvHelper.Configuration;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// A CSV of <c>code,projects[,points]</c> (projects and points
/// comma-separated within their cell): an official enters the paper ballots that came back by post. Nothing is counted
/// yet: the batch is stored as pending (202) until another official of the neighbourhood, or an administrator,
/// confirms it (<see cref="ConfirmPaperBallots"/>) — one official alone cannot put ballots in the count.
/// </summary>
/// <remarks>
/// On upload each row is checked against the ballot rule and the file's own repeats; rows that fail are reported and
/// not stored. Whether a code is this budget's, still unused, or already voted online is decided when the batch is
/// counted, by the same once-only insert as every ballot: a code counts once, whatever batches or online votes race it.
/// </remarks>
public static class ImportPaperBallots
{
    public const int MaxRows = 50_000;

    // 50,000 rows of a code and a few project ids, with room for points: far above the API's 64 KiB default.
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The batch as stored (pending), and the lines it left out: repeats of a code in the file, rows that break the rule.</summary>
    public sealed record Response(string BatchId, string Status, int Rows, IReadOnlyList<int> Duplicates, IReadOnlyList<PaperBatch.LineProblem> Rejected);

    /// <summary>The budget's batches, newest first, with who uploaded and who confirmed.</summary>
    public static async Task<Outcome<IReadOnlyList<PaperBatch>>> ListAsync(string id, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetRefusals.NotFound(id);
        }

        return BudgetAccess.CanManage(user, snapshot.Budget.Neighbourhood)
            ? Outcome<IReadOnlyList<PaperBatch>>.Success(await services.Batches.ListAsync(id, cancellationToken))
            : BudgetRefusals.OutOfScope(snapshot.Budget.Neighbourhood);
    }

    /// <summary>Reads, checks and stores a batch as pending; the API and the back-office page both come here.</summary>
    public static async Task<Outcome<Response>> HandleAsync(
        string id, PlatformUser user, Stream csvBody, BudgetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetRefusals.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (Refusal(user, budget) is { } refused)
        {
            return refused;
        }

        List<(int Line, string? Code, string Projects, string? Points)> raw = [];
        try
        {
            using var reader = new StreamReader(csvBody);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null });
            await csv.ReadAsync();
            csv.ReadHeader();
            if (csv.HeaderRecord is null || !csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).Contains("code") || !csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).Contains("projects"))
            {
                return BudgetRefusals.PaperHeaderMissing;
            }

            while (await csv.ReadAsync() && raw.Count <= MaxRows)
            {
                raw.Add((csv.Parser.RawRow, csv.GetField("code"), csv.GetField("projects") ?? "", csv.GetField("points")));
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BudgetRefusals.PaperTooLarge;
        }
        catch (CsvHelperException exception)
        {
            return BudgetRefusals.PaperUnreadable(exception.Message.Split('\n')[0]);
        }

        if (raw.Count > MaxRows)
        {
            return BudgetRefusals.PaperTooManyRows;
        }

        var rule = budget.Rules!.BallotRule(budget.Amount, budget.Currency);
        var (rows, duplicates, rejected) = (new List<PaperRow>(), new List<int>(), new List<PaperBatch.LineProblem>());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, rawCode, projects, points) in raw)
        {
            var ids = projects.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            CastBallot.Request ballotRequest;
            try
            {
                ballotRequest = budget.Rules.VoteType == BallotSettings.Cumulative
                    ? new CastBallot.Request(rawCode, null, ids.Zip((points ?? "").Split(',', StringSplitOptions.TrimEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture)))
                        .ToDictionary(p => p.First, p => p.Second))
                    : new CastBallot.Request(rawCode, ids, null);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
            {
                rejected.Add(new PaperBatch.LineProblem(line, "The points are not whole numbers, one per project."));
                continue;
            }

            if (VotingCodes.Normalise(rawCode) is not { } code)
            {
                rejected.Add(new PaperBatch.LineProblem(line, "No valid voting code."));
                continue;
            }

            if (CastBallot.Read(ballotRequest, budget.Rules) is not { } ballot)
            {
                rejected.Add(new PaperBatch.LineProblem(line, "No projects chosen."));
                continue;
            }

            if (rule.Check(ballot, snapshot.BallotProjects) is { } broken)
            {
                rejected.Add(new PaperBatch.LineProblem(line, broken.English));
                continue;
            }

            if (!seen.Add(code))
            {
                duplicates.Add(line);
                continue;
            }

            rows.Add(new PaperRow(line, code, ballot.Projects, ballot.Points));
        }

        var batch = new PaperBatch(PaperBallotBatches.NewId(), PaperBatch.Pending, user.Id, services.Clock.GetUtcNow(), rows.Count, rejected.Count, duplicates.Count,
            null, null, null, [], []);
        await services.Batches.WriteRowsAsync(budget.Id, batch.BatchId, rows, cancellationToken);
        if (!await services.Batches.AddAsync(budget.Id, batch, user,
                $"batch={batch.BatchId}; rows={rows.Count}; duplicates={duplicates.Count}; rejected={rejected.Count}", cancellationToken))
        {
            throw new InvalidOperationException("A fresh batch id was taken.");
        }

        return new Response(batch.BatchId, batch.Status, rows.Count, duplicates, rejected);
    }

    /// <summary>Why this user may not enter or confirm paper ballots for this budget now; null when they may.</summary>
    public static Refusal? Refusal(PlatformUser user, Budget budget) =>
        !BudgetAccess.CanManage(user, budget.Neighbourhood) ? BudgetRefusals.OutOfScope(budget.Neighbourhood)
        : budget.Eligibility != Budget.ByCode || !BudgetLifecycle.AcceptsPaperBallots(budget.Phase) ? BudgetRefusals.PaperNotOpen
        : null;
}
