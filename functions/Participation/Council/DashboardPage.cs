using Participation.App.Web;

namespace Participation.App.Council;

/// <summary>The council dashboard page (Web/Council/Dashboard.cshtml): the same figures for every council member, read-only.</summary>
public sealed class DashboardPage(CouncilDashboard dashboard) : PageModel
{
    public static readonly int[] PeriodChoices = [30, 90, 365];

    [BindProperty(SupportsGet = true, Name = "dagen")] public int? Days { get; set; }
    public int ChosenDays { get; private set; }
    public CouncilDashboard.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CouncilModule.Days(Days) is not { } days)
        {
            return RedirectToPage();
        }

        ChosenDays = days;
        Result = await dashboard.ComputeAsync(days, cancellationToken);
        return Page();
    }

    /// <summary>Name and a short explanation per figure: a figure is a reason to talk, not a verdict.</summary>
    public static (string Name, string Explain) Text(WebLanguage l, string key) => key switch
    {
        "initiatives" => (l.T("Ingediende initiatieven", "Initiatives submitted"),
            l.T("Meer initiatieven kan betrokkenheid betekenen, maar ook dat iets in een buurt niet goed gaat.", "More initiatives can mean engagement, but also that something in a neighbourhood is not going well.")),
        "first-response-median" => (l.T("Eerste reactie (mediaan)", "First response (median)"),
            l.T("Dagen van indienen tot de eerste reactie van een medewerker; de helft was sneller.", "Days from submission to an official's first response; half were faster.")),
        "first-response-p90" => (l.T("Eerste reactie (90e percentiel)", "First response (90th percentile)"),
            l.T("Negen op de tien kregen binnen zoveel dagen een reactie; dit laat zien hoe lang de langzaamste wachten.", "Nine in ten got a response within this many days; it shows how long the slowest wait.")),
        "decision-median" => (l.T("Tot besluit (mediaan)", "Until decision (median)"),
            l.T("Dagen van indienen tot goedkeuren, afwijzen of samenvoegen. Zorgvuldig besluiten kan tijd kosten.", "Days from submission to accepting, rejecting or merging. Careful decisions can take time.")),
        "decision-p90" => (l.T("Tot besluit (90e percentiel)", "Until decision (90th percentile)"),
            l.T("Negen op de tien besluiten vielen binnen zoveel dagen.", "Nine in ten decisions fell within this many days.")),
        "within-term" => (l.T("Eerste reactie binnen de termijn", "First response within the term"),
            l.T("Deel met een eerste reactie binnen de afgesproken 5 werkdagen. Initiatieven die nog binnen hun termijn zitten tellen nog niet mee.", "Share with a first response within the agreed 5 working days. Initiatives still within their term are not counted yet.")),
        "escalated" => (l.T("Geëscaleerd", "Escalated"),
            l.T("Initiatieven waarvan een termijn verliep en die naar een teamleider of manager gingen.", "Initiatives whose deadline passed and that went to a team lead or manager.")),
        "supports" => (l.T("Steunbetuigingen", "Supports"),
            l.T("Steun voor initiatieven uit deze periode; steun kan ook later nog komen.", "Support for initiatives from this period; support can still come later.")),
        "threshold-reached" => (l.T("Drempel bereikt", "Threshold reached"),
            l.T("Initiatieven met genoeg steun om op de agenda van de raad te komen.", "Initiatives with enough support to go on the council's agenda.")),
        "bot-conversations" => (l.T("Chatgesprekken", "Chat conversations"),
            l.T("Gesprekken met de digitale assistent waarin een inwoner iets vroeg.", "Conversations with the digital assistant in which a resident asked something.")),
        "bot-self-service" => (l.T("Geholpen door de chat alleen", "Helped by the chat alone"),
            l.T("Deel van de gesprekken dat eindigde met een antwoord uit de kennisbank, zonder doorverbinden en zonder geregistreerde vraag. Een gesprek dat eindigde met \"dat weet ik niet\" telt niet mee.",
                "Share of conversations that ended on an answer from the knowledge base, without a handoff or a registered question. A conversation that ended on \"I do not know\" does not count.")),
        "bot-handoffs" => (l.T("Doorverbonden verzoeken", "Handoff requests"),
            l.T("Gesprekken waarin de inwoner een medewerker wilde spreken.", "Conversations in which the resident asked for a person.")),
        "bot-handoffs-accepted" => (l.T("Overgenomen door een medewerker", "Taken over by an agent"),
            l.T("Verzoeken die een chatmedewerker overnam.", "Requests a chat agent took over.")),
        "bot-waiting-median" => (l.T("Wachttijd tot een medewerker (mediaan)", "Waiting for an agent (median)"),
            l.T("Seconden tot een medewerker het gesprek overnam.", "Seconds until an agent took over the conversation.")),
        _ => (key, ""),
    };

    public static string Format(WebLanguage l, string unit, double? value) => value switch
    {
        null => l.T("geen gegevens", "no data"),
        { } v when unit == "share" => l.Number(v * 100, 0) + "%",
        // Below one day a number of days reads as "0,0 dagen"; hours say what happened.
        { } v when unit == "days" && v < 1 => l.Number(v * 24, 1) + " " + l.T("uur", "hours"),
        { } v when unit == "days" => l.Number(v, 1) + " " + l.T("dagen", "days"),
        { } v when unit == "seconds" => l.Number(v, 0) + " " + l.T("seconden", "seconds"),
        { } v => l.Number(v, 0),
    };

    /// <summary>" (over 12 initiatieven)": how many cases a median, percentile or share rests on.</summary>
    public static string Over(WebLanguage l, string key, int? measured) => measured switch
    {
        null => "",
        _ when key.StartsWith("bot-", StringComparison.Ordinal) => l.T($" (over {measured} gesprekken)", $" (over {measured} conversations)"),
        1 => l.T(" (over 1 initiatief)", " (over 1 initiative)"),
        _ => l.T($" (over {measured} initiatieven)", $" (over {measured} initiatives)"),
    };

    public static string Compare(WebLanguage l, CouncilDashboard.Figure figure)
    {
        var previous = l.T("Vorige periode", "Previous period") + ": " + Format(l, figure.Unit, figure.Previous) + Over(l, figure.Key, figure.MeasuredBefore);
        if (figure.Current is not { } now || figure.Previous is not { } before)
        {
            return previous;
        }

        var difference = figure.Unit == "share" ? (now - before) * 100 : now - before;
        var sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
        var amount = l.Number(Math.Abs(difference), figure.Unit is "days" ? 1 : 0) + (figure.Unit == "share" ? " " + l.T("procentpunt", "percentage points") : "");
        return $"{previous} ({sign}{amount})";
    }
}
