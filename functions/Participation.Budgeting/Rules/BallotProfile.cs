namespace Participation.Budgeting.Rules;

/// <summary>
/// An election compiled to index arrays for counting: projects by index, ballot groups with multiplicities,
/// and each group's weight per project (1 for an approval, its points for cumulative, its Borda score for a ranking).
/// Both directions are kept (group → projects, project → groups) because equal shares walks both every round.
/// Built from the election's <see cref="IndexedBallots"/>, with no string lookups.
/// </summary>
internal sealed class BallotProfile
{
    private BallotProfile(Election election)
    {
        Election = election;
        var projects = election.Projects;
        ProjectCount = projects.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < projects.Count; i++)
        {
            index[projects[i].Id] = i;
        }
        ProjectIndex = index;
        Cost = projects.Select(project => project.Cost).ToArray();
        TieRank = new int[ProjectCount];
        for (var rank = 0; rank < election.TieBreakOrder.Count; rank++)
        {
            TieRank[index[election.TieBreakOrder[rank]]] = rank;
        }

        var ballots = election.Indexed;
        GroupCount = ballots.GroupCount;
        Multiplicity = ballots.Multiplicity;
        GroupStart = new int[GroupCount + 1];
        var groupProjects = new int[ballots.Projects.Length];
        var groupWeights = new long[ballots.Projects.Length];
        var entries = 0;
        for (var g = 0; g < GroupCount; g++)
        {
            GroupStart[g] = entries;
            for (var k = ballots.Start[g]; k < ballots.Start[g + 1]; k++)
            {
                var weight = election.VoteType switch
                {
                    VoteType.Cumulative => ballots.Points?[k] ?? 0,
                    // Borda: the first of m projects scores m, the next m - 1, so every ranked project counts.
                    VoteType.Ordinal => ProjectCount - (k - ballots.Start[g]),
                    _ => 1,
                };
                if (weight > 0)
                {
                    groupProjects[entries] = ballots.Projects[k];
                    groupWeights[entries] = weight;
                    entries++;
                }
            }
        }
        GroupStart[GroupCount] = entries;
        GroupProject = entries == groupProjects.Length ? groupProjects : groupProjects[..entries];
        GroupWeight = entries == groupWeights.Length ? groupWeights : groupWeights[..entries];
        UnitWeights = election.VoteType is not (VoteType.Cumulative or VoteType.Ordinal) || GroupWeight.All(weight => weight == 1);

        ProjectStart = new int[ProjectCount + 1];
        foreach (var project in GroupProject)
        {
            ProjectStart[project + 1]++;
        }
        for (var p = 0; p < ProjectCount; p++)
        {
            ProjectStart[p + 1] += ProjectStart[p];
        }
        ProjectGroup = new int[GroupProject.Length];
        ProjectWeight = new long[GroupProject.Length];
        var fill = ProjectStart[..^1].ToArray();
        Supporters = new long[ProjectCount];
        TotalWeight = new long[ProjectCount];
        for (var g = 0; g < GroupCount; g++)
        {
            for (var k = GroupStart[g]; k < GroupStart[g + 1]; k++)
            {
                var p = GroupProject[k];
                ProjectGroup[fill[p]] = g;
                ProjectWeight[fill[p]] = GroupWeight[k];
                fill[p]++;
                Supporters[p] += Multiplicity[g];
                TotalWeight[p] += Multiplicity[g] * GroupWeight[k];
            }
        }

        ProjectEntriesByWeight = UnitWeights ? [] : EntriesByWeight();

        // Cost satisfaction for approval ballots (a voter values a funded project at its cost), as the official
        // equalshares runs do; cardinal ballots use their own scores.
        SatisfactionScale = election.VoteType is VoteType.Approval or VoteType.ChooseOne
            ? Cost.Select(cost => Math.Max(cost, 1)).ToArray()
            : Enumerable.Repeat(1L, ProjectCount).ToArray();
        VoterCount = Multiplicity.Sum();
    }

    public Election Election { get; }
    public int ProjectCount { get; }
    public IReadOnlyDictionary<string, int> ProjectIndex { get; }
    public long[] Cost { get; }
    public int[] TieRank { get; }
    public int GroupCount { get; }
    public long[] Multiplicity { get; }
    public int[] GroupStart { get; }
    public int[] GroupProject { get; }
    public long[] GroupWeight { get; }
    public int[] ProjectStart { get; }
    public int[] ProjectGroup { get; }
    public long[] ProjectWeight { get; }
    public bool UnitWeights { get; }

    /// <summary>
    /// Per project (its range of <see cref="ProjectStart"/>), indices into <see cref="ProjectGroup"/> and
    /// <see cref="ProjectWeight"/> ordered by weight, so a count can gather a project's supporters one weight at a time.
    /// Empty when every weight is 1.
    /// </summary>
    public int[] ProjectEntriesByWeight { get; }

    /// <summary>Residents who gave the project anything.</summary>
    public long[] Supporters { get; }

    /// <summary>The project's votes: approvals, points, or Borda score.</summary>
    public long[] TotalWeight { get; }

    public long[] SatisfactionScale { get; }
    public long VoterCount { get; }

    public string Id(int project) => Election.Projects[project].Id;

    private int[] EntriesByWeight()
    {
        var entries = Enumerable.Range(0, ProjectGroup.Length).ToArray();
        var weights = (long[])ProjectWeight.Clone();
        for (var p = 0; p < ProjectCount; p++)
        {
            Array.Sort(weights, entries, ProjectStart[p], ProjectStart[p + 1] - ProjectStart[p]);
        }
        return entries;
    }

    /// <summary>Through <see cref="Election.Profile"/>, which keeps it.</summary>
    internal static BallotProfile Compile(Election election) => new(election);

    public IReadOnlyDictionary<string, long> Votes() =>
        Enumerable.Range(0, ProjectCount).ToDictionary(Id, p => TotalWeight[p], StringComparer.Ordinal);

    /// <summary>Projects by votes, most first; ties by the election's tie-break order.</summary>
    public int[] ByVotes() =>
        Enumerable.Range(0, ProjectCount)
            .OrderByDescending(p => TotalWeight[p])
            .ThenBy(p => TieRank[p])
            .ToArray();
}
