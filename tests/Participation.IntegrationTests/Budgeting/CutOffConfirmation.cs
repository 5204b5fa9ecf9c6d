using Microsoft.Extensions.DependencyInjection;
using Participation.App.Budgeting;
using Participation.App.Identity;

namespace Participation.IntegrationTests.Budgeting;

/// <summary>A confirmation of a paper batch cut off (a crash) after its first ballot: confirmed on record, one ballot stored.</summary>
public static class CutOffConfirmation
{
    public static async Task StoreFirstBallotOnlyAsync(IServiceProvider services, string budgetId, string batchId)
    {
        var (batches, box) = (services.GetRequiredService<PaperBallotBatches>(), services.GetRequiredService<BallotBox>());
        var bram = new PlatformUser("bram.jansen", "Bram", new HashSet<string> { Roles.Official }, new HashSet<string>(), new HashSet<string>());
        Assert.True(await batches.ConfirmAsync(budgetId, (await batches.FindAsync(budgetId, batchId, CancellationToken.None))!, bram, DateTimeOffset.UtcNow, CancellationToken.None));
        var first = (await batches.ReadRowsAsync(budgetId, batchId, CancellationToken.None))[0];
        Assert.IsType<BallotBox.Stored>(await box.CastAsync(box.ForCode(budgetId, first.Code), first.Ballot, null, paper: true, DateTimeOffset.UtcNow, CancellationToken.None, batch: batchId));
    }
}
