using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Participation.Identity;

namespace Participation.Audit;

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

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Escape cells that a spreadsheet would run as a formula: the trail holds text that residents typed.
        await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            await csv.WriteRecordsAsync(entries.OrderBy(e => e.At), cancellationToken);
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", "audit.csv");
    }
}
