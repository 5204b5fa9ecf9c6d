namespace Participation.Realisation.Tests;

public sealed class RealisationChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);

    public static RealisationItem Item(params Milestone[] milestones) => new()
    {
        Id = "initiative-K7QXM2PD9RC", Kind = ItemKind.Initiative, SourceId = "K7QXM2PD9RC", Title = "Bankjes in het park",
        Neighbourhood = "oosterpark", Team = "gebied-noordoost", CreatedAt = Now.AddMonths(-1), Milestones = milestones,
    };

    public static Milestone Open(string id, DateOnly planned) => new(id, "Stap " + id, planned, planned, null, []);

    [Fact]
    public void A_new_milestone_gets_the_next_id_and_keeps_its_date_as_the_original()
    {
        var outcome = RealisationChanges.AddMilestone(Item(Open("m1", Today), Open("m3", Today)), " Bankjes bestellen ", "2026-07-01");

        Assert.True(outcome.Succeeded);
        var added = outcome.Item.Milestones[^1];
        Assert.Equal(("m4", "Bankjes bestellen", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1)), (added.Id, added.Title, added.Planned, added.OriginalPlanned));
        Assert.Equal("m4", outcome.Event.MilestoneId);
    }

    [Theory]
    [InlineData("", "2026-07-01", "realisation.milestone.title")]
    [InlineData("Bestellen", "1-7-2026", "realisation.milestone.planned")]
    [InlineData("Bestellen", "2026-02-30", "realisation.milestone.planned")]
    [InlineData("Bestellen", null, "realisation.milestone.planned")]
    public void A_milestone_without_a_title_or_a_real_date_is_refused_with_its_code(string title, string? planned, string code)
    {
        var outcome = RealisationChanges.AddMilestone(Item(), title, planned);

        Assert.False(outcome.Succeeded);
        Assert.Equal((RefusalKind.Invalid, code), (outcome.Refusal.Kind, outcome.Refusal.Code));
    }

    [Fact]
    public void Completing_the_first_milestone_starts_the_work_and_notifies_residents()
    {
        var outcome = RealisationChanges.CompleteMilestone(Item(Open("m1", Today.AddDays(5))), "m1", null, Today);

        Assert.True(outcome.Succeeded);
        Assert.Equal(Today, outcome.Item.Milestones[0].Done);
        Assert.Equal(RealisationStatus.InProgress, outcome.Item.Status);
        Assert.True(outcome.Event.NotifiesResidents);
    }

    [Fact]
    public void A_milestone_is_done_once_and_never_on_a_future_date()
    {
        var item = Item(Open("m1", Today));
        Assert.Equal("realisation.milestone.date-in-future", RealisationChanges.CompleteMilestone(item, "m1", "2026-06-11", Today).Refusal?.Code);
        Assert.Equal(RefusalKind.NotFound, RealisationChanges.CompleteMilestone(item, "m9", null, Today).Refusal?.Kind);

        var done = RealisationChanges.CompleteMilestone(item, "m1", "2026-06-09", Today).Item!;
        Assert.Equal(new DateOnly(2026, 6, 9), done.Milestones[0].Done);
        Assert.Equal("realisation.milestone.already-done", RealisationChanges.CompleteMilestone(done, "m1", null, Today).Refusal?.Code);
    }

    [Fact]
    public void Replanning_keeps_the_original_date_and_the_reason()
    {
        var outcome = RealisationChanges.ReplanMilestone(Item(Open("m1", Today)), "m1", "2026-08-01", "Leverancier te laat", Now);

        var milestone = outcome.Item!.Milestones[0];
        Assert.Equal((Today, new DateOnly(2026, 8, 1)), (milestone.OriginalPlanned, milestone.Planned));
        Assert.Equal(new Replan(Today, new DateOnly(2026, 8, 1), "Leverancier te laat", Now), Assert.Single(milestone.Replans));
        Assert.True(milestone.WasReplannedLater);
    }

    [Fact]
    public void Replanning_needs_a_reason_and_a_different_date()
    {
        var item = Item(Open("m1", Today));
        Assert.Equal("realisation.milestone.reason", RealisationChanges.ReplanMilestone(item, "m1", "2026-08-01", " ", Now).Refusal?.Code);
        Assert.Equal("realisation.milestone.same-date", RealisationChanges.ReplanMilestone(item, "m1", "2026-06-10", "r", Now).Refusal?.Code);
    }

    [Theory]
    [InlineData(RealisationStatus.Planned, "in-progress", true)]
    [InlineData(RealisationStatus.Planned, "done", true)]
    [InlineData(RealisationStatus.InProgress, "planned", false)]
    [InlineData(RealisationStatus.InProgress, "in-progress", false)]
    [InlineData(RealisationStatus.Done, "stopped", false)]
    public void Status_only_moves_forward_and_closed_items_stay_closed(RealisationStatus from, string to, bool allowed)
    {
        var outcome = RealisationChanges.ChangeStatus(Item() with { Status = from }, to, "reden", Now);
        Assert.Equal(allowed, outcome.Succeeded);
    }

    [Fact]
    public void Stopping_needs_a_reason_which_is_kept_and_told_to_residents()
    {
        Assert.Equal("realisation.status.reason", RealisationChanges.ChangeStatus(Item(), "stopped", null, Now).Refusal?.Code);
        var stopped = RealisationChanges.ChangeStatus(Item(), "stopped", "Geen vergunning", Now);
        Assert.Equal((RealisationStatus.Stopped, "Geen vergunning", Now), (stopped.Item!.Status, stopped.Item.StopReason, stopped.Item.ClosedAt));
        Assert.True(stopped.Event!.NotifiesResidents);
        Assert.Equal("realisation.status.unknown", RealisationChanges.ChangeStatus(Item(), "finished", null, Now).Refusal?.Code);
    }

    [Fact]
    public void A_closed_item_refuses_new_milestones_but_accepts_the_last_invoices()
    {
        var done = Item() with { Status = RealisationStatus.Done };
        Assert.Equal("realisation.closed", RealisationChanges.AddMilestone(done, "Nog iets", "2026-07-01").Refusal?.Code);
        Assert.Equal(12_500, RealisationChanges.RecordSpent(done, 12_500).Item?.Spent);
        Assert.Equal("realisation.spent.amount", RealisationChanges.RecordSpent(done, -1).Refusal?.Code);
        Assert.Equal("realisation.spent.amount", RealisationChanges.RecordSpent(done, null).Refusal?.Code);
    }
}
