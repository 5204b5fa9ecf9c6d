using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.App.Privacy;

namespace Participation.IntegrationTests.Reliability;

/// <summary>The reconciliation timer repairs derived data that disagrees with the case, and says what it repaired.</summary>
public sealed class ReconciliationTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task A_stale_index_row_and_an_unclosed_contact_of_a_closed_case_are_repaired_and_logged()
    {
        var code = await office.SubmitAsync(new { title = "Afvalbak bij het bankje", description = "Er ligt veel zwerfafval.", neighbourhood = "westhaven", theme = "afval", email = "reconcile@example.org" });
        await office.WaitForStatusAsync(code, "routed");
        var lotte = await office.Factory.AsAsync("lotte.smit");
        var version = (await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();
        var reviewed = await (await lotte.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version })).Content.ReadFromJsonAsync<JsonElement>();
        var rejected = await lotte.PostAsJsonAsync($"/api/cases/{code}/reject", new { version = reviewed.GetProperty("version").GetString(), reason = "Dit regelt de afvaldienst al." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var contacts = office.Factory.Services.GetRequiredService<ContactStore>();
        await Eventually.HoldsAsync(async () => (await contacts.FindAsync(code, CancellationToken.None))?.ClosedAt is not null, "the outbox closed the contact");
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "reconcile@example.org" && m.Subject.Contains(code))), "the confirmation was sent");
        var closed = (await office.Store.FindAsync(code, CancellationToken.None))!;

        // What a lost update would leave: the index still says routed with no due date, the contact still open.
        await office.Store.RewriteIndexAsync(closed with { Status = InitiativeStatus.Routed, DueDate = null }, CancellationToken.None);
        var contact = (await contacts.FindAsync(code, CancellationToken.None))!;
        await contacts.SaveAsync(contact with { ClosedAt = null }, CancellationToken.None);

        using var scope = office.Factory.Services.CreateScope();
        var repaired = await scope.ServiceProvider.GetRequiredService<ReconcileInitiatives>().ReconcileAsync(closed, CancellationToken.None);

        Assert.Equal(2, repaired);
        var listing = await office.Store.FindListingAsync(closed, CancellationToken.None);
        Assert.Equal(InitiativeStatus.Rejected, listing!.Status);
        Assert.NotNull((await contacts.FindAsync(code, CancellationToken.None))!.ClosedAt);
        Assert.Contains(office.Logs.Lines, m => m.Contains(code) && m.Contains("index row"));
        Assert.Contains(office.Logs.Lines, m => m.Contains(code) && m.Contains("contact of closed"));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReconcileInitiatives>().ReconcileAsync(closed, CancellationToken.None));
    }
}
