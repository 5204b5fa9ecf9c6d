using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Web.Officials;

/// <summary>
/// The back office's timeline in words, in both languages: who did what, to which team and official, as colleagues say it
/// ("Doorgestuurd naar Gebiedsteam Zuid-West, behandelaar Lotte Smit") — never an event code, a pseudonym or rule syntax.
/// </summary>
public static class CaseTexts
{
    public static string Describe(WebLanguage l, CaseDetail.TimelineItem item) => item.Event switch
    {
        "submitted" => l.T("Ingediend door de inwoner", "Submitted by the resident"),
        "routed" => Assigned(l, l.T("Doorgestuurd naar", "Routed to"), item),
        "reassigned" => Assigned(l, l.T($"Overgedragen door {Who(l, item)} aan", $"Reassigned by {Who(l, item)} to"), item),
        "review-started" => l.T($"In behandeling genomen door {Who(l, item)}", $"Review started by {Who(l, item)}"),
        "information-requested" => l.T($"{Cap(Who(l, item))} vroeg de inwoner om informatie", $"{Cap(Who(l, item))} asked the resident for information"),
        "resident-replied" => l.T("De inwoner heeft de vraag beantwoord", "The resident answered the question"),
        "accepted" => l.T($"Goedgekeurd door {Who(l, item)}", $"Accepted by {Who(l, item)}"),
        "rejected" => l.T($"Afgewezen door {Who(l, item)}", $"Rejected by {Who(l, item)}"),
        "merged" => l.T($"Samengevoegd met {item.Subject ?? "een ander initiatief"} door {Who(l, item)}", $"Merged into {item.Subject ?? "another initiative"} by {Who(l, item)}"),
        "work-started" => l.T($"Uitvoering gestart door {Who(l, item)}", $"Work started by {Who(l, item)}"),
        "completed" => l.T($"Afgerond door {Who(l, item)}", $"Completed by {Who(l, item)}"),
        "threshold-reached" => l.T("Steundrempel bereikt; de gemeenteraad wordt geïnformeerd", "Support threshold reached; the council is informed"),
        "escalated" => l.T("De termijn verloopt: herinnering of escalatie verstuurd", "The deadline is near or past: reminder or escalation sent"),
        "theme-corrected" => l.T($"Thema gecorrigeerd naar {item.Subject ?? "een ander thema"} door {Who(l, item)}", $"Theme corrected to {item.Subject ?? "another theme"} by {Who(l, item)}"),
        "note" => l.T($"Interne notitie van {Who(l, item)}", $"Internal note by {Who(l, item)}"),
        _ => l.T($"Bijgewerkt door {Who(l, item)}", $"Updated by {Who(l, item)}"),
    };

    /// <summary>How the theme was decided, as a phrase after the theme's name.</summary>
    public static string ThemeSource(WebLanguage l, string source) => source switch
    {
        "resident" => l.T("gekozen door de inwoner", "chosen by the resident"),
        "keywords" => l.T("automatisch herkend aan trefwoorden", "recognised automatically from keywords"),
        "ai" => l.T("automatisch voorgesteld door het taalmodel", "suggested automatically by the language model"),
        "official" => l.T("gecorrigeerd door een medewerker", "corrected by an official"),
        _ => l.T("niet bepaald", "not determined"),
    };

    private static string Assigned(WebLanguage l, string lead, CaseDetail.TimelineItem item)
    {
        var team = item.Team ?? l.T("een ander team", "another team");
        return item.Owner is { } owner
            ? l.T($"{lead} {team}, behandelaar {owner}", $"{lead} {team}, handled by {owner}")
            : l.T($"{lead} {team}; het team kiest een behandelaar", $"{lead} {team}; the team picks an official");
    }

    private static string Who(WebLanguage l, CaseDetail.TimelineItem item) => item.ActorRole switch
    {
        "resident" => l.T("de inwoner", "the resident"),
        "system" => l.T("het systeem", "the system"),
        _ when item.Actor != item.ActorRole => item.Actor,
        "team-lead" => l.T("de teamleider", "the team lead"),
        "admin" => l.T("een beheerder", "an administrator"),
        _ => l.T("een medewerker", "an official"),
    };

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
