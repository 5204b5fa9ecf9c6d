using Azure.Data.Tables;
using Participation.Municipality.Calendar;

namespace Participation.App.Audit;

/// <summary>
/// Reading the audit trail for people: every audited table, filtered and newest first. The admin page and the CSV export
/// read through this one query, so what an administrator sees is what they download.
/// </summary>
public sealed class AuditLog(TableServiceClient tables, IEnumerable<AuditedTable> audited)
{
    public sealed record Filter(string? Actor = null, string? Action = null, string? Subject = null, DateOnly? From = null, DateOnly? Until = null)
    {
        public bool Matches(AuditEntry entry)
        {
            var day = DutchTime.DateOf(entry.At);
            return Contains(entry.ActorId, Actor) && Contains(entry.Action, Action) && Contains(entry.Subject, Subject)
                && (From is null || day >= From) && (Until is null || day <= Until);
        }

        private static bool Contains(string value, string? part) =>
            string.IsNullOrWhiteSpace(part) || value.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(Filter filter, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        foreach (var table in audited.Select(t => t.Name).Distinct())
        {
            await foreach (var entry in AuditTrail.ReadAllAsync(tables.GetTableClient(table), cancellationToken))
            {
                if (filter.Matches(entry))
                {
                    entries.Add(entry);
                }
            }
        }

        return entries.OrderByDescending(e => e.At).ToList();
    }
}
