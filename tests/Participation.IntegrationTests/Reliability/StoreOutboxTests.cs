using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Hosting.Events;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.App.Chatbot;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.Realisation;
using Participation.App.Realisation;

namespace Participation.IntegrationTests.Reliability;

/// <summary>
/// Budgets and the chatbot's registered questions keep their side effects in an outbox like initiatives do: when the queue
/// fails after the table write, the change stands and the dispatcher or the sweep carries out the effects once the queue
/// is back. Real Azurite; only the sending of queue messages is made to fail.
/// </summary>
public sealed class StoreOutboxTests(FailingQueuesFixture fixture) : IClassFixture<FailingQueuesFixture>
{
    private static readonly TimeSpan SweepWithin = TimeSpan.FromSeconds(60);
    private readonly BackOffice office = fixture.Office;
    private readonly FailingQueues queues = fixture.Queues;

    [Fact]
    public async Task Results_published_while_the_queue_fails_still_ask_realisation_for_the_funded_projects_once_it_is_back()
    {
        var admin = await office.Factory.AsAsync("admin-ingrid");
        var id = "outbox-" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await admin.PostAsJsonAsync("/api/budgets", new { id, title = "Buurtbudget uitgesteld", neighbourhood = "oosterpark", amount = 10_000, eligibility = "codes" }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = "Bankjes", description = "Een plan.", cost = 4_000 }));
        await OkAsync(await admin.PutAsJsonAsync($"/api/budgets/{id}/rules", new { voteType = "approval", minProjects = 1, maxProjects = 1, outcomeRule = "greedy" }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));

        queues.Failing = true;
        try
        {
            var refusedBefore = queues.Refused;
            // The move itself is stored and answered: its request to realisation waits in the budget's outbox.
            await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "results" }));
            Assert.True(queues.Refused > refusedBefore, "the realisation request could not be sent");
            Assert.DoesNotContain(queues.Sent, m => m.Queue == RealiseFundedProjects.Queue && m.Text.Contains(id));
            Assert.NotEmpty(await OutboxRowsAsync(BudgetStore.Table, id));
        }
        finally
        {
            queues.Failing = false;
        }

        await Eventually.HoldsAsync(() => Task.FromResult(queues.Sent.Any(m => m.Queue == RealiseFundedProjects.Queue && m.Text.Contains(id))),
            "the realisation request is sent by the dispatcher or the sweep", SweepWithin);
        await Eventually.HoldsAsync(async () => (await OutboxRowsAsync(BudgetStore.Table, id)).Count == 0, "the budget's outbox is empty", TimeSpan.FromSeconds(10));
        var budget = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/budgets/{id}");
        Assert.Equal("results", budget.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task A_question_registered_while_the_queue_fails_is_stored_and_both_emails_go_out_once_the_queue_is_back()
    {
        var email = $"vraag-{Guid.NewGuid():N}@example.org";
        var code = "VR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registrar = office.Factory.Services.GetRequiredService<IBotCaseRegistrar>();
        queues.Failing = true;
        try
        {
            var refusedBefore = queues.Refused;
            await registrar.RegisterQuestionAsync(
                new RegisteredQuestion("no-conversation", code, "Wanneer wordt het grofvuil opgehaald?", "waste", "nl-NL", email, [], DateTimeOffset.UtcNow), CancellationToken.None);
            Assert.True(queues.Refused > refusedBefore, "the e-mails could not be queued");
            Assert.Equal(2, (await OutboxRowsAsync(QuestionStore.Table, code)).Count);
        }
        finally
        {
            queues.Failing = false;
        }

        Assert.NotNull(await office.Factory.Services.GetRequiredService<BotQuestionRegistrar>().FindAsync(code, CancellationToken.None));
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Subject.Contains(code))), "the resident's confirmation", SweepWithin);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To != email && m.Subject.Contains(code))), "the front office's mail", SweepWithin);
        await Eventually.HoldsAsync(async () => (await OutboxRowsAsync(QuestionStore.Table, code)).Count == 0, "the question's outbox is empty", TimeSpan.FromSeconds(10));
        Assert.Single(office.SendGrid.Accepted, m => m.To == email && m.Subject.Contains(code));
    }

    private async Task<IReadOnlyList<TableEntity>> OutboxRowsAsync(string table, string partition)
    {
        var client = office.Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"outbox|"} and RowKey lt {"outbox}"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
}
