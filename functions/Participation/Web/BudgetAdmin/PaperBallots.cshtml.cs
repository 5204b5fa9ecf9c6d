using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Web.BudgetAdmin;

/// <summary>
/// Paper ballots for officials (<c>/beheer/papieren-stembiljetten</c>): upload a CSV of the ballots that came back by
/// post as a pending batch, and confirm a batch another official uploaded — only then do its ballots count. Both forms
/// call the same use cases as the API (<see cref="ImportPaperBallots"/>, <see cref="ConfirmPaperBallots"/>).
/// </summary>
[RequestSizeLimit(ImportPaperBallots.MaxBodyBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportPaperBallots.MaxBodyBytes + 64 * 1024)]
public sealed class PaperBallotsModel(BudgetServices services, WebLanguage language) : PageModel
{
    private const int ListedLines = 50;

    [BindProperty(SupportsGet = true, Name = "begroting")] public string? BudgetId { get; set; }
    [BindProperty(Name = "bestand")] public IFormFile? Upload { get; set; }
    [BindProperty(Name = "stapel")] public string? BatchId { get; set; }

    public IReadOnlyList<Budget> Budgets { get; private set; } = [];
    public Budget? Selected { get; private set; }
    public IReadOnlyList<PaperBatch> Batches { get; private set; } = [];
    public string UserId { get; private set; } = "";
    public string? Problem { get; private set; }
    public string? Done { get; private set; }
    public IReadOnlyList<string> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Selected is null)
        {
            return Refused(StatusCodes.Status400BadRequest, language.T("Kies eerst een begroting.", "Choose a budget first."));
        }

        if (Upload is not { Length: > 0 } file || !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(StatusCodes.Status400BadRequest, language.T("Kies een CSV-bestand (.csv) met de kopregel code,projects.", "Choose a CSV file (.csv) with the header code,projects."));
        }

        await using var stream = file.OpenReadStream();
        var uploaded = await ImportPaperBallots.HandleAsync(Selected.Id, Actor(), stream, services, cancellationToken);
        switch (uploaded.Value)
        {
            case { } batch:
                Done = language.T(
                    $"De stapel is ingevoerd en wacht op bevestiging door een collega: {batch.Rows} stembiljetten, {batch.Duplicates.Count} dubbel in het bestand, {batch.Rejected.Count} afgekeurd. Er is nog niets geteld.",
                    $"The batch is uploaded and waits for a colleague to confirm it: {batch.Rows} ballots, {batch.Duplicates.Count} repeated in the file, {batch.Rejected.Count} rejected. Nothing is counted yet.");
                Lines = Describe(batch.Duplicates, batch.Rejected);
                Response.StatusCode = StatusCodes.Status202Accepted;
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return Refused(uploaded.Refusals[0]);
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Selected is null || string.IsNullOrEmpty(BatchId))
        {
            return Refused(StatusCodes.Status400BadRequest, language.T("Kies een begroting en een stapel.", "Choose a budget and a batch."));
        }

        var confirmed = await ConfirmPaperBallots.HandleAsync(Selected.Id, BatchId, Actor(), services, cancellationToken);
        switch (confirmed.Value)
        {
            case { } batch:
                Done = language.T(
                    $"Bevestigd en geteld: {batch.Imported} stembiljetten, {batch.Duplicates.Count} niet geteld omdat met die code al gestemd was, {batch.Rejected.Count} afgekeurd.",
                    $"Confirmed and counted: {batch.Imported} ballots, {batch.Duplicates.Count} not counted because the code had already voted, {batch.Rejected.Count} rejected.");
                Lines = Describe(batch.Duplicates, batch.Rejected);
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return Refused(confirmed.Refusals[0]);
        }
    }

    public string StatusText(string status) => status switch
    {
        PaperBatch.Pending => language.T("wacht op bevestiging", "awaiting confirmation"),
        PaperBatch.Confirmed => language.T("bevestigd, wordt geteld", "confirmed, being counted"),
        PaperBatch.Refused => language.T("te laat: telt niet mee", "too late: not counted"),
        _ => language.T("geteld", "counted"),
    };

    private PlatformUser Actor() => PlatformUser.From(HttpContext.User)!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = Actor();
        UserId = user.Id;
        Budgets = (await services.Store.ListAsync(cancellationToken))
            .Where(b => b.Eligibility == Budget.ByCode && BudgetLifecycle.AcceptsPaperBallots(b.Phase) && BudgetAccess.CanManage(user, b.Neighbourhood))
            .ToList();
        Selected = Budgets.FirstOrDefault(b => b.Id == BudgetId);
        Batches = Selected is null ? [] : await services.Batches.ListAsync(Selected.Id, cancellationToken);
    }

    private PageResult Refused(Refusal refusal) => Refused(refusal.Status, refusal.In(language.IsEnglish));

    private PageResult Refused(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private List<string> Describe(IReadOnlyList<int> duplicates, IReadOnlyList<PaperBatch.LineProblem> rejected) =>
        [.. duplicates.Take(ListedLines).Select(line => language.T($"Regel {line}: met deze code is al gestemd of hij staat eerder in het bestand.", $"Line {line}: this code has already voted or appears earlier in the file.")),
         .. rejected.Take(ListedLines).Select(r => language.T($"Regel {r.Line}: afgekeurd ({r.Reason})", $"Line {r.Line}: rejected ({r.Reason})"))];
}
