using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/paper-ballots</c> with a CSV body <c>code,projects[,points]</c> (projects and points
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

    public abstract record Outcome;
    public sealed record Uploaded(Response Batch) : Outcome;
    public sealed record Refused(BudgetRefusal Why) : Outcome;

    public static async Task<Results<Accepted<Response>, ProblemHttpResult>> HandleAsync(
        string id, HttpRequest request, BudgetStore store, PaperBallotBatches batches, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !string.Equals(mediaType.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return BudgetAccess.Refuse(StatusCodes.Status415UnsupportedMediaType, "paper_ballots.not_csv", "Paper ballots come as CSV",
                "Send the paper ballots as text/csv (header code,projects[,points]).",
                "Stuur de papieren stembiljetten als text/csv (kopregel code,projects[,points]).");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var user = PlatformUser.From(request.HttpContext.User)!;
        return await UploadAsync(id, user, request.Body, store, batches, clock, cancellationToken) switch
        {
            Uploaded uploaded => TypedResults.Accepted($"/api/budgets/{id}/paper-ballots/{uploaded.Batch.BatchId}", uploaded.Batch),
            Refused refused => refused.Why.ToProblem(),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary><c>GET /api/budgets/{id}/paper-ballots</c>: the budget's batches, newest first, with who uploaded and who confirmed.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PaperBatch>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, BudgetStore store, PaperBallotBatches batches, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetAccess.NotFound(id);
        }

        return BudgetAccess.CanManage(user, snapshot.Budget.Neighbourhood)
            ? TypedResults.Ok(await batches.ListAsync(id, cancellationToken))
            : BudgetAccess.OutOfScope(snapshot.Budget.Neighbourhood);
    }

    /// <summary>Reads, checks and stores a batch as pending; the API and the back-office page both come here.</summary>
    public static async Task<Outcome> UploadAsync(
        string id, PlatformUser user, Stream csvBody, BudgetStore store, PaperBallotBatches batches, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return new Refused(new BudgetRefusal(StatusCodes.Status404NotFound, "budget.not_found", "Budget not found",
                $"There is no budget '{id}'.", $"Er is geen begroting '{id}'."));
        }

        var budget = snapshot.Budget;
        if (Refusal(user, budget) is { } refused)
        {
            return new Refused(refused);
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
                return BadCsv("Send CSV with the header code,projects (and points for a cumulative ballot).",
                    "Stuur CSV met de kopregel code,projects (en points bij een puntenverdeling).");
            }

            while (await csv.ReadAsync() && raw.Count <= MaxRows)
            {
                raw.Add((csv.Parser.RawRow, csv.GetField("code"), csv.GetField("projects") ?? "", csv.GetField("points")));
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Refused(new BudgetRefusal(StatusCodes.Status413PayloadTooLarge, "paper_ballots.too_large", "File too large",
                $"Send at most {MaxBodyBytes / 1024 / 1024} MiB of paper ballots per file.", $"Stuur hooguit {MaxBodyBytes / 1024 / 1024} MiB aan stembiljetten per bestand."));
        }
        catch (CsvHelperException exception)
        {
            return BadCsv($"The CSV cannot be read: {exception.Message.Split('\n')[0]}", "Het CSV-bestand is niet te lezen.");
        }

        if (raw.Count > MaxRows)
        {
            return BadCsv($"Send at most {MaxRows:N0} ballots per file.", $"Stuur hooguit {MaxRows:N0} stembiljetten per bestand.");
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

        var batch = new PaperBatch(PaperBallotBatches.NewId(), PaperBatch.Pending, user.Id, clock.GetUtcNow(), rows.Count, rejected.Count, duplicates.Count,
            null, null, null, [], []);
        await batches.WriteRowsAsync(budget.Id, batch.BatchId, rows, cancellationToken);
        if (!await store.CommitAsync(budget.Id, user, "budget.paper-ballots-uploaded", null,
                $"batch={batch.BatchId}; rows={rows.Count}; duplicates={duplicates.Count}; rejected={rejected.Count}",
                [PaperBallotBatches.Header(budget.Id, batch)], cancellationToken))
        {
            throw new InvalidOperationException("A fresh batch id was taken.");
        }

        return new Uploaded(new Response(batch.BatchId, batch.Status, rows.Count, duplicates, rejected));
    }

    /// <summary>Why this user may not enter or confirm paper ballots for this budget now; null when they may.</summary>
    public static BudgetRefusal? Refusal(PlatformUser user, Budget budget)
    {
        if (!BudgetAccess.CanManage(user, budget.Neighbourhood))
        {
            return new BudgetRefusal(StatusCodes.Status403Forbidden, "budget.out_of_scope", "Not your neighbourhood",
                $"You do not manage budgets of '{budget.Neighbourhood}'.", $"U beheert geen begrotingen van '{budget.Neighbourhood}'.");
        }

        return budget.Eligibility != Budget.ByCode || budget.Phase is not (BudgetPhase.Voting or BudgetPhase.Counting)
            ? new BudgetRefusal(StatusCodes.Status409Conflict, "paper_ballots.not_open", "Not taking paper ballots",
                "Paper ballots are entered during voting or counting, for budgets that vote with voting codes.",
                "Papieren stembiljetten worden ingevoerd tijdens het stemmen of tellen, bij begrotingen met stemcodes.")
            : null;
    }

    private static Refused BadCsv(string english, string dutch) =>
        new(new BudgetRefusal(StatusCodes.Status400BadRequest, "paper_ballots.bad_csv", "The CSV cannot be used", english, dutch));
}
