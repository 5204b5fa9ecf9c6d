using Participation.Municipality.Calendar;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Web.Admin;

/// <summary>
/// Routing for administrators (<c>/beheer/routering</c>): who handles which neighbourhood and theme, and who is away.
/// Each form changes one thing and saves the whole configuration with the version it was read at (RoutingDirectory
/// audits it), so two administrators never overwrite each other unseen.
/// </summary>
public sealed class RoutingModel(RoutingDirectory routing, ReplaceRoutingConfiguration replace, TimeProvider clock, WebLanguage language) : PageModel
{
    public RoutingConfiguration Configuration { get; private set; } = null!;
    public string Version { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "gedaan")] public string? Done { get; set; }

    public sealed class AbsenceForm
    {
        public string? OfficialId { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? Until { get; set; }
    }

    public sealed class RuleForm
    {
        public string? Neighbourhood { get; set; }
        public string? Theme { get; set; }
        public string? Team { get; set; }
        public string? Primary { get; set; }
        public string? Deputy { get; set; }
    }

    [BindProperty] public string? FormVersion { get; set; }
    [BindProperty] public AbsenceForm Absence { get; set; } = new();
    [BindProperty] public RuleForm Rule { get; set; } = new();
    [BindProperty] public int? Index { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAbsenceAsync(CancellationToken cancellationToken) =>
        await ChangeAsync("afwezigheid-toegevoegd", c =>
        {
            var problems = new List<string>();
            if (c.Officials.All(o => o.Id != Absence.OfficialId)) problems.Add(language.T("Kies een medewerker.", "Choose an official."));
            if (Absence.From is null || Absence.Until is null) problems.Add(language.T("Vul de eerste en de laatste dag van de afwezigheid in.", "Fill in the first and last day of the absence."));
            else if (Absence.Until < Absence.From) problems.Add(language.T("De laatste dag ligt vóór de eerste dag.", "The last day is before the first day."));
            return problems.Count > 0
                ? (null, problems)
                : (c with { Absences = [.. c.Absences, new Absence(Absence.OfficialId!, Absence.From!.Value, Absence.Until!.Value)] }, []);
        }, cancellationToken);

    public async Task<IActionResult> OnPostRemoveAbsenceAsync(CancellationToken cancellationToken) =>
        await ChangeAsync("afwezigheid-verwijderd", c => Index is { } i && i >= 0 && i < c.Absences.Count
            ? (c with { Absences = c.Absences.Where((_, n) => n != i).ToList() }, [])
            : (null, [language.T("Deze afwezigheid bestaat niet meer; de pagina is bijgewerkt.", "This absence no longer exists; the page has been refreshed.")]), cancellationToken);

    public async Task<IActionResult> OnPostSetRuleAsync(CancellationToken cancellationToken) =>
        await ChangeAsync("regel-opgeslagen", c =>
        {
            var neighbourhood = Blank(Rule.Neighbourhood);
            var theme = Blank(Rule.Theme);
            var deputy = Blank(Rule.Deputy);
            var problems = new List<string>();
            if (neighbourhood is not null && c.Neighbourhoods.All(n => n.Code != neighbourhood)) problems.Add(language.T("Kies een bestaande buurt.", "Choose an existing neighbourhood."));
            if (theme is not null && c.Themes.All(t => t.Code != theme)) problems.Add(language.T("Kies een bestaand thema.", "Choose an existing theme."));
            if (c.Teams.All(t => t.Code != Rule.Team)) problems.Add(language.T("Kies het team dat de initiatieven behandelt.", "Choose the team that handles the initiatives."));
            if (c.Officials.All(o => o.Id != Rule.Primary)) problems.Add(language.T("Kies de vaste behandelaar.", "Choose the primary official."));
            if (deputy is not null && c.Officials.All(o => o.Id != deputy)) problems.Add(language.T("Kies een bestaande vervanger.", "Choose an existing deputy."));
            if (deputy is not null && deputy == Rule.Primary) problems.Add(language.T("De vervanger is iemand anders dan de vaste behandelaar.", "The deputy must be someone other than the primary official."));
            if (problems.Count > 0)
            {
                return (null, problems);
            }

            var rule = new RoutingRule(neighbourhood, theme, Rule.Team!, Rule.Primary!, deputy);
            var others = c.Rules.Where(r => r.Neighbourhood != neighbourhood || r.Theme != theme);
            return (c with { Rules = [.. others, rule] }, []);
        }, cancellationToken);

    public async Task<IActionResult> OnPostRemoveRuleAsync(CancellationToken cancellationToken) =>
        await ChangeAsync("regel-verwijderd", c => Index is { } i && i >= 0 && i < c.Rules.Count
            ? (c with { Rules = c.Rules.Where((_, n) => n != i).ToList() }, [])
            : (null, [language.T("Deze regel bestaat niet meer; de pagina is bijgewerkt.", "This rule no longer exists; the page has been refreshed.")]), cancellationToken);

    public string OfficialName(string? id) => Configuration.Officials.FirstOrDefault(o => o.Id == id)?.DisplayName ?? id ?? "–";

    public string TeamName(string code) => Configuration.Teams.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    public string NeighbourhoodName(string? code) =>
        code is null ? language.T("alle buurten", "all neighbourhoods") : Configuration.Neighbourhoods.FirstOrDefault(n => n.Code == code)?.Name ?? code;

    public string ThemeName(string? code) =>
        code is null ? language.T("alle thema's", "all themes") : language.ThemeName(Configuration, code);

    private async Task<IActionResult> ChangeAsync(
        string done, Func<RoutingConfiguration, (RoutingConfiguration? Changed, IReadOnlyList<string> Problems)> change, CancellationToken cancellationToken)
    {
        var (current, version) = await routing.ReadAsync(cancellationToken);
        if (FormVersion != version)
        {
            return await ShowAsync([RoutingRefusals.ChangedMeanwhile.In(language.IsEnglish)], cancellationToken);
        }

        var (changed, problems) = change(current);
        if (changed is null)
        {
            return await ShowAsync(problems, cancellationToken);
        }

        var outcome = await replace.HandleAsync(changed, version, PlatformUser.From(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            return LocalRedirect($"/beheer/routering?gedaan={done}");
        }

        // An invalid configuration names its problems (in English, as the configuration describes them); the rest are worded per language.
        return await ShowAsync(
            outcome.Refusals.Select(refusal => refusal.Code == RoutingRefusals.ConfigurationInvalid.Code ? refusal.English : refusal.In(language.IsEnglish)).ToList(),
            cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        Problems = problems;
        Done = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Configuration, Version) = await routing.ReadAsync(cancellationToken);
        Today = DutchTime.Today(clock);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
