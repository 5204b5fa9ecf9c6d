using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Participation.App.Hosting;
using Participation.App.Notifications;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Notifications;

/// <summary>
/// The one gap between an e-mail going out and it being recorded as sent: storage goes away in between. Real Azurite; only
/// the notification handler's table client is cut off, right after the mail provider accepted the mail.
/// </summary>
public sealed class SendNotificationTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    [Fact]
    public async Task An_email_that_went_out_just_before_storage_went_away_is_recorded_later_and_never_sent_twice()
    {
        var services = fixture.Office.Factory.Services;
        var outage = new StorageOutage();
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        options.AddPolicy(outage, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(fixture.Office.Storage.ConnectionString, options);
        var mail = new MailThenOutage(outage);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var notification = new NotificationRequested($"outage-{Guid.NewGuid():N}", "initiative-assigned", Recipient.Official("lotte.smit"),
            new Dictionary<string, string> { ["trackingCode"] = "K7QXM2PD9RC" });
        var delivery = new QueueMetadata("message", 1, DateTimeOffset.UtcNow, null, null);
        SendNotification Handler() => ActivatorUtilities.CreateInstance<SendNotification>(services, tables, mail, clock);

        await Assert.ThrowsAsync<RequestFailedException>(() => Handler().HandleAsync(notification, delivery, CancellationToken.None));
        Assert.Single(mail.Sent);

        // Storage is back long after the claim has aged; the retried message and a replay from the outbox both arrive.
        outage.Over();
        clock.Advance(TimeSpan.FromMinutes(10));
        await Handler().HandleAsync(notification, delivery with { DequeueCount = 2 }, CancellationToken.None);
        await Handler().HandleAsync(notification, delivery, CancellationToken.None);

        Assert.Single(mail.Sent);
        var state = await tables.GetTableClient(SendNotification.Table).GetEntityAsync<TableEntity>(notification.NotificationId, "state");
        Assert.True(state.Value.GetBoolean("Sent"));
    }

    [Fact]
    public async Task A_claim_orphaned_by_an_outage_holds_the_only_delivery_until_it_ages_and_does_not_fail_it()
    {
        var services = fixture.Office.Factory.Services;
        var tables = services.GetRequiredService<TableServiceClient>();
        var mail = new MailThenOutage(new StorageOutage());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var notification = new NotificationRequested($"orphan-{Guid.NewGuid():N}", "initiative-assigned", Recipient.Official("lotte.smit"),
            new Dictionary<string, string> { ["trackingCode"] = "K7QXM2PD9RC" });
        // A sender claimed the notification, then lost storage before it could send or release the claim.
        await tables.GetTableClient(SendNotification.Table).UpsertEntityAsync(
            new TableEntity(notification.NotificationId, "state") { ["Sent"] = false, ["ClaimedAt"] = clock.GetUtcNow(), ["Template"] = notification.Template });

        var handling = ActivatorUtilities.CreateInstance<SendNotification>(services, mail, clock)
            .HandleAsync(notification, new QueueMetadata("message", 1, DateTimeOffset.UtcNow, null, null), CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(handling.IsCompleted, "the delivery should wait while the claim is young");
        Assert.Empty(mail.Sent);

        var waited = TimeSpan.Zero;
        while (!handling.IsCompleted && waited < TimeSpan.FromSeconds(40))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        await handling;
        Assert.InRange(waited, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(35));
        Assert.Single(mail.Sent);
    }

    /// <summary>Every request fails while the outage lasts, as when the storage account cannot be reached.</summary>
    private sealed class StorageOutage : HttpPipelineSynchronousPolicy
    {
        private volatile bool down;

        public void Begin() => down = true;

        public void Over() => down = false;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (down) throw new RequestFailedException(503, "Injected: storage is unreachable.");
        }
    }

    /// <summary>A mail provider that accepts the mail, after which storage goes away.</summary>
    private sealed class MailThenOutage(StorageOutage outage) : IMailSender
    {
        public List<Email> Sent { get; } = [];

        public Task SendAsync(Email email, CancellationToken cancellationToken)
        {
            Sent.Add(email);
            outage.Begin();
            return Task.CompletedTask;
        }
    }
}
