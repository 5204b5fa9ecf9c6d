using System.Text;
using Participation.App.Hosting;

namespace Participation.App.Council;

/// <summary>
/// The dashboard as a CSV that Dutch Excel opens in columns: semicolons (Excel with Dutch regional settings splits on
/// them, not on commas), a UTF-8 byte order mark (without it Excel reads "geëscaleerd" as Windows-1252), Dutch headers,
/// and values as people read them — "12,5%", "3,2 dagen", "5,0 uur" — next to the count they rest on. The machine
/// CSV (<c>dashboard.csv</c>) keeps its invariant numbers for programs.
/// </summary>
public static class CouncilSpreadsheet
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static byte[] Write(CouncilDashboard.Result result)
    {
        var rows = new List<CsvCell[]>();
        void Row(params string[] cells) => rows.Add([.. cells.Select(cell => (CsvCell)cell)]);

        Row("Periode", "Van – tot", $"{Day(result.Current.From)} – {Day(result.Current.To)}", "", $"{Day(result.Previous.From)} – {Day(result.Previous.To)}", "", "");
        foreach (var f in result.Figures)
        {
            Row("Kerncijfer", Name(f.Key), Value(f.Unit, f.Current), Count(f.Measured), Value(f.Unit, f.Previous), Count(f.MeasuredBefore), Explanation(f.Key));
        }

        foreach (var c in result.ByNeighbourhood) Row("Initiatieven per buurt", c.Name, Whole(c.Current), "", Whole(c.Previous), "", "");
        foreach (var c in result.ByTheme) Row("Initiatieven per thema", c.Name, Whole(c.Current), "", Whole(c.Previous), "", "");
        foreach (var c in result.ByStatus) Row("Initiatieven per status", Status(c.Code), Whole(c.Current), "", Whole(c.Previous), "", "");

        // Budgets and realisation are the state now, not per period: only "Deze periode" is filled.
        foreach (var t in result.Budgets.Turnout)
        {
            Row("Buurtbudget opkomst", $"{t.NeighbourhoodName} ({t.BudgetId})", Share(t.Share), Whole(t.Ballots), "", "",
                t.Eligible is { } eligible ? $"{Whole(t.Ballots)} stemmen van {Whole(eligible)} stemgerechtigden" : $"{Whole(t.Ballots)} stemmen");
        }

        foreach (var o in result.Budgets.Outcomes)
        {
            Row("Buurtbudget besteed", $"{o.Title} ({o.BudgetId})", Euro(o.Cost), "", "", "", $"Over: {Euro(o.Leftover)}");
            foreach (var p in o.Funded) Row("Buurtbudget gekozen plan", $"{p.Title} ({o.BudgetId})", Whole(p.Votes), "", "", "", "stemmen");
        }

        var r = result.Realisation;
        foreach (var n in r.ByNeighbourhood) Row("Uitvoering gerealiseerd per buurt", n.Code, Share(n.RealisedShare), Whole(n.Items), "", "", $"{Whole(n.Realised)} van {Whole(n.Items)} gerealiseerd");
        foreach (var b in r.ByBudget) Row("Uitvoering gerealiseerd per buurtbudget", b.Code, Share(b.RealisedShare), Whole(b.Items), "", "", $"{Whole(b.Realised)} van {Whole(b.Items)} gerealiseerd");
        Row("Uitvoering geld", "Begroot", Euro(r.Totals.Planned), "", "", "", "");
        Row("Uitvoering geld", "Uitgegeven", Euro(r.Totals.Spent), "", "", "", "");
        foreach (var s in r.Slipping) Row("Uitvoering vertraagd", s.MilestoneTitle, Whole(s.DaysLate) + " dagen te laat", "", "", "", $"gepland {Day(s.Planned)}, team {s.Team}");

        var csv = CsvFile.Write(["Onderdeel", "Onderwerp", "Deze periode", "Aantal deze periode", "Vorige periode", "Aantal vorige periode", "Toelichting"],
            rows, ExcelLayout);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
    }

    public static string FileName(CouncilDashboard.Result result, int days) =>
        $"raadsdashboard-{result.Current.To:yyyy-MM-dd}-{days}-dagen-excel.csv";

    internal static string Value(string unit, double? value) => value switch
    {
        null => "geen gegevens",
        { } v when unit == "share" => Share(v),
        { } v when unit == "days" && v < 1 => (v * 24).ToString("0.0", Dutch) + " uur",
        { } v when unit == "days" => v.ToString("0.0", Dutch) + " dagen",
        { } v when unit == "seconds" => v.ToString("0", Dutch) + " seconden",
        { } v => v.ToString("#,0", Dutch),
    };

    private static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", Dutch) + "%" : "geen gegevens";

    private static string Whole(double value) => value.ToString("#,0", Dutch);

    private static string Euro(double value) => "€ " + value.ToString("#,0", Dutch);

    private static string Count(int? count) => count?.ToString("#,0", Dutch) ?? "";

    private static string Day(DateTimeOffset at) => DutchDay(at);

    private static string Day(DateOnly day) => day.ToString("d-M-yyyy", Dutch);

    private static string DutchDay(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("d-M-yyyy", Dutch);

    private static string Name(string key) => key switch
    {
        "initiatives" => "Ingediende initiatieven",
        "first-response-median" => "Eerste reactie (mediaan)",
        "first-response-p90" => "Eerste reactie (90e percentiel)",
        "decision-median" => "Tot besluit (mediaan)",
        "decision-p90" => "Tot besluit (90e percentiel)",
        "within-term" => "Eerste reactie binnen de termijn",
        "escalated" => "Geëscaleerd",
        "supports" => "Steunbetuigingen",
        "threshold-reached" => "Drempel bereikt",
        "bot-conversations" => "Chatgesprekken",
        "bot-self-service" => "Geholpen door de chat alleen",
        "bot-handoffs" => "Doorverbonden verzoeken",
        "bot-handoffs-accepted" => "Overgenomen door een medewerker",
        "bot-waiting-median" => "Wachttijd tot een medewerker (mediaan)",
        _ => key,
    };

    private static string Explanation(string key) => key switch
    {
        "first-response-median" or "first-response-p90" => "Aantal = initiatieven met een eerste reactie",
        "decision-median" or "decision-p90" => "Aantal = initiatieven met een besluit",
        "within-term" => "Aantal = initiatieven waarvan de termijn is verstreken of die al een reactie kregen",
        "bot-self-service" => "Alleen gesprekken die eindigden met een antwoord uit de kennisbank; \"dat weet ik niet\" telt niet",
        _ => "",
    };

    private static string Status(string code) => code switch
    {
        "submitted" => "Ingediend",
        "routed" => "Bij een team",
        "in-review" => "In behandeling",
        "needs-info" => "Informatie gevraagd",
        "accepted" => "Goedgekeurd",
        "rejected" => "Afgewezen",
        "merged" => "Samengevoegd",
        "in-progress" => "In uitvoering",
        "completed" => "Uitgevoerd",
        _ => code,
    };

    /// <summary>Semicolons and every cell quoted, so Dutch Excel splits the columns and guesses no types.</summary>
    private static readonly CsvLayout ExcelLayout = new(";", QuoteHeader: true, QuoteText: true);
}
