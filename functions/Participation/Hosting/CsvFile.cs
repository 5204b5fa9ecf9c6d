using CsvHelper;
using CsvHelper.Configuration;

namespace Participation.App.Hosting;

/// <summary>
/// Every CSV the platform hands out is written here, with CsvHelper: quoting as RFC 4180 needs it (or always, where a
/// layout asks), and a text cell that a spreadsheet would run as a formula — starting with = + - @, a tab or a carriage
/// return; Excel and LibreOffice skip a leading tab or CR and read the formula behind it — prefixed with <c>'</c>
/// (OWASP "CSV injection"): exports hold text that residents and officials typed.
/// </summary>
public static class CsvFile
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A header row and rows of cells, laid out as <paramref name="layout"/> says (commas, quoted where needed by default).</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IEnumerable<CsvCell>> rows, CsvLayout? layout = null)
    {
        layout ??= CsvLayout.Plain;
        var quoteNext = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = layout.Delimiter,
            NewLine = "\r\n",
            ShouldQuote = args => quoteNext || ConfigurationFunctions.ShouldQuote(args),
        };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, configuration))
        {
            void Write(CsvCell cell, bool quoted)
            {
                quoteNext = quoted;
                csv.WriteField(cell.IsNumber ? cell.Text : Neutralised(cell.Text));
            }

            foreach (var name in header)
            {
                Write(name, layout.QuoteHeader);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    Write(cell, layout.QuoteText && !cell.IsNumber);
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>Records as rows, their property names as the header; text neutralised by CsvHelper's own injection escape.</summary>
    public static async Task<string> WriteRecordsAsync<T>(IEnumerable<T> records, CancellationToken cancellationToken)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = InjectionOptions.Escape, InjectionCharacters = FormulaStarts, InjectionEscapeCharacter = '\'',
        };
        await using (var csv = new CsvWriter(text, configuration))
        {
            await csv.WriteRecordsAsync(records, cancellationToken);
        }

        return text.ToString();
    }

    /// <summary>The text as a spreadsheet shows it and never runs it.</summary>
    public static string Neutralised(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}

/// <summary>A cell: text (neutralised, quoted where the layout quotes text) or a number already formatted (written as it is).</summary>
public readonly record struct CsvCell(string Text, bool IsNumber)
{
    public static CsvCell Number(string formatted) => new(formatted, IsNumber: true);

    public static implicit operator CsvCell(string text) => new(text, IsNumber: false);
}

/// <summary>How a CSV is laid out: its separator, and whether the header and the text cells are always quoted.</summary>
public sealed record CsvLayout(string Delimiter, bool QuoteHeader, bool QuoteText)
{
    /// <summary>Commas, quotes only where a cell needs them: for programs and mail merges.</summary>
    public static CsvLayout Plain { get; } = new(",", QuoteHeader: false, QuoteText: false);
}
