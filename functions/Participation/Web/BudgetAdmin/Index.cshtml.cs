using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Initiatives.Routing;
using Participation.App.Routing;

namespace Participation.App.Web.BudgetAdmin;

/// <summary>
/// <c>/beheer/buurtbudgetten</c>: the budgets this official or admin manages, and a form to open a new one. Creating goes
/// through <see cref="CreateBudget"/>, the same use case as <c>POST /api/budgets</c>, which checks and audits it.
/// </summary>
public sealed class IndexModel(BudgetServices services, RoutingDirectory routing, WebLanguage language) : PageModel
{
    public IReadOnlyList<Budget> Budgets { get; private set; } = [];
    public IReadOnlyList<Neighbourhood> Neighbourhoods { get; private set; } = [];
    public bool MayCreateCityWide { get; private set; }
    public IDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }

    public sealed class NewBudget
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Neighbourhood { get; set; }
        public long? Amount { get; set; }
        public string? Eligibility { get; set; }
        /// <summary>How many letters with a voting code may be made: at most this many codes, all before voting opens.</summary>
        public int? EligibleVoters { get; set; }
    }

    [BindProperty] public NewBudget Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A number the model binder could not read arrives as null: the use case then says the amount is missing.
        var request = new CreateBudget.Request(Form.Id?.Trim(), Form.Title, Form.Neighbourhood, Form.Amount, null, Form.Eligibility, null, Form.EligibleVoters);
        var outcome = await CreateBudget.HandleAsync(request, PlatformUser.From(User)!, services, cancellationToken);
        if (outcome.Value is { } created)
        {
            return LocalRedirect($"/beheer/buurtbudgetten/{Uri.EscapeDataString(created.Id)}?gedaan=aangemaakt");
        }

        Errors = outcome.Refusals.Where(refusal => refusal.Field is not null).GroupBy(refusal => refusal.Field!)
            .ToDictionary(group => group.Key, group => group.First().In(language.IsEnglish));
        if (Errors.Count == 0)
        {
            Problem = outcome.Refusals[0].In(language.IsEnglish);
        }

        Response.StatusCode = Errors.Count > 0 ? StatusCodes.Status400BadRequest : outcome.Refusals[0].Status;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public string NeighbourhoodName(string code) => code == Budget.CityWide
        ? language.T("Hele stad", "Whole city")
        : Neighbourhoods.FirstOrDefault(n => n.Code == code)?.Name ?? code;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(User)!;
        var configuration = await routing.CurrentAsync(cancellationToken);
        Neighbourhoods = configuration.Neighbourhoods.Where(n => BudgetAccess.CanManage(user, n.Code)).ToList();
        MayCreateCityWide = BudgetAccess.CanManage(user, Budget.CityWide);
        Budgets = (await services.Store.ListAsync(cancellationToken)).Where(b => BudgetAccess.CanManage(user, b.Neighbourhood)).OrderByDescending(b => b.CreatedAt).ToList();
    }
}
