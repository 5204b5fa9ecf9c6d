using Microsoft.Extensions.Time.Testing;
using Participation.Initiatives.Lifecycle;

namespace Participation.Initiatives.Tests.Lifecycle;

public sealed class InitiativeLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Resident = new(ActorKind.Resident, "resident-1");
    private static readonly Actor Owner = new(ActorKind.Official, "anouk.devries");
    private static readonly Actor OtherOfficial = new(ActorKind.Official, "bram.jansen");
    private static readonly Actor TeamLead = new(ActorKind.TeamLead, "fatima.bakker");
    private static readonly Actor Admin = new(ActorKind.Admin, "admin-1");

    private readonly FakeTimeProvider clock = new(Start);
    private readonly InitiativeLifecycle lifecycle;

    public InitiativeLifecycleTests() => lifecycle = new InitiativeLifecycle(clock);

    [Fact]
    public void Full_happy_path_writes_one_timeline_entry_per_step()
    {
        var (state, first) = lifecycle.Submit("init-1", Resident.Id);
        var timeline = new List<TimelineEntry> { first };

        state = Step(state, new RouteInitiative("groen-oost", Owner.Id, "rule oosterpark × groen"), Actor.System, timeline);
        state = Step(state, new StartReview(), Owner, timeline);
        state = Step(state, new AskForInformation("Welke boomsoort heeft uw voorkeur?"), Owner, timeline);
        state = Step(state, new ReplyToQuestion("Een linde, bel me op 06-12345678"), Resident, timeline);
        state = Step(state, new AcceptInitiative("Past in het bomenplan 2026."), Owner, timeline);
        state = Step(state, new StartWork(), Owner, timeline);
        state = Step(state, new CompleteInitiative(), Owner, timeline);

        Assert.Equal(InitiativeStatus.Completed, state.Status);
        Assert.Equal(
            ["submitted", "routed", "review-started", "information-requested", "resident-replied", "accepted", "work-started", "completed"],
            timeline.Select(e => e.Event));
        Assert.Equal(
            ["submitted", "routed", "in-review", "needs-info", "in-review", "accepted", "in-progress", "completed"],
            timeline.Select(e => e.Status.ToWireName()));
        Assert.True(timeline.Zip(timeline.Skip(1)).All(pair => pair.First.At < pair.Second.At));
    }

    [Fact]
    public void The_question_is_public_the_residents_reply_is_not()
    {
        var state = InReview();
        var asked = lifecycle.Decide(state, new AskForInformation("Op welke plek precies?"), Owner);
        Assert.True(asked.Succeeded);
        Assert.Equal("Op welke plek precies?", asked.Entry.PublicMessage);

        var replied = lifecycle.Decide(asked.State, new ReplyToQuestion("Voor huisnummer 12, mijn nummer is 06-1234"), Resident);

        Assert.True(replied.Succeeded);
        Assert.Equal(InitiativeStatus.InReview, replied.State.Status);
        Assert.DoesNotContain("06-1234", replied.Entry.PublicMessage);
        Assert.Contains("06-1234", replied.Entry.InternalNote);
    }

    [Fact]
    public void Rejecting_needs_a_reason_which_becomes_the_public_message()
    {
        var state = InReview();

        var withoutReason = lifecycle.Decide(state, new RejectInitiative("  "), Owner);
        var withReason = lifecycle.Decide(state, new RejectInitiative("Er ligt een kabel onder deze stoep.") { InternalNote = "Liander gebeld" }, Owner);

        Assert.Equal(RefusalReason.MissingField, withoutReason.Refusal?.Reason);
        Assert.True(withReason.Succeeded);
        Assert.Equal(InitiativeStatus.Rejected, withReason.State.Status);
        Assert.Equal("Er ligt een kabel onder deze stoep.", withReason.Entry.PublicMessage);
        Assert.Equal("Liander gebeld", withReason.Entry.InternalNote);
    }

    [Fact]
    public void Merging_needs_another_initiative_and_a_reason()
    {
        var state = InReview();

        Assert.Equal(RefusalReason.MissingField, lifecycle.Decide(state, new MergeInitiative("", "Zelfde plek"), Owner).Refusal?.Reason);
        Assert.Equal(RefusalReason.MissingField, lifecycle.Decide(state, new MergeInitiative("init-1", "Zelfde plek"), Owner).Refusal?.Reason);
        Assert.Equal(RefusalReason.MissingField, lifecycle.Decide(state, new MergeInitiative("init-7", " "), Owner).Refusal?.Reason);

        var merged = lifecycle.Decide(state, new MergeInitiative("init-7", "Hetzelfde voorstel loopt al."), Owner);
        Assert.True(merged.Succeeded);
        Assert.Equal(InitiativeStatus.Merged, merged.State.Status);
        Assert.Equal("init-7", merged.State.MergedIntoId);
    }

    [Fact]
    public void Reassigning_needs_a_reason_keeps_the_status_and_keeps_the_reason_internal()
    {
        var state = InReview();

        Assert.Equal(RefusalReason.MissingField, lifecycle.Decide(state, new ReassignInitiative("gebied-zuidwest", "lotte.smit", ""), TeamLead).Refusal?.Reason);
        var moved = lifecycle.Decide(state, new ReassignInitiative("gebied-zuidwest", "lotte.smit", "Ligt op de wijkgrens, Lotte kent de plek."), TeamLead);

        Assert.True(moved.Succeeded);
        Assert.Equal(InitiativeStatus.InReview, moved.State.Status);
        Assert.Equal(("gebied-zuidwest", "lotte.smit"), (moved.State.TeamCode, moved.State.OwnerId));
        Assert.Contains("wijkgrens", moved.Entry.InternalNote);
        Assert.DoesNotContain("wijkgrens", moved.Entry.PublicMessage);
    }

    [Fact]
    public void Residents_may_only_reply_to_their_own_question()
    {
        var state = lifecycle.Decide(InReview(), new AskForInformation("Hoeveel bomen?"), Owner).State!;

        Assert.Equal(RefusalReason.NotAllowed, lifecycle.Decide(state, new ReplyToQuestion("Tien"), new Actor(ActorKind.Resident, "someone-else")).Refusal?.Reason);
        Assert.Equal(RefusalReason.NotAllowed, lifecycle.Decide(InReview(), new AcceptInitiative(), Resident).Refusal?.Reason);
        Assert.Equal(RefusalReason.NotAllowed, lifecycle.Decide(state, new ReplyToQuestion("Tien"), Owner).Refusal?.Reason);
    }

    [Fact]
    public void An_official_acts_only_on_own_initiatives_team_leads_and_admins_on_any()
    {
        var state = InReview();

        var other = lifecycle.Decide(state, new AcceptInitiative(), OtherOfficial);

        Assert.Equal(RefusalReason.NotOwner, other.Refusal?.Reason);
        Assert.Contains(Owner.Id, other.Refusal?.Message);
        Assert.True(lifecycle.Decide(state, new AcceptInitiative(), TeamLead).Succeeded);
        Assert.True(lifecycle.Decide(state, new AcceptInitiative(), Admin).Succeeded);
    }

    [Fact]
    public void Any_official_may_pick_up_an_initiative_waiting_in_the_pool()
    {
        var pooled = Routed() with { TeamCode = "frontoffice", OwnerId = null };

        Assert.True(lifecycle.Decide(pooled, new StartReview(), OtherOfficial).Succeeded);
    }

    [Fact]
    public void Only_the_system_or_an_admin_routes()
    {
        var (state, _) = lifecycle.Submit("init-1", Resident.Id);

        Assert.Equal(RefusalReason.NotAllowed, lifecycle.Decide(state, new RouteInitiative("groen-oost", Owner.Id, "x"), Owner).Refusal?.Reason);
        Assert.True(lifecycle.Decide(state, new RouteInitiative("groen-oost", Owner.Id, "x"), Admin).Succeeded);
        Assert.Equal(RefusalReason.InvalidTransition, lifecycle.Decide(Routed(), new RouteInitiative("groen-oost", Owner.Id, "x"), Actor.System).Refusal?.Reason);
    }

    [Theory]
    [InlineData(InitiativeStatus.Submitted)]
    [InlineData(InitiativeStatus.Routed)]
    [InlineData(InitiativeStatus.NeedsInfo)]
    [InlineData(InitiativeStatus.Rejected)]
    [InlineData(InitiativeStatus.Completed)]
    public void Accepting_is_only_possible_in_review(InitiativeStatus status)
    {
        var outcome = lifecycle.Decide(InReview() with { Status = status }, new AcceptInitiative(), Owner);

        Assert.False(outcome.Succeeded);
        Assert.Equal(RefusalReason.InvalidTransition, outcome.Refusal.Reason);
        Assert.Contains(status.ToWireName(), outcome.Refusal.Message);
    }

    [Fact]
    public void Closed_initiatives_accept_no_handling_steps()
    {
        foreach (var status in new[] { InitiativeStatus.Rejected, InitiativeStatus.Merged, InitiativeStatus.Completed })
        {
            var state = InReview() with { Status = status };
            Assert.Empty(InitiativeLifecycle.Available(state, Owner));
            Assert.True(status.IsClosed());
        }
    }

    [Fact]
    public void Threshold_reached_is_a_flag_beside_the_status_recorded_once()
    {
        var state = InReview();

        var reached = lifecycle.Decide(state, new RecordSupportThreshold(Supporters: 153, Threshold: 150), Actor.System);
        Assert.True(reached.Succeeded);
        Assert.Equal(InitiativeStatus.InReview, reached.State.Status);
        Assert.True(reached.State.ThresholdReached);
        Assert.Equal("threshold-reached", reached.Entry.Event);

        var again = lifecycle.Decide(reached.State, new RecordSupportThreshold(160, 150), Actor.System);
        Assert.Equal(RefusalReason.AlreadyRecorded, again.Refusal?.Reason);

        var accepted = lifecycle.Decide(reached.State, new AcceptInitiative(), Owner);
        Assert.True(accepted.State!.ThresholdReached);
        Assert.Equal(RefusalReason.MissingField, lifecycle.Decide(state, new RecordSupportThreshold(10, 150), Actor.System).Refusal?.Reason);
        Assert.Equal(RefusalReason.NotAllowed, lifecycle.Decide(state, new RecordSupportThreshold(200, 150), Owner).Refusal?.Reason);
    }

    [Fact]
    public void Entries_are_stamped_with_the_clock()
    {
        clock.Advance(TimeSpan.FromHours(3));

        var outcome = lifecycle.Decide(Routed(), new StartReview(), Owner);

        Assert.Equal(Start.AddHours(3), outcome.Entry!.At);
        Assert.Equal((ActorKind.Official, Owner.Id), (outcome.Entry.ActorKind, outcome.Entry.ActorId));
    }

    [Fact]
    public void Available_lists_what_an_actor_can_do_now()
    {
        var available = InitiativeLifecycle.Available(InReview(), Owner);

        Assert.Contains(typeof(AcceptInitiative), available);
        Assert.Contains(typeof(RejectInitiative), available);
        Assert.DoesNotContain(typeof(StartWork), available);
        Assert.DoesNotContain(typeof(ReplyToQuestion), available);
        Assert.Empty(InitiativeLifecycle.Available(InReview(), OtherOfficial));
    }

    [Fact]
    public void Wire_names_round_trip_and_match_json()
    {
        foreach (var status in Enum.GetValues<InitiativeStatus>())
        {
            var name = status.ToWireName();
            Assert.Matches("^[a-z]+(-[a-z]+)*$", name);
            Assert.Equal(status, InitiativeStatusNames.Parse(name));
            Assert.Equal($"\"{name}\"", System.Text.Json.JsonSerializer.Serialize(status));
        }

        Assert.False(InitiativeStatusNames.TryParse("InReview", out _));
    }

    private InitiativeState Step(InitiativeState state, LifecycleCommand command, Actor actor, List<TimelineEntry> timeline)
    {
        clock.Advance(TimeSpan.FromMinutes(5));
        var outcome = lifecycle.Decide(state, command, actor);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        timeline.Add(outcome.Entry);
        return outcome.State;
    }

    private static InitiativeState Routed() =>
        new("init-1", InitiativeStatus.Routed, Resident.Id, TeamCode: "groen-oost", OwnerId: Owner.Id);

    private static InitiativeState InReview() => Routed() with { Status = InitiativeStatus.InReview };
}
