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
/// comma-separated within their cell): an official enters the paper ballots that came back by post. Each paper ballot
/// carries its letter's voting code, so it lands on the same voter key as an online vote with that code: a code that
/// already voted (online or on paper, in this file or before) is reported as a duplicate and not counted twice.
/// </summary>
public static class ImportPaperBallots
{
    public const int MaxRows = 50_000;

    // 50,000 rows of a code and a few project ids, with room for points: far above the API's 64 KiB default.
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public sealed record LineProblem(int Line, string Reason);

    public sealed record Response(int Imported, IReadOnlyList<int> Duplicates, IReadOnlyList<LineProblem> Rejected);

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, HttpRequest request, BudgetStore store, BallotBox box, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(request.HttpContext.User)!;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !string.Equals(mediaType.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the paper ballots as text/csv (header code,projects[,points]).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Paper ballots come as CSV");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetAccess.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (!BudgetAccess.CanManage(user, budget.Neighbourhood))
        {
            return BudgetAccess.OutOfScope(budget.Neighbourhood);
        }

        if (budget.Eligibility != Budget.ByCode || budget.Phase is not (BudgetPhase.Voting or BudgetPhase.Counting))
        {
            return BudgetAccess.Conflict("Not taking paper ballots",
                "Paper ballots are entered during voting or counting, for budgets that vote with voting codes.");
        }

        List<(int Line, string? Code, string Projects, string? Points)> rows = [];
        try
        {
            using var reader = new StreamReader(request.Body);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null });
            await csv.ReadAsync();
            csv.ReadHeader();
            if (csv.HeaderRecord is null || !csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).Contains("code") || !csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).Contains("projects"))
            {
                return BudgetAccess.Invalid("body", "Send CSV with the header code,projects (and points for a cumulative ballot).");
            }

            while (await csv.ReadAsync() && rows.Count <= MaxRows)
            {
                rows.Add((csv.Parser.RawRow, csv.GetField("code"), csv.GetField("projects") ?? "", csv.GetField("points")));
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"Send at most {MaxBodyBytes / 1024 / 1024} MiB of paper ballots per file.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
        }
        catch (CsvHelperException exception)
        {
            return BudgetAccess.Invalid("body", $"The CSV cannot be read: {exception.Message.Split('\n')[0]}");
        }

        if (rows.Count > MaxRows)
        {
            return BudgetAccess.Invalid("body", $"Send at most {MaxRows:N0} ballots per file.");
        }

        var rule = budget.Rules!.BallotRule(budget.Amount, budget.Currency);
        var (imported, duplicates, rejected) = (0, new List<int>(), new List<LineProblem>());
        var now = clock.GetUtcNow();
        foreach (var (line, rawCode, projects, points) in rows)
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
                rejected.Add(new LineProblem(line, "The points are not whole numbers, one per project."));
                continue;
            }

            if (VotingCodes.Normalise(rawCode) is not { } code)
            {
                rejected.Add(new LineProblem(line, "No valid voting code."));
                continue;
            }

            if (CastBallot.Read(ballotRequest, budget.Rules) is not { } ballot)
            {
                rejected.Add(new LineProblem(line, "No projects chosen."));
                continue;
            }

            if (rule.Check(ballot, snapshot.BallotProjects) is { } broken)
            {
                rejected.Add(new LineProblem(line, broken.English));
                continue;
            }

            switch (await box.CastAsync(box.ForCode(budget.Id, code), ballot, null, paper: true, now, cancellationToken))
            {
                case BallotBox.Stored:
                    imported++;
                    break;
                case BallotBox.UnknownCode:
                    rejected.Add(new LineProblem(line, "This voting code is not one of this budget's."));
                    break;
                default:
                    duplicates.Add(line);
                    break;
            }
        }

        for (var attempt = 0; attempt < 5 && !await store.SaveAsync(budget, user, "budget.paper-ballots-imported",
                 $"imported={imported}; duplicates={duplicates.Count}; rejected={rejected.Count}", cancellationToken); attempt++)
        {
            budget = (await store.FindAsync(id, cancellationToken))!.Budget;
        }

        return TypedResults.Ok(new Response(imported, duplicates, rejected));
    }
}
