using Participation.Council;

namespace Participation.IntegrationTests.Abuse;

/// <summary>A name in the council's CSV never starts a formula, whichever character a spreadsheet skips first.</summary>
public sealed class CouncilCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("Groen en natuur", "\"Groen en natuur\"")]
    public void A_cell_that_a_spreadsheet_would_read_as_a_formula_is_quoted_and_prefixed(string value, string expected) =>
        Assert.Equal(expected, CouncilModule.Cell(value));
}
