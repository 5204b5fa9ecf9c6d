using System.Net;
using System.Text;
using Participation.App.Council;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.Initiatives.Routing;

namespace Participation.IntegrationTests.Web;

/// <summary>The council's CSV opens in Dutch Excel in columns: semicolons, a UTF-8 BOM, Dutch headers, "12,5%" and hours below a day.</summary>
public sealed class CouncilSpreadsheetTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Theory]
    [InlineData("share", 0.125, "12,5%")]
    [InlineData("days", 0.25, "6,0 uur")]
    [InlineData("days", 3.2, "3,2 dagen")]
    [InlineData("count", 1234, "1.234")]
    [InlineData("seconds", 42, "42 seconden")]
    public void Values_read_as_a_dutch_reader_reads_them(string unit, double value, string expected) =>
        Assert.Equal(expected, CouncilSpreadsheet.Value(unit, value));

    [Fact]
    public async Task The_excel_csv_has_a_bom_semicolons_dutch_headers_and_keeps_the_formula_guard()
    {
        await office.ConfigureRoutingAsync(c => c with { Neighbourhoods = [.. c.Neighbourhoods, new Neighbourhood("formule", "=HYPERLINK(\"http://evil\")")] });
        await office.SubmitAsync(new { title = "Meer bankjes", description = "Bij het plein.", neighbourhood = "formule" });
        var council = await office.Factory.AsAsync("council-jeroen");

        // The initiative reaches the index (which the dashboard reads) just after it is stored.
        await Eventually.HoldsAsync(async () => (await council.GetByteArrayAsync("/api/council/dashboard-excel.csv?days=30")) is var csv
            && Encoding.UTF8.GetString(csv).Contains("\"Initiatieven per buurt\";\"'=HYPERLINK(\"\"http://evil\"\")\";\"1\"", StringComparison.Ordinal),
            "the new neighbourhood's initiative is counted");

        var response = await council.GetAsync("/api/council/dashboard-excel.csv?days=30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Onderdeel\";\"Onderwerp\";\"Deze periode\";\"Aantal deze periode\";\"Vorige periode\";\"Aantal vorige periode\";\"Toelichting\"", lines[0]);
        Assert.All(lines, l => Assert.Equal(7, l.Split("\";\"").Length));
        Assert.Contains(lines, l => l.StartsWith("\"Kerncijfer\";\"Ingediende initiatieven\";", StringComparison.Ordinal));
        Assert.Contains("\"Initiatieven per buurt\";\"'=HYPERLINK(\"\"http://evil\"\")\";\"1\"", string.Join('\n', lines));
        Assert.DoesNotContain(lines, l => l.Contains("0,0 dagen", StringComparison.Ordinal));
    }
}
