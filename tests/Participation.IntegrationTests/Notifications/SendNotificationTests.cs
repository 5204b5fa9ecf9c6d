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
