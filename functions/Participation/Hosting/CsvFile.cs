using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Participation.Hosting;

/// <summary>
/// Every CSV the platform hands out is written here, with CsvHelper: quoting as RFC 4180 needs it, and a cell that a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return — Excel and LibreOffice skip a
/// leading tab or CR and read the formula behind it) prefixed with <c>'</c> (OWASP "CSV injection"): exports hold text
/// that residents typed.
/// </summary>
public static class CsvFile
{
    /// <summary>A header row and rows of cells.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, CsvLayout? layout = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Configuration(layout ?? CsvLayout.Plain)))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>Records as rows, their property names as the header.</summary>
    public static async Task<string> WriteRecordsAsync<T>(IEnumerable<T> records, CancellationToken cancellationToken)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, Configuration(CsvLayout.Plain)))
        {
            await csv.WriteRecordsAsync(records, cancellationToken);
        }

        return text.ToString();
    }

    private static CsvConfiguration Configuration(CsvLayout layout) => new(CultureInfo.InvariantCulture)
    {
        Delimiter = layout.Delimiter,
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        ShouldQuote = layout.QuoteAll ? _ => true : ConfigurationFunctions.ShouldQuote,
    };
}

/// <summary>How a CSV is laid out: its separator, and whether every cell is quoted (for spreadsheets that guess types).</summary>
public sealed record CsvLayout(string Delimiter, bool QuoteAll)
{
    public static CsvLayout Plain { get; } = new(",", QuoteAll: false);
}
