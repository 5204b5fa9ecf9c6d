namespace Participation.Budgeting;

/// <summary>
/// A participatory budget: the money, the projects, and the residents' ballots grouped by content. The ballots are
/// held as project indexes (<see cref="IndexedBallots"/>), which is what rules count; as strings
/// (<see cref="Ballots"/>) only once someone asks.
/// </summary>
public sealed class Election
{
    private IReadOnlyList<BallotGroup>? ballots;
    private Rules.BallotProfile? profile;

    private Election(
        long budget,
        VoteType voteType,
        IReadOnlyList<Project> projects,
        IndexedBallots indexed,
        IReadOnlyList<BallotGroup>? ballots,
        IReadOnlyList<string> tieBreakOrder,
        string currency)
    {
        Budget = budget;
        VoteType = voteType;
        Projects = projects;
        Indexed = indexed;
        this.ballots = ballots;
        TieBreakOrder = tieBreakOrder;
        Currency = currency;
        VoterCount = indexed.Multiplicity.Sum();
    }

    /// <summary>Money to spend, in whole currency units.</summary>
    public long Budget { get; }

    public VoteType VoteType { get; }

    public IReadOnlyList<Project> Projects { get; }

    /// <summary>Distinct ballots with how many residents cast each, in order of first appearance.</summary>
    public IReadOnlyList<BallotGroup> Ballots => ballots ??= ToBallots();

    internal IndexedBallots Indexed { get; }

    /// <summary>Compiled once: the rules of one request, and a rule and its completion, share it.</summary>
    internal Rules.BallotProfile Profile => profile ??= Rules.BallotProfile.Compile(this);

    /// <summary>
    /// Ties go to the project listed first. Without a declared order this is the ordinal order of project ids,
    /// as pabutools' lexicographic tie-breaking does, so an outcome can be reproduced from a .pb file alone.
    /// </summary>
    public IReadOnlyList<string> TieBreakOrder { get; }

    /// <summary>ISO currency code, used to phrase explanations.</summary>
    public string Currency { get; }

    public long VoterCount { get; }

    public Project Project(string id) =>
        Projects.FirstOrDefault(project => project.Id == id)
        ?? throw new KeyNotFoundException($"No project '{id}' in this election.");

    public static Election Create(
        long budget,
        VoteType voteType,
        IEnumerable<Project> projects,
        IEnumerable<Ballot> ballots,
        IEnumerable<string>? tieBreakOrder = null,
        string currency = "EUR") =>
        Create(budget, voteType, projects, ballots.Select(ballot => new BallotGroup(ballot, 1)), tieBreakOrder, currency);

    public static Election Create(
        long budget,
        VoteType voteType,
        IEnumerable<Project> projects,
        IEnumerable<BallotGroup> ballots,
        IEnumerable<string>? tieBreakOrder = null,
        string currency = "EUR")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var projectList = projects.ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in projectList)
        {
            if (!ids.Add(project.Id))
            {
                throw new ArgumentException($"Project '{project.Id}' appears twice.", nameof(projects));
            }
            if (project.Cost < 0)
            {
                throw new ArgumentException($"Project '{project.Id}' has a negative cost.", nameof(projects));
            }
        }

        var groups = new Dictionary<Ballot, int>();
        var grouped = new List<(Ballot Ballot, long Count)>();
        foreach (var group in ballots)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(group.Count);
            foreach (var id in group.Ballot.Projects)
            {
                if (!ids.Contains(id))
                {
                    throw new ArgumentException($"A ballot names unknown project '{id}'.", nameof(ballots));
                }
            }
            if (group.Ballot.Points is { } points && points.Any(value => value < 0))
            {
                throw new ArgumentException("A ballot gives negative points.", nameof(ballots));
            }
            if (groups.TryGetValue(group.Ballot, out var index))
            {
                grouped[index] = (grouped[index].Ballot, grouped[index].Count + group.Count);
            }
            else
            {
                groups.Add(group.Ballot, grouped.Count);
                grouped.Add((group.Ballot, group.Count));
            }
        }

        var order = tieBreakOrder?.ToArray() ?? ids.Order(StringComparer.Ordinal).ToArray();
        if (order.Length != ids.Count || !ids.SetEquals(order))
        {
            throw new ArgumentException("The tie-break order must list every project exactly once.", nameof(tieBreakOrder));
        }

        var groupList = grouped.Select(group => new BallotGroup(group.Ballot, group.Count)).ToArray();
        return new Election(budget, voteType, projectList, Index(projectList, groupList), groupList, order, currency);
    }

    /// <summary>
    /// For a reader that checked what <see cref="Create(long, VoteType, IEnumerable{Project}, IEnumerable{BallotGroup}, IEnumerable{string}?, string)"/>
    /// checks (distinct project ids, costs and points not negative, distinct groups) as it went.
    /// </summary>
    internal static Election FromIndexed(long budget, VoteType voteType, IReadOnlyList<Project> projects, IndexedBallots indexed, string currency) =>
        new(budget, voteType, projects, indexed, null, projects.Select(project => project.Id).Order(StringComparer.Ordinal).ToArray(), currency);

    private static IndexedBallots Index(IReadOnlyList<Project> projects, IReadOnlyList<BallotGroup> groups)
    {
        var index = new Dictionary<string, int>(projects.Count, StringComparer.Ordinal);
        for (var p = 0; p < projects.Count; p++)
        {
            index[projects[p].Id] = p;
        }
        var start = new int[groups.Count + 1];
        var entries = new List<int>();
        var points = groups.Any(group => group.Ballot.Points is not null) ? new List<long>() : null;
        for (var g = 0; g < groups.Count; g++)
        {
            start[g] = entries.Count;
            var ballot = groups[g].Ballot;
            for (var k = 0; k < ballot.Projects.Count; k++)
            {
                entries.Add(index[ballot.Projects[k]]);
                points?.Add(ballot.Points?[k] ?? 0);
            }
        }
        start[groups.Count] = entries.Count;
        return new IndexedBallots(start, entries.ToArray(), points?.ToArray(), groups.Select(group => group.Count).ToArray());
    }

    private BallotGroup[] ToBallots()
    {
        var groups = new BallotGroup[Indexed.GroupCount];
        for (var g = 0; g < groups.Length; g++)
        {
            var ids = new string[Indexed.Start[g + 1] - Indexed.Start[g]];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = Projects[Indexed.Projects[Indexed.Start[g] + k]].Id;
            }
            var ballot = VoteType switch
            {
                VoteType.Cumulative => Ballot.Cumulative(ids.Select((id, k) => new KeyValuePair<string, long>(id, Indexed.Points![Indexed.Start[g] + k]))),
                VoteType.Ordinal => Ballot.Ranking(ids),
                _ => Ballot.Approval(ids),
            };
            groups[g] = new BallotGroup(ballot, Indexed.Multiplicity[g]);
        }
        return groups;
    }
}
