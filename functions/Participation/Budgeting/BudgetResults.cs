using System.Text.Json;
using Participation.Budgeting.Explanations;
using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting.Rules;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// The results (from counting on) and the ballots file (once results are out): the count under the frozen outcome rule — funded projects, cost, leftover, votes and a plain-language
/// explanation per project — and the anonymised ballots with the outcome as a pabulib file anyone can recount.
/// </summary>
public static class BudgetResults
{
    public sealed record ProjectResult(string Id, string Title, long Cost, long Votes, bool Funded, string English, string Dutch);

    public sealed record Response(
        string BudgetId, string Phase, string Rule, long Budget, IReadOnlyList<string> Funded, long Cost, long Leftover,
        long Ballots, long PaperBallots, IReadOnlyList<ProjectResult> Projects);

    /// <summary>A pabulib file: its name and text.</summary>
    public sealed record PabulibExport(string FileName, string Text);

    public static async Task<Outcome<Response>> HandleAsync(string id, BudgetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetRefusals.NotFound(id);
        }

        return await ReadAsync(snapshot, services.Store, services.Box, services.Clock, cancellationToken) is { } results
            ? results
            : BudgetRefusals.NotCounted;
    }

    /// <summary>
    /// The results of a budget from counting on (null before): counted once per change of the budget — a phase change,
    /// a batch of paper ballots — stored in its partition, and served from there until the budget changes again.
    /// A count is stored only once the change has settled on every instance (<see cref="BudgetStore.SettledAfter"/>),
    /// so a ballot that was still on its way when voting closed is never left out of a stored result.
    /// </summary>
    public static async Task<Response?> ReadAsync(
        BudgetSnapshot snapshot, BudgetStore store, BallotBox box, TimeProvider clock, CancellationToken cancellationToken)
    {
        var budget = snapshot.Budget;
        if (!BudgetLifecycle.HasResults(budget.Phase))
        {
            return null;
        }

        if (await store.FindResultAsync(budget.Id, cancellationToken) is { } stored && stored.CountedVersion == budget.Version)
        {
            return JsonSerializer.Deserialize<Response>(stored.Json)!;
        }

        var (election, allocation, ballots) = await CountAsync(snapshot, box, cancellationToken);
        var explained = OutcomeExplanations.Explain(election, allocation).ToDictionary(e => e.ProjectId);
        var projects = snapshot.Projects.Select(p => new ProjectResult(p.Id, p.Title, p.Cost, allocation.Votes.GetValueOrDefault(p.Id),
            allocation.IsSelected(p.Id), explained[p.Id].English, explained[p.Id].Dutch)).ToList();
        var results = new Response(budget.Id, budget.Phase.ToWireName(), allocation.Rule, election.Budget,
            allocation.Selected, allocation.TotalCost, allocation.Leftover, ballots.Count, ballots.Count(b => b.Paper), projects);
        if (budget.ChangedAt is { } changed && clock.GetUtcNow() - changed > BudgetStore.SettledAfter)
        {
            await store.SaveResultAsync(budget.Id, budget.Version, JsonSerializer.Serialize(results), cancellationToken);
        }
        return results;
    }

    public static async Task<Outcome<PabulibExport>> ExportAsync(string id, BudgetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetRefusals.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (!BudgetLifecycle.ResultsPublished(budget.Phase))
        {
            return BudgetRefusals.NotFinished;
        }

        var (election, allocation, _) = await CountAsync(snapshot, services.Box, cancellationToken);
        var rules = budget.Rules!;
        var meta = new List<KeyValuePair<string, string>>
        {
            new("description", budget.Title),
            new("country", "Netherlands"),
            new("unit", budget.Neighbourhood),
            new("instance", budget.Id),
            new("language", "nl"),
            new("min_length", rules.MinProjects.ToString(CultureInfo.InvariantCulture)),
        };
        if (rules.MaxProjects is { } max)
        {
            meta.Add(new("max_length", max.ToString(CultureInfo.InvariantCulture)));
        }

        if (rules.VoteType == BallotSettings.Cumulative)
        {
            meta.Add(new("max_sum_points", (rules.PointsPerVoter ?? 0).ToString(CultureInfo.InvariantCulture)));
            meta.Add(new("max_points", (rules.MaxPointsPerProject ?? 0).ToString(CultureInfo.InvariantCulture)));
        }

        return new PabulibExport($"{budget.Id}.pb", PabulibWriter.Write(PabulibWriter.Export(election, allocation, meta)));
    }

    /// <summary>The election as stored — one ballot per voter, online and paper — counted with the frozen rule and tie-break.</summary>
    public static async Task<(Election Election, Allocation Allocation, IReadOnlyList<BallotBox.StoredBallot> Ballots)> CountAsync(
        BudgetSnapshot snapshot, BallotBox box, CancellationToken cancellationToken)
    {
        var budget = snapshot.Budget;
        var ballots = await box.ReadAllAsync(budget.Id, cancellationToken);
        var election = Election.Create(budget.Amount, budget.Rules!.ElectionVoteType, snapshot.BallotProjects,
            ballots.Select(b => b.Ballot), budget.TieBreakOrder ?? snapshot.Projects.Select(p => p.Id), budget.Currency);
        var allocation = BudgetRules.Find(budget.Rules.OutcomeRule).Select(election, cancellationToken);
        return (election, allocation, ballots);
    }
}
