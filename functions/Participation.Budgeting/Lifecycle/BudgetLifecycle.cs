namespace Participation.Budgeting.Lifecycle;

/// <summary>What a move to another phase does, as <see cref="BudgetLifecycle.Move"/> decides it.</summary>
public enum PhaseMove
{
    /// <summary>The budget enters the phase; nothing else changes.</summary>
    Moves,

    /// <summary>Voting opens: the budget enters the phase and its projects, rules and tie-break order freeze.</summary>
    MovesAndFreezes,

    /// <summary>Refused: phases only move forward (a reopened vote would unfreeze rules residents voted under).</summary>
    NotForward,

    /// <summary>Refused: voting cannot open without projects on the ballot paper and a ballot rule.</summary>
    NotReadyToVote,
}

/// <summary>
/// The rules of a budget's life, apart from how it is stored: which phase comes when, when its rules freeze, when it
/// takes ballots (online, on paper) and voting codes, and from when its results exist and may be shown.
/// </summary>
public static class BudgetLifecycle
{
    /// <summary>From voting on, nobody can change the rules: they could see ballots coming in.</summary>
    public static bool RulesFrozen(BudgetPhase phase) => phase >= BudgetPhase.Voting;

    /// <summary>
    /// Open while in the voting phase and before the counting phase's date: the close is exact to the second even when
    /// the timer that moves the phase runs a minute later.
    /// </summary>
    public static bool AcceptsBallotsAt(BudgetPhase phase, PhaseDates dates, DateTimeOffset now) =>
        phase == BudgetPhase.Voting && !(dates.Counting is { } close && now >= close);

    /// <summary>Paper ballots come back by post during voting and are still entered while the votes are counted.</summary>
    public static bool AcceptsPaperBallots(BudgetPhase phase) => phase is BudgetPhase.Voting or BudgetPhase.Counting;

    /// <summary>Codes are issued before voting opens: an official who could mint codes while ballots come in could vote with them.</summary>
    public static bool IssuesVotingCodes(BudgetPhase phase) => phase < BudgetPhase.Voting;

    /// <summary>A lost letter's code is replaced until voting closes.</summary>
    public static bool ReplacesVotingCodes(BudgetPhase phase) => phase <= BudgetPhase.Voting;

    /// <summary>Results are counted from the counting phase on.</summary>
    public static bool HasResults(BudgetPhase phase) => phase >= BudgetPhase.Counting;

    /// <summary>Residents may read the results, and anyone the ballots, once the municipality publishes them.</summary>
    public static bool ResultsPublished(BudgetPhase phase) => phase >= BudgetPhase.Results;

    /// <summary>What moving from <paramref name="current"/> to <paramref name="target"/> does, or why it may not.</summary>
    public static PhaseMove Move(BudgetPhase current, BudgetPhase target, int projects, bool hasBallotRule)
    {
        if (target <= current)
        {
            return PhaseMove.NotForward;
        }

        if (target < BudgetPhase.Voting || RulesFrozen(current))
        {
            return PhaseMove.Moves;
        }

        return projects > 0 && hasBallotRule ? PhaseMove.MovesAndFreezes : PhaseMove.NotReadyToVote;
    }

    /// <summary>The latest phase whose start date has passed, when it is later than the current one; null otherwise.</summary>
    public static BudgetPhase? DueAt(BudgetPhase current, PhaseDates dates, DateTimeOffset now)
    {
        var latest = BudgetPhases.All.LastOrDefault(phase => dates.StartOf(phase) is { } start && start <= now);
        return dates.StartOf(latest) is { } due && due <= now && latest > current ? latest : null;
    }
}
