using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Budgeting;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Realisation;

namespace Participation.Web.BudgetAdmin;

/// <summary>
/// <c>/beheer/buurtbudgetten/{id}</c>: one budget prepared in the pages — projects, ballot rules, the move to the next
/// phase and voting codes for the mail merge. Every form calls the use case the budget API calls (AddProject,
/// SetBallotRules, MoveBudgetPhase, GenerateVotingCodes), so the rules, the scope check and the audit entry are theirs.
/// </summary>
public sealed class BudgetModel(
    BudgetStore store, InitiativeStore initiatives, BallotBox box, TimeProvider clock,
    ILogger<BallotBox> ballotLog, WebLanguage language) : PageModel
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
        var result = await AddProject.HandleAsync(id, request, HttpContext, store, initiatives, cancellationToken);
        return result.Result is Created<AddProject.Response> ? Redirect(id, "plan-toegevoegd") : await FailedAsync(id, "project", result.Result, cancellationToken);
    }

    public async Task<IActionResult> OnPostRulesAsync(string id, CancellationToken cancellationToken)
    {
        var request = new SetBallotRules.Request(
            Rules.VoteType, Rules.MinProjects, Rules.MaxProjects, Rules.PointsPerVoter, Rules.MaxPointsPerProject, Rules.OutcomeRule, null);
        var result = await SetBallotRules.HandleAsync(id, request, HttpContext, store, clock, cancellationToken);
        return result.Result is Ok<ShowBudget.Response> ? Redirect(id, "regels-opgeslagen") : await FailedAsync(id, "rules", result.Result, cancellationToken);
    }

    public async Task<IActionResult> OnPostPhaseAsync(string id, CancellationToken cancellationToken)
    {
        // The API lets only admins move phases (its endpoint policy); the page asks the same before calling the use case.
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        var result = await MoveBudgetPhase.HandleAsync(id, new MoveBudgetPhase.Request(Phase), HttpContext, store, clock, cancellationToken);
        return result.Result is Ok<ShowBudget.Response> ? Redirect(id, "fase-verzet") : await FailedAsync(id, "phase", result.Result, cancellationToken);
    }

    public async Task<IActionResult> OnPostCodesAsync(string id, CancellationToken cancellationToken)
    {
        var result = await GenerateVotingCodes.HandleAsync(id, new GenerateVotingCodes.Request(Count), HttpContext, store, box, clock, ballotLog, cancellationToken);
        // The codes exist only in this answer (the platform keeps hashes): the browser saves it as the mail-merge file.
        return result.Result is FileContentHttpResult file
            ? File(file.FileContents.ToArray(), file.ContentType ?? "text/csv", file.FileDownloadName)
            : await FailedAsync(id, "codes", result.Result, cancellationToken);
    }

    public string? ErrorFor(string form, string field) =>
        FailedForm == form && Errors.TryGetValue(field, out var message) ? message : null;

    public string? ProblemFor(string form) => FailedForm == form ? Problem : null;

    /// <summary>The phases an admin may move this budget to: only later ones.</summary>
    public IEnumerable<BudgetPhase> LaterPhases => BudgetPhases.All.Where(p => p > Snapshot.Budget.Phase);

    private LocalRedirectResult Redirect(string id, string done) =>
        LocalRedirect($"/beheer/buurtbudgetten/{Uri.EscapeDataString(id)}?gedaan={done}");

    private async Task<IActionResult> FailedAsync(string id, string form, IResult result, CancellationToken cancellationToken)
    {
        FailedForm = form;
        Errors = UseCaseResults.Errors(result).ToDictionary(e => e.Key, e => BudgetAdminTexts.Field(language, e.Key, e.Value.FirstOrDefault() ?? ""));
        if (Errors.Count == 0)
        {
            var problem = UseCaseResults.Problem(result);
            Problem = BudgetAdminTexts.Problem(language, problem?.Title, problem?.Detail);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = UseCaseResults.Status(result) ?? StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(User)!;
        // A budget out of the official's neighbourhoods reads as absent, as the case pages do with another area's case.
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot || !BudgetAccess.CanManage(user, snapshot.Budget.Neighbourhood))
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
