using Participation.Budgeting.Ballots;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// How residents vote and how the votes are counted. Fixed before voting opens and frozen from then on, so nobody can
/// change the rules once they can see ballots coming in.
/// </summary>
public sealed record BallotSettings(
    string VoteType, int MinProjects, int? MaxProjects, long? PointsPerVoter, long? MaxPointsPerProject, string OutcomeRule)
{
    public const string Approval = "approval";
    public const string Knapsack = "knapsack";
    public const string Cumulative = "cumulative";

    public BallotRule BallotRule(long amount, string currency) => VoteType switch
    {
        Knapsack => new KnapsackRule(amount, MinProjects, MaxProjects, currency),
        Cumulative => new CumulativeRule(PointsPerVoter ?? 0, MaxPointsPerProject ?? 0),
        _ => new ApprovalRule(MinProjects, MaxProjects),
    };

    /// <summary>Knapsack ballots are sets of projects: pabulib and the counting rules read them as approval ballots.</summary>
    public Participation.Budgeting.VoteType ElectionVoteType =>
        VoteType == Cumulative ? Participation.Budgeting.VoteType.Cumulative : Participation.Budgeting.VoteType.Approval;
}

/// <summary>A project on the ballot paper: from an accepted initiative or added by an official.</summary>
public sealed record BudgetProject(
    string Id, string Title, string Description, long Cost, string Neighbourhood, string? FeasibilityNote, string? InitiativeCode);

/// <summary>
/// A participatory budget for a neighbourhood, or for the whole city (<see cref="CityWide"/>). <see cref="Eligibility"/>
/// says who may vote: holders of a letter's voting code, or signed-in residents.
/// </summary>
public sealed record Budget
{
    public const string CityWide = "stad";
    public const string ByCode = "codes";
    public const string ByResident = "residents";

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Neighbourhood { get; init; }
    public required long Amount { get; init; }
    public string Currency { get; init; } = "EUR";
    public BudgetPhase Phase { get; init; } = BudgetPhase.Proposals;
    public required PhaseDates Dates { get; init; }
    public string Eligibility { get; init; } = ByCode;
    public BallotSettings? Rules { get; init; }
    /// <summary>Ties go to the project listed first; completed with every project when voting opens.</summary>
    public IReadOnlyList<string>? TieBreakOrder { get; init; }
    public DateTimeOffset? RulesFrozenAt { get; init; }
    public int ProjectCount { get; init; }

    /// <summary>How many residents may vote: no more voting codes than this are ever issued. Null until set.</summary>
    public int? EligibleVoters { get; init; }

    /// <summary>Voting codes issued so far (letters numbered 1…n); raised, with its audit entry, before the codes exist.</summary>
    public int CodesIssued { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public string Version { get; init; } = "";

    /// <summary>When the budget row was last written (the table's own timestamp); null before it is stored.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    public bool RulesFrozen => BudgetLifecycle.RulesFrozen(Phase);

    public bool AcceptsBallotsAt(DateTimeOffset now) => BudgetLifecycle.AcceptsBallotsAt(Phase, Dates, now);

    public string AuditSummary() =>
        $"phase={Phase.ToWireName()}; amount={Amount}; eligibility={Eligibility}; rules={Rules?.VoteType}/{Rules?.OutcomeRule}; " +
        $"min={Rules?.MinProjects}; max={Rules?.MaxProjects}; points={Rules?.PointsPerVoter}/{Rules?.MaxPointsPerProject}; " +
        $"tiebreak={string.Join(',', TieBreakOrder ?? [])}; eligible={EligibleVoters}; codes={CodesIssued}";
}

/// <summary>A budget with its projects, as read in one query of its partition.</summary>
public sealed record BudgetSnapshot(Budget Budget, IReadOnlyList<BudgetProject> Projects)
{
    public IEnumerable<Project> BallotProjects => Projects.Select(p => new Project(p.Id, p.Cost, p.Title));
}
