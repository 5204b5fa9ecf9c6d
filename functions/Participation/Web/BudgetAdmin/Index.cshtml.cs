using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Budgeting;
using Participation.Identity;
using Participation.Initiatives.Routing;
using Participation.Routing;

namespace Participation.Web.BudgetAdmin;

/// <summary>
/// <c>/beheer/buurtbudgetten</c>: the budgets this official or admin manages, and a form to open a new one. Creating goes
/// through <see cref="CreateBudget"/>, the same use case as <c>POST /api/budgets</c>, which checks and audits it.
/// </summary>
public sealed class IndexModel(BudgetStore store, RoutingDirectory routing, TimeProvider clock, WebLanguage language) : PageModel
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
        var result = await CreateBudget.HandleAsync(request, HttpContext, store, clock, cancellationToken);
        if (result.Result is Created<CreateBudget.Response> created)
        {
            return LocalRedirect($"/beheer/buurtbudgetten/{Uri.EscapeDataString(created.Value!.Id)}?gedaan=aangemaakt");
        }

        Errors = UseCaseResults.Errors(result.Result).ToDictionary(e => e.Key, e => BudgetAdminTexts.Field(language, e.Key, e.Value.FirstOrDefault() ?? ""));
        if (Errors.Count == 0)
        {
            var problem = UseCaseResults.Problem(result.Result);
            Problem = BudgetAdminTexts.Problem(language, problem?.Title, problem?.Detail);
        }

        Response.StatusCode = UseCaseResults.Status(result.Result) ?? StatusCodes.Status400BadRequest;
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
        Budgets = (await store.ListAsync(cancellationToken)).Where(b => BudgetAccess.CanManage(user, b.Neighbourhood)).OrderByDescending(b => b.CreatedAt).ToList();
    }
}
