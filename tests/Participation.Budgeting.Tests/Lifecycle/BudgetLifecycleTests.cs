using Participation.Budgeting.Lifecycle;

namespace Participation.Budgeting.Tests.Lifecycle;

public sealed class BudgetLifecycleTests
{
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = Opens.AddDays(14);
    private static readonly PhaseDates Dates = new(Opens.AddDays(-60), Opens.AddDays(-30), Opens, Closes, Closes.AddDays(7), null);

    [Theory]
    [InlineData(BudgetPhase.Proposals, false)]
    [InlineData(BudgetPhase.Review, false)]
    [InlineData(BudgetPhase.Voting, true)]
    [InlineData(BudgetPhase.Counting, true)]
    [InlineData(BudgetPhase.Realisation, true)]
    public void Rules_freeze_when_voting_opens_and_stay_frozen(BudgetPhase phase, bool frozen) =>
        Assert.Equal(frozen, BudgetLifecycle.RulesFrozen(phase));

    [Fact]
    public void Ballots_are_taken_in_the_voting_phase_until_the_second_the_counting_phase_starts()
    {
        Assert.True(BudgetLifecycle.AcceptsBallotsAt(BudgetPhase.Voting, Dates, Closes.AddSeconds(-1)));
        // The timer that moves the phase may run a minute late; the close is the date itself.
        Assert.False(BudgetLifecycle.AcceptsBallotsAt(BudgetPhase.Voting, Dates, Closes));
        Assert.False(BudgetLifecycle.AcceptsBallotsAt(BudgetPhase.Review, Dates, Opens.AddDays(1)));
        Assert.False(BudgetLifecycle.AcceptsBallotsAt(BudgetPhase.Counting, Dates, Opens.AddDays(1)));
    }

    [Fact]
    public void A_voting_phase_without_a_counting_date_stays_open_until_an_admin_moves_it()
    {
        var open = Dates with { Counting = null };
        Assert.True(BudgetLifecycle.AcceptsBallotsAt(BudgetPhase.Voting, open, Closes.AddYears(1)));
    }

    [Theory]
    [InlineData(BudgetPhase.Review, BudgetPhase.Review, 3, true, PhaseMove.NotForward)]
    [InlineData(BudgetPhase.Counting, BudgetPhase.Voting, 3, true, PhaseMove.NotForward)]
    [InlineData(BudgetPhase.Proposals, BudgetPhase.Review, 0, false, PhaseMove.Moves)]
    [InlineData(BudgetPhase.Review, BudgetPhase.Voting, 3, true, PhaseMove.MovesAndFreezes)]
    [InlineData(BudgetPhase.Proposals, BudgetPhase.Results, 3, true, PhaseMove.MovesAndFreezes)]
    [InlineData(BudgetPhase.Review, BudgetPhase.Voting, 0, true, PhaseMove.NotReadyToVote)]
    [InlineData(BudgetPhase.Review, BudgetPhase.Voting, 3, false, PhaseMove.NotReadyToVote)]
    [InlineData(BudgetPhase.Voting, BudgetPhase.Counting, 3, true, PhaseMove.Moves)]
    public void A_budget_moves_only_forward_and_opens_voting_only_with_projects_and_a_rule(
        BudgetPhase current, BudgetPhase target, int projects, bool hasRule, PhaseMove expected) =>
        Assert.Equal(expected, BudgetLifecycle.Move(current, target, projects, hasRule));

    [Fact]
    public void The_schedule_is_due_for_the_latest_phase_whose_date_passed()
    {
        Assert.Equal(BudgetPhase.Voting, BudgetLifecycle.DueAt(BudgetPhase.Proposals, Dates, Opens.AddHours(1)));
        Assert.Equal(BudgetPhase.Counting, BudgetLifecycle.DueAt(BudgetPhase.Voting, Dates, Closes));
        Assert.Null(BudgetLifecycle.DueAt(BudgetPhase.Voting, Dates, Closes.AddSeconds(-1)));
        // A budget an admin moved ahead of its schedule is not moved back.
        Assert.Null(BudgetLifecycle.DueAt(BudgetPhase.Results, Dates, Closes));
    }

    [Fact]
    public void Dates_out_of_order_name_the_first_phase_that_starts_too_early()
    {
        Assert.Null(Dates.FirstOutOfOrder());
        Assert.Equal(BudgetPhase.Counting, (Dates with { Counting = Opens.AddDays(-1) }).FirstOutOfOrder());
    }

    [Fact]
    public void Paper_ballots_and_codes_have_their_own_windows()
    {
        Assert.Equal([BudgetPhase.Voting, BudgetPhase.Counting], BudgetPhases.All.Where(BudgetLifecycle.AcceptsPaperBallots));
        Assert.Equal([BudgetPhase.Proposals, BudgetPhase.Review], BudgetPhases.All.Where(BudgetLifecycle.IssuesVotingCodes));
        Assert.Equal([BudgetPhase.Proposals, BudgetPhase.Review, BudgetPhase.Voting], BudgetPhases.All.Where(BudgetLifecycle.ReplacesVotingCodes));
        Assert.Equal([BudgetPhase.Results, BudgetPhase.Realisation], BudgetPhases.All.Where(BudgetLifecycle.ResultsPublished));
    }
}
