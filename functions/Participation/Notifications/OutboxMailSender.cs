using Azure.Data.Tables;

namespace Participation.App.Notifications;

/// <summary>Without a SendGrid key, e-mail lands in the Outbox table; <c>./run.sh</c> users read it at <c>/dev/outbox</c>.</summary>
public sealed class OutboxMailSender(TableServiceClient tables, TimeProvider clock) : IMailSender
{
    public const string Table = "Outbox";
    private const string Partition = "outbox";

    public sealed record OutboxEmail(string To, string Subject, string Body, DateTimeOffset SentAt, string NotificationId, IReadOnlyDictionary<string, string>? Headers = null);

    public async Task SendAsync(Email email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Newest first when read in key order; the notification id keeps a resend in the same row.
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}";
        await tables.GetTableClient(Table).UpsertEntityAsync(new TableEntity(Partition, email.NotificationId)
        {
            ["To"] = email.To,
            ["Subject"] = email.Subject,
            ["Body"] = email.Body,
            ["SentAt"] = now,
            ["Order"] = rowKey,
            ["Headers"] = email.Headers is null ? null : System.Text.Json.JsonSerializer.Serialize(email.Headers),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public static async Task<IReadOnlyList<OutboxEmail>> ReadAsync(TableServiceClient tables, int max, CancellationToken cancellationToken)
    {
        var emails = new List<OutboxEmail>();
        await foreach (var e in tables.GetTableClient(Table).QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            emails.Add(new OutboxEmail(e.GetString("To") ?? "", e.GetString("Subject") ?? "", e.GetString("Body") ?? "", e.GetDateTimeOffset("SentAt") ?? default, e.RowKey,
                e.GetString("Headers") is { } headers ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(headers) : null));
        }

        return emails.OrderByDescending(e => e.SentAt).Take(max).ToList();
    }
}
