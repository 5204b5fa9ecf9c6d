namespace Participation.Budgeting;

/// <summary>A participatory budget: the money, the projects, and the residents' ballots grouped by content.</summary>
public sealed record Election
{
    private Election(
        long budget,
        VoteType voteType,
        IReadOnlyList<Project> projects,
        IReadOnlyList<BallotGroup> ballots,
        IReadOnlyList<string> tieBreakOrder,
        string currency)
    {
        Budget = budget;
        VoteType = voteType;
        Projects = projects;
        Ballots = ballots;
        TieBreakOrder = tieBreakOrder;
        Currency = currency;
        VoterCount = ballots.Sum(group => group.Count);
    }

    /// <summary>Money to spend, in whole currency units.</summary>
    public long Budget { get; }

    public VoteType VoteType { get; }

    public IReadOnlyList<Project> Projects { get; }

    /// <summary>Distinct ballots with how many residents cast each, in order of first appearance.</summary>
    public IReadOnlyList<BallotGroup> Ballots { get; }

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

        return new Election(
            budget,
            voteType,
            projectList,
            grouped.Select(group => new BallotGroup(group.Ballot, group.Count)).ToArray(),
            order,
            currency);
    }
}
