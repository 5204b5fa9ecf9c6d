using System.Net;
using System.Net.Http.Json;
using System.Text;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.IntegrationTests.Infrastructure;
using static Participation.IntegrationTests.Budgeting.BudgetingFixture;

namespace Participation.IntegrationTests.Budgeting;

/// <summary>The paper import through a real server, so the request body limits are the ones residents' officials meet.</summary>
public sealed class PaperBallotImportLimitTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        factory.UseKestrel(0);
        factory.StartServer();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_paper_import_takes_the_documented_fifty_thousand_rows_and_only_as_csv()
    {
        var admin = await factory.AsAsync("admin-ingrid");
        var id = NewId();
        await OkAsync(await admin.PostAsJsonAsync("/api/budgets", new { id, title = "Papier", neighbourhood = "oosterpark", amount = 10_000, eligibility = "codes", eligibleVoters = 100 }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = "Plan 1", description = "Een plan.", cost = 4_000 }));
        await OkAsync(await admin.PutAsJsonAsync($"/api/budgets/{id}/rules", new { voteType = "approval", minProjects = 1, maxProjects = 1, outcomeRule = "greedy" }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        // Rows without a valid code are reported, not stored: the point here is that 50,000 rows get in at all
        // (the API's 64 KiB default refused about 2,400).
        var csv = "code,projects\n" + string.Concat(Enumerable.Range(0, ImportPaperBallots.MaxRows).Select(i => $"GEEN-CODE-{i:D5},\"p1\"\n"));
        Assert.True(Encoding.UTF8.GetByteCount(csv) > 16 * 64 * 1024);

        var import = await OkAsync(await admin.PostAsync($"/api/budgets/{id}/paper-ballots", new StringContent(csv, Encoding.UTF8, "text/csv")));

        Assert.Equal("pending", import.GetProperty("status").GetString());
        Assert.Equal(0, import.GetProperty("rows").GetInt32());
        Assert.Equal(ImportPaperBallots.MaxRows, import.GetProperty("rejected").GetArrayLength());
        var plain = await admin.PostAsync($"/api/budgets/{id}/paper-ballots", new StringContent("code,projects\n", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
    }
}
