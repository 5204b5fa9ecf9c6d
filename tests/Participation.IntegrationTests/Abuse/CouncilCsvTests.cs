using Participation.App.Hosting;

namespace Participation.IntegrationTests.Abuse;

/// <summary>A cell in any CSV export never starts a formula, whichever character a spreadsheet skips first.</summary>
public sealed class CouncilCsvTests
{
    private static readonly CsvLayout QuotedText = new(",", QuoteHeader: false, QuoteText: true);

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("Groen en natuur", "\"Groen en natuur\"")]
    public void A_cell_that_a_spreadsheet_would_read_as_a_formula_is_quoted_and_prefixed(string value, string expected) =>
        Assert.Equal($"name\r\n{expected}\r\n", CsvFile.Write(["name"], [[value]], QuotedText));

    [Fact]
    public void A_malicious_cell_is_escaped_in_a_plain_csv_too_and_numbers_stay_as_they_are()
    {
        var csv = CsvFile.Write(["letter", "budget", "note"], [[CsvCell.Number("-3"), "oosterpark-2026", "=cmd|' /C calc'!A0"]]);
        Assert.Equal("letter,budget,note\r\n-3,oosterpark-2026,'=cmd|' /C calc'!A0\r\n", csv);
    }

    [Fact]
    public async Task Records_are_escaped_as_well()
    {
        var csv = await CsvFile.WriteRecordsAsync([new { Actor = "@admin", Action = "budget.created" }], CancellationToken.None);
        Assert.Contains("'@admin", csv);
    }
}
