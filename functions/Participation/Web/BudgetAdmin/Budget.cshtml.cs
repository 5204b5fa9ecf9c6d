using System.Text;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Web.BudgetAdmin;

/// <summary>
/// <c>/beheer/buurtbudgetten/{id}</c>: one budget prepared in the pages — projects, ballot rules, the move to the next
/// phase and voting codes for the mail merge. Every form calls the use case the budget API calls (AddProject,
/// SetBallotRules, MoveBudgetPhase, GenerateVotingCodes), so the rules, the scope check and the audit entry are theirs.
/// </summary>
public sealed class BudgetModel(BudgetServices services, WebLanguage language) : PageModel
{
    public BudgetSnapshot Snapshot { get; private set; } = null!;
    public bool MayManage { get; private set; }
    public bool MayMovePhase { get; private set; }
    [BindProperty(SupportsGet = true, Name = "gedaan")] public string? Done { get; set; }
    public string? FailedForm { get; private set; }
    public IDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }

    public sealed class ProjectForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public long? Cost { get; set; }
        public string? Initiative { get; set; }
        public string? FeasibilityNote { get; set; }
    }

    public sealed class RulesForm
    {
        public string? VoteType { get; set; }
        public int? MinProjects { get; set; }
        public int? MaxProjects { get; set; }
        public long? PointsPerVoter { get; set; }
        public long? MaxPointsPerProject { get; set; }
        public string? OutcomeRule { get; set; }
    }

    [BindProperty] public ProjectForm Project { get; set; } = new();
    [BindProperty] public RulesForm Rules { get; set; } = new();
    [BindProperty] public string? Phase { get; set; }
    [BindProperty] public int? Count { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProjectAsync(string id, CancellationToken cancellationToken)
    {
        var request = new AddProject.Request(
            Blank(Project.Title), Blank(Project.Description), Project.Cost, null, Blank(Project.FeasibilityNote), Blank(Project.Initiative));
        var outcome = await AddProject.HandleAsync(id, request, Actor(), services, cancellationToken);
        return outcome.Succeeded ? Redirect(id, "plan-toegevoegd") : await FailedAsync(id, "project", outcome.Refusals, cancellationToken);
    }

    public async Task<IActionResult> OnPostRulesAsync(string id, CancellationToken cancellationToken)
    {
        var request = new SetBallotRules.Request(
            Rules.VoteType, Rules.MinProjects, Rules.MaxProjects, Rules.PointsPerVoter, Rules.MaxPointsPerProject, Rules.OutcomeRule, null);
        var outcome = await SetBallotRules.HandleAsync(id, request, Actor(), services, cancellationToken);
        return outcome.Succeeded ? Redirect(id, "regels-opgeslagen") : await FailedAsync(id, "rules", outcome.Refusals, cancellationToken);
    }

    public async Task<IActionResult> OnPostPhaseAsync(string id, CancellationToken cancellationToken)
    {
        // The API lets only admins move phases (its endpoint policy); the page asks the same before calling the use case.
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        var outcome = await MoveBudgetPhase.HandleAsync(id, new MoveBudgetPhase.Request(Phase), Actor(), services, cancellationToken);
        return outcome.Succeeded ? Redirect(id, "fase-verzet") : await FailedAsync(id, "phase", outcome.Refusals, cancellationToken);
    }

    public async Task<IActionResult> OnPostCodesAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await GenerateVotingCodes.HandleAsync(id, new GenerateVotingCodes.Request(Count), Actor(), services, cancellationToken);
        if (outcome.Value is not { } letters)
        {
            return await FailedAsync(id, "codes", outcome.Refusals, cancellationToken);
        }

        // The codes exist only in this answer (the platform keeps hashes): the browser saves it as the mail-merge file.
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(letters.Csv), "text/csv", letters.FileName);
    }

    public string? ErrorFor(string form, string field) =>
        FailedForm == form && Errors.TryGetValue(field, out var message) ? message : null;

    public string? ProblemFor(string form) => FailedForm == form ? Problem : null;

    /// <summary>The phases an admin may move this budget to: only later ones.</summary>
    public IEnumerable<BudgetPhase> LaterPhases => BudgetPhases.All.Where(p => p > Snapshot.Budget.Phase);

    private LocalRedirectResult Redirect(string id, string done) =>
        LocalRedirect($"/beheer/buurtbudgetten/{Uri.EscapeDataString(id)}?gedaan={done}");

    /// <summary>The form again with the refusals: next to their fields, or above the form.</summary>
    private async Task<IActionResult> FailedAsync(string id, string form, IReadOnlyList<Refusal> refusals, CancellationToken cancellationToken)
    {
        FailedForm = form;
        Errors = refusals.Where(refusal => refusal.Field is not null).GroupBy(refusal => refusal.Field!)
            .ToDictionary(group => group.Key, group => group.First().In(language.IsEnglish));
        if (Errors.Count == 0)
        {
            Problem = refusals[0].In(language.IsEnglish);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = Errors.Count > 0 ? StatusCodes.Status400BadRequest : refusals[0].Status;
        return Page();
    }

    private PlatformUser Actor() => PlatformUser.From(User)!;

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(User)!;
        // A budget out of the official's neighbourhoods reads as absent, as the case pages do with another area's case.
        if (await services.Store.FindAsync(id, cancellationToken) is not { } snapshot || !BudgetAccess.CanManage(user, snapshot.Budget.Neighbourhood))
        {
            return false;
        }

        Snapshot = snapshot;
        MayManage = !snapshot.Budget.RulesFrozen;
        MayMovePhase = user.IsIn(Roles.Admin);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
