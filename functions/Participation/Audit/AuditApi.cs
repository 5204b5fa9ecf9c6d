using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text;
using Participation.App.Hosting;

namespace Participation.App.Audit;

/// <summary>Tables whose partitions hold audit entries; the admin export reads them all.</summary>
public sealed record AuditedTable(string Name);

public static class AuditApi
{
    public static IServiceCollection AddAuditedTable(this IServiceCollection services, string table)
    {
        services.TryAddSingleton<AuditLog>();
        return services.AddSingleton(new AuditedTable(table));
    }

    public static WebApplication MapAuditApi(this WebApplication app)
    {
        app.MapGet("/api/admin/audit.csv", ExportAsync)
            .WithName("ExportAuditTrail").WithTags("Audit").WithSummary("The audit trail as CSV, oldest first, optionally filtered by actor, action, subject and dates (admins)")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<IResult> ExportAsync(
        string? actor, string? action, string? subject, DateOnly? from, DateOnly? until, AuditLog log, CancellationToken cancellationToken)
    {
        var entries = await log.ReadAsync(new AuditLog.Filter(actor, action, subject, from, until), cancellationToken);

        // The trail holds text that residents typed: CsvFile neutralises what a spreadsheet would run as a formula.
        var csv = await CsvFile.WriteRecordsAsync(entries.OrderBy(e => e.At), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", "audit.csv");
    }
}
