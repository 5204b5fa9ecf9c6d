using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Participation.Budgeting;
using Participation.Identity;

namespace Participation.Web.Beheer;

/// <summary>
/// Paper ballots for officials (<c>/beheer/papieren-stembiljetten</c>): upload a CSV of the ballots that came back by
/// post as a pending batch, and confirm a batch another official uploaded — only then do its ballots count. Both forms
/// call the same use cases as the API (<see cref="ImportPaperBallots"/>, <see cref="ConfirmPaperBallots"/>).
/// </summary>
[RequestSizeLimit(ImportPaperBallots.MaxBodyBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportPaperBallots.MaxBodyBytes + 64 * 1024)]
public sealed class PaperBallotsModel(BudgetStore store, PaperBallotBatches batches, BallotBox box, TimeProvider clock, WebLanguage language) : PageModel
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
        switch (await ImportPaperBallots.UploadAsync(Selected.Id, Actor(), stream, store, batches, clock, cancellationToken))
        {
            case ImportPaperBallots.Uploaded { Batch: var batch }:
                Done = language.T(
                    $"De stapel is ingevoerd en wacht op bevestiging door een collega: {batch.Rows} stembiljetten, {batch.Duplicates.Count} dubbel in het bestand, {batch.Rejected.Count} afgekeurd. Er is nog niets geteld.",
                    $"The batch is uploaded and waits for a colleague to confirm it: {batch.Rows} ballots, {batch.Duplicates.Count} repeated in the file, {batch.Rejected.Count} rejected. Nothing is counted yet.");
                Lines = Describe(batch.Duplicates, batch.Rejected);
                Response.StatusCode = StatusCodes.Status202Accepted;
                await LoadAsync(cancellationToken);
                return Page();
            case ImportPaperBallots.Refused { Why: var why }:
                return Refused(why.Status, language.T(why.Dutch, why.English));
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Selected is null || string.IsNullOrEmpty(BatchId))
        {
            return Refused(StatusCodes.Status400BadRequest, language.T("Kies een begroting en een stapel.", "Choose a budget and a batch."));
        }

        switch (await ConfirmPaperBallots.ConfirmAsync(Selected.Id, BatchId, Actor(), store, batches, box, clock, cancellationToken))
        {
            case ConfirmPaperBallots.Counted { Batch: var batch }:
                Done = language.T(
                    $"Bevestigd en geteld: {batch.Imported} stembiljetten, {batch.Duplicates.Count} niet geteld omdat met die code al gestemd was, {batch.Rejected.Count} afgekeurd.",
                    $"Confirmed and counted: {batch.Imported} ballots, {batch.Duplicates.Count} not counted because the code had already voted, {batch.Rejected.Count} rejected.");
                Lines = Describe(batch.Duplicates, batch.Rejected);
                await LoadAsync(cancellationToken);
                return Page();
            case ConfirmPaperBallots.Refused { Why: var why }:
                return Refused(why.Status, language.T(why.Dutch, why.English));
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }

    public string StatusText(string status) => status switch
    {
        PaperBatch.Pending => language.T("wacht op bevestiging", "awaiting confirmation"),
        PaperBatch.Confirmed => language.T("bevestigd, wordt geteld", "confirmed, being counted"),
        _ => language.T("geteld", "counted"),
    };

    private PlatformUser Actor() => PlatformUser.From(HttpContext.User)!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = Actor();
        UserId = user.Id;
        Budgets = (await store.ListAsync(cancellationToken))
            .Where(b => b.Eligibility == Budget.ByCode && b.Phase is BudgetPhase.Voting or BudgetPhase.Counting && BudgetAccess.CanManage(user, b.Neighbourhood))
            .ToList();
        Selected = Budgets.FirstOrDefault(b => b.Id == BudgetId);
        Batches = Selected is null ? [] : await batches.ListAsync(Selected.Id, cancellationToken);
    }

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
