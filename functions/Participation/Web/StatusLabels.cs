namespace Participation.App.Web;

/// <summary>How statuses and timeline events read for people, in both languages (the API keeps its wire names).</summary>
public static class StatusLabels
{
    private static readonly Dictionary<string, (string Nl, string En)> Statuses = new()
    {
        ["submitted"] = ("Ingediend", "Submitted"),
        ["routed"] = ("Bij een team", "With a team"),
        ["in-review"] = ("In behandeling", "Being reviewed"),
        ["needs-info"] = ("Informatie gevraagd", "Information requested"),
        ["accepted"] = ("Goedgekeurd", "Accepted"),
        ["rejected"] = ("Afgewezen", "Rejected"),
        ["merged"] = ("Samengevoegd", "Merged"),
        ["in-progress"] = ("In uitvoering", "In progress"),
        ["completed"] = ("Uitgevoerd", "Completed"),
    };

    private static readonly Dictionary<string, (string Nl, string En)> Actions = new()
    {
        ["start-review"] = ("In behandeling nemen", "Start review"),
        ["ask-info"] = ("Informatie vragen", "Ask for information"),
        ["accept"] = ("Goedkeuren", "Accept"),
        ["reject"] = ("Afwijzen", "Reject"),
        ["merge"] = ("Samenvoegen", "Merge"),
        ["start-work"] = ("Uitvoering starten", "Start work"),
        ["complete"] = ("Afronden", "Complete"),
        ["reassign"] = ("Overdragen", "Reassign"),
        ["correct-theme"] = ("Thema corrigeren", "Correct theme"),
        ["note"] = ("Interne notitie", "Internal note"),
        ["photo-removed"] = ("Foto verwijderd", "Photo removed"),
    };

    public static IReadOnlyCollection<string> AllStatuses => Statuses.Keys;

    /// <summary>Every status name in both languages, for checks that a page speaks one language.</summary>
    public static IEnumerable<(string Dutch, string English)> StatusNames => Statuses.Values.Select(l => (l.Nl, l.En));

    public static string Status(WebLanguage language, string status) =>
        Statuses.TryGetValue(status, out var label) ? language.T(label.Nl, label.En) : status;

    public static string Action(WebLanguage language, string action) =>
        Actions.TryGetValue(action, out var label) ? language.T(label.Nl, label.En) : action;

    /// <summary>Closed or decided statuses read as done; the rest as under way (a CSS class, colour is never the only cue).</summary>
    public static string Tone(string status) => status switch
    {
        "accepted" or "completed" or "in-progress" => "positive",
        "rejected" or "merged" => "neutral",
        "needs-info" => "attention",
        _ => "open",
    };
}
