using Microsoft.AspNetCore.RateLimiting;
using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Budgeting;

/// <summary>
/// Receives the ballot form. "Controleer uw stem" shows the choice back, checked against the rule but not cast; "Stem
/// uitbrengen" hands it to CastBallot (rate limited as the API). A valid ballot gets its receipt on
/// this response — never in a URL, where logs and browser history would keep it; a refused one comes back with the
/// reason next to the field, in Dutch from the rule's own text.
/// </summary>
[EnableRateLimiting(RateLimits.VotingCodes)]
public sealed class VotePostModel(BudgetServices services, WebLanguage language) : PageModel
{
    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "plannen")] public List<string> Projects { get; set; } = [];
    [BindProperty(Name = "punten")] public Dictionary<string, string?> Points { get; set; } = [];
    /// <summary>Which button was pressed: review the choice first, go back to change it, or (no step) cast it.</summary>
    [BindProperty(Name = "stap")] public string? Step { get; set; }

    public const string ReviewStep = "controleren";
    public const string ChangeStep = "wijzigen";

    public BallotForm? Form { get; private set; }
    public CastBallot.Response? Receipt { get; private set; }
    /// <summary>The choice shown back before it is cast; its form carries the same fields again.</summary>
    public BallotReview? Review { get; private set; }
    public ShowBudget.Response Budget { get; private set; } = null!;

    public IActionResult OnGet(string id) => LocalRedirect($"/buurtbudget/{Uri.EscapeDataString(id)}/stemmen");

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        // Read once, through the ballot path's short cache: the form, the review and the cast all see this budget.
        if (await services.Store.FindRecentAsync(id, cancellationToken) is not { } snapshot)
        {
            return NotFound();
        }

        var budget = Budget = ShowBudget.Describe(snapshot, services.Clock.GetUtcNow());
        Response.Headers.CacheControl = "no-store";
        var points = new Dictionary<string, long>(StringComparer.Ordinal);
        var cumulative = budget.Rules?.VoteType == BallotSettings.Cumulative;
        foreach (var (project, typed) in Points.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
        {
            if (!long.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var given))
            {
                return Refused(budget, StatusCodes.Status400BadRequest, new() { ["ballot"] = language.T("Vul punten in als hele getallen, of laat het vak leeg.", "Give points as whole numbers, or leave the box empty.") });
            }

            if (given > 0)
            {
                points[project] = given;
            }
        }

        var request = new CastBallot.Request(
            budget.Eligibility == Participation.App.Budgeting.Budget.ByCode ? Code : null,
            cumulative ? null : Projects,
            cumulative ? points : null);
        if (Step == ChangeStep)
        {
            return Refused(budget, StatusCodes.Status200OK, []);
        }

        if (Step == ReviewStep && budget.AcceptsBallots)
        {
            if (CastBallot.Refusal(request, snapshot) is { } refusal)
            {
                return RefusedBy(budget, [refusal]);
            }

            Review = new BallotReview(budget, request);
            return Page();
        }

        TimeSpan? waited = null;
        var outcome = await CastBallot.HandleAsync(snapshot, request, PlatformUser.From(User),
            key => waited = services.RateLimits.TryAcquire(RateLimits.VotesPerCode, key), services, cancellationToken);
        if (!outcome.Succeeded && waited is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return outcome.Value is { } receipt ? Receipted(receipt) : RefusedBy(budget, outcome.Refusals);
    }

    private PageResult Receipted(CastBallot.Response receipt)
    {
        Receipt = receipt;
        return Page();
    }

    /// <summary>The refusal of CastBallot as the form shows it: next to the code or the projects, else above the form.</summary>
    private PageResult RefusedBy(ShowBudget.Response budget, IReadOnlyList<Refusal> refusals)
    {
        if (refusals.All(refusal => refusal.Field is not null))
        {
            var fields = new Dictionary<string, string>();
            foreach (var refusal in refusals)
            {
                fields[refusal.Field == "code" ? "code" : "ballot"] = refusal.In(language.IsEnglish);
            }

            return Refused(budget, StatusCodes.Status400BadRequest, fields);
        }

        return Refused(budget, refusals[0].Status, [], refusals[0].In(language.IsEnglish));
    }

    private PageResult Refused(ShowBudget.Response budget, int status, Dictionary<string, string> errors, string? problem = null)
    {
        Form = new BallotForm
        {
            Budget = budget, Code = Code, Chosen = Projects, Errors = errors, Problem = problem,
            Points = Points.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!),
            SignedInResident = PlatformUser.From(User)?.IsIn(Roles.Resident) == true,
        };
        Response.StatusCode = status;
        return Page();
    }
}
