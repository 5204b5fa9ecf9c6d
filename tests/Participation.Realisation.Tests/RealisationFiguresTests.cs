using Participation.Municipality.Calendar;

namespace Participation.Realisation.Tests;

public sealed class RealisationFiguresTests
{
    [Fact]
    public void Realised_share_counts_done_items_against_all_including_stopped_ones_per_neighbourhood_and_budget()
    {
        var today = new DateOnly(2026, 6, 15);
        RealisationItem Project(string id, string budget, RealisationStatus status, long cost, long spent) => RealisationChangesTests.Item() with
        {
            Id = id, Kind = ItemKind.BudgetProject, SourceId = $"{budget}/{id}", Status = status, PlannedCost = cost, Spent = spent,
        };
        var items = new[]
        {
            Project("p1", "oost-2025", RealisationStatus.Done, 10_000, 9_500),
            Project("p2", "oost-2025", RealisationStatus.Stopped, 5_000, 1_000),
            Project("p3", "oost-2025", RealisationStatus.InProgress, 20_000, 4_000),
            Project("p4", "west-2025", RealisationStatus.Done, 7_000, 7_200) with { Neighbourhood = "westhaven" },
            RealisationChangesTests.Item(RealisationChangesTests.Open("m1", new DateOnly(2026, 6, 1)), RealisationChangesTests.Open("m2", new DateOnly(2026, 7, 1))),
        };

        var figures = RealisationFigures.Compute(items, new Slipping(new WorkingCalendar()), today);

        var oost = Assert.Single(figures.ByBudget, b => b.Code == "oost-2025");
        Assert.Equal((3, 1, 1), (oost.Items, oost.Realised, oost.Stopped));
        Assert.Equal(1.0 / 3, oost.RealisedShare!.Value, 6);
        Assert.Equal(1.0, Assert.Single(figures.ByBudget, b => b.Code == "west-2025").RealisedShare);
        Assert.Equal(0.25, Assert.Single(figures.ByNeighbourhood, n => n.Code == "oosterpark").RealisedShare);
        Assert.Equal(new RealisationFigures.Money(42_000, 21_700), figures.Totals);
        Assert.Equal(1, figures.ByStatusAndKind.Single(c => c.Kind == "initiative" && c.Status == "planned").Items);
        Assert.Equal(2, figures.ByStatusAndKind.Where(c => c.Kind == "budget-project" && c.Status == "done").Sum(c => c.Items));
        Assert.Equal((2, 0, 1, 1), (figures.Milestones.Total, figures.Milestones.Done, figures.Milestones.Slipped, figures.Milestones.SlippingNow));
        Assert.Equal("m1", Assert.Single(figures.Slipping).MilestoneId);
    }
}
