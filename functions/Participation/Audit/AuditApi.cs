using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using CsvHelper;
using CsvHelper.Configuration;
using Participation.Identity;

namespace Participation.Audit;

/// <summary>Tables whose partitions hold audit entries; the admin export reads them all.</summary>
public sealed record AuditedTable(string Name);

public static class AuditApi
{
    public static IServiceCollection AddAuditedTable(this IServiceCollection services, string table) =>
        services.AddSingleton(new AuditedTable(table));

    public static WebApplication MapAuditApi(this WebApplication app)
    {
        app.MapGet("/api/admin/audit.csv", ExportAsync)
            .WithName("ExportAuditTrail").WithTags("Audit").WithSummary("The whole audit trail as CSV (admins)")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<IResult> ExportAsync(TableServiceClient tables, IEnumerable<AuditedTable> audited, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        foreach (var table in audited.Select(t => t.Name).Distinct())
        {
            await foreach (var entry in AuditTrail.ReadAllAsync(tables.GetTableClient(table), cancellationToken))
            {
                entries.Add(entry);
            }
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Escape cells that a spreadsheet would run as a formula: the trail holds text that residents typed.
        await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            await csv.WriteRecordsAsync(entries.OrderBy(e => e.At), cancellationToken);
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", "audit.csv");
    }
}
