using Participation.Realisation;
using Participation.App.Realisation;

namespace Participation.App.Web.Realisation;

/// <summary>How realisation reads for people, in both languages; the API keeps its wire names.</summary>
public static class RealisationTexts
{
    public static string Status(WebLanguage l, string status) => status switch
    {
        "planned" => l.T("Gepland", "Planned"),
        "in-progress" => l.T("In uitvoering", "In progress"),
        "done" => l.T("Gerealiseerd", "Done"),
        "stopped" => l.T("Gestopt", "Stopped"),
        _ => status,
    };

    public static string Tone(string status) => status switch
    {
        "done" => "positive",
        "stopped" => "neutral",
        "in-progress" => "positive",
        _ => "open",
    };

    public static string Kind(WebLanguage l, string kind) =>
        kind == "initiative" ? l.T("Buurtinitiatief", "Neighbourhood initiative") : l.T("Buurtbudgetplan", "Neighbourhood budget project");

    public static string Day(WebLanguage l, DateOnly day) => day.ToString("d MMMM yyyy", l.Culture);

    public static string Euro(WebLanguage l, long amount) => "€ " + amount.ToString("N0", l.Culture);

    public static string Percent(WebLanguage l, double? share) => share is { } s ? (s * 100).ToString("N0", l.Culture) + "%" : l.T("geen gegevens", "no data");

    /// <summary>Where the item came from, for a link back: the initiative's page or the budget's results.</summary>
    public static string SourceUrl(RealisationView item) => item.Kind == "initiative"
        ? $"/initiatieven/{Uri.EscapeDataString(item.SourceId)}"
        : $"/buurtbudget/{Uri.EscapeDataString(RealisationFigures.BudgetOf(item.SourceId))}/uitslag";

    public static string Progress(WebLanguage l, RealisationView.ProgressView p) =>
        p.Total == 0 ? l.T("Nog geen mijlpalen", "No milestones yet") : l.T($"{p.Done} van {p.Total} mijlpalen klaar", $"{p.Done} of {p.Total} milestones done");

    public static int ProgressPercent(RealisationView.ProgressView p) => p.Total == 0 ? 0 : (int)Math.Round(100.0 * p.Done / p.Total, MidpointRounding.AwayFromZero);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
