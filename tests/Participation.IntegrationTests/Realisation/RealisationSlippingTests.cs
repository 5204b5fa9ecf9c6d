using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.Municipality.Calendar;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.IntegrationTests.Infrastructure;
using static Participation.IntegrationTests.Realisation.RealisationPlatform;

namespace Participation.IntegrationTests.Realisation;

/// <summary>
/// Milestones slip by the date alone, as the clock moves (a FakeTimeProvider; signed-in calls happen before it moves), and
/// the weekly digest tells the council clerk and the service manager about new slips — once, and nothing when there are none.
/// </summary>
public sealed class RealisationSlippingTests : IAsyncLifetime
{
    private readonly RealisationPlatform platform = new();

    public Task InitializeAsync() => platform.InitializeAsync();

    public Task DisposeAsync() => platform.DisposeAsync();

    [Fact]
    public async Task A_milestone_slips_when_its_date_passes_and_the_weekly_digest_reports_it_once()
    {
        var quiet = await platform.InvokeAsync(nameof(SendSlippedMilestonesDigest), new { timer = new { IsPastDue = false } });
        Assert.Empty(Emitted(quiet));

        var code = await platform.AcceptedInitiativeAsync("Picknicktafels");
        Assert.Equal(1, await platform.DeliverAsync(RealiseAcceptedInitiative.Queue, nameof(RealiseAcceptedInitiative), m => m.GetProperty("trackingCode").GetString() == code));
        var id = $"initiative-{code}";
        var item = await OkAsync(await platform.Anonymous.GetAsync($"/api/realisation/{id}"));
        var lotte = await platform.Factory.AsAsync("lotte.smit");
        var calendar = new WorkingCalendar();
        var today = DutchTime.Today(platform.Clock);
        var planned = calendar.AddWorkingDays(today, 1);
        var added = await StatusAsync(await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones",
            new { title = "Tafels plaatsen", planned = planned.ToString("yyyy-MM-dd"), version = item.GetProperty("version").GetString() }), HttpStatusCode.Created);
        Assert.False(added.GetProperty("milestone").GetProperty("slipping").GetBoolean());

        // On the planned day itself it has not slipped; a working day later it has.
        platform.Clock.SetUtcNow(DutchTime.StartOf(planned).AddHours(12));
        Assert.False(await SlippingAsync(id));
        var slipDay = calendar.AddWorkingDays(planned, 1);
        platform.Clock.SetUtcNow(DutchTime.StartOf(slipDay).AddMinutes(1));
        Assert.True(await SlippingAsync(id));

        // The next Monday's digest (6:00 UTC) names it to the griffie and the service manager; a second run sends the same ids.
        var monday = slipDay.AddDays(((int)DayOfWeek.Monday - (int)slipDay.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)slipDay.DayOfWeek + 7) % 7);
        platform.Clock.SetUtcNow(new DateTimeOffset(monday.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        var first = Emitted(await platform.InvokeAsync(nameof(SendSlippedMilestonesDigest), new { timer = new { IsPastDue = false } }));
        Assert.Equal(["council", "manager"], first.Select(n => n.GetProperty("to").GetProperty("kind").GetString()).Order());
        Assert.All(first, n => Assert.Contains("Tafels plaatsen", n.GetProperty("values").GetProperty("list").GetString(), StringComparison.Ordinal));
        var again = Emitted(await platform.InvokeAsync(nameof(SendSlippedMilestonesDigest), new { timer = new { IsPastDue = true } }));
        Assert.Equal(first.Select(n => n.GetProperty("notificationId").GetString()).Order(), again.Select(n => n.GetProperty("notificationId").GetString()).Order());

        // A week later it still slips, but it is not new: no digest at all.
        platform.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True(await SlippingAsync(id));
        Assert.Empty(Emitted(await platform.InvokeAsync(nameof(SendSlippedMilestonesDigest), new { timer = new { IsPastDue = false } })));
    }

    private async Task<bool> SlippingAsync(string id)
    {
        var item = await OkAsync(await platform.Anonymous.GetAsync($"/api/realisation/{id}"));
        return item.GetProperty("milestones")[0].GetProperty("slipping").GetBoolean();
    }
}
