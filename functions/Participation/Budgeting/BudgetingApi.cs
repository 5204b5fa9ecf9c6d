using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>The budget API: each route hands its request and the signed-in user to its use case and answers the outcome.</summary>
public static class BudgetingApi
{
    public static WebApplication MapBudgetingApi(this WebApplication app)
    {
        var pb = app.MapGroup("/api/pb").WithTags("Participatory budgeting");
        pb.MapPost("/tally", TallyPabulibFile.HandleAsync)
            .WithName(nameof(TallyPabulibFile)).WithSummary("Recount a pabulib .pb election with greedy, mes or mes-complete")
            .Accepts<string>("text/plain", "application/octet-stream")
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Tally);

        var budgets = app.MapGroup("/api/budgets").WithTags("Participatory budgeting").DisableAntiforgery();
        // Residents: read the budget and its rules, vote, check a receipt.
        budgets.MapGet("/", ListBudgetsAsync).WithName("ListBudgets").WithSummary("All budgets with their phase").AllowAnonymous();
        budgets.MapGet("/{id}", ShowBudgetAsync).WithName(nameof(ShowBudget))
            .WithSummary("A budget: projects, phase dates and the rules in plain Dutch and English").AllowAnonymous();
        budgets.MapPost("/{id}/ballots", CastBallotAsync).WithName(nameof(CastBallot))
            .WithSummary("Vote (or replace your vote) with a voting code or signed in; 400 names the broken rule, 409 outside voting")
            .AllowAnonymous().RequireRateLimiting(RateLimits.VotingCodes);
        budgets.MapGet("/{id}/receipts/{receipt}", CheckReceiptAsync).WithName(nameof(CheckReceipt))
            .WithSummary("Is the ballot of this receipt in the count? Never shows its content").AllowAnonymous().RequireRateLimiting(RateLimits.VotingCodes);

        // Officials of the neighbourhood and admins: prepare the budget; every change is audited in the budget's partition.
        budgets.MapPost("/", CreateBudgetAsync).WithName(nameof(CreateBudget))
            .WithSummary("Open a budget for a neighbourhood or the city").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/projects", AddProjectAsync).WithName(nameof(AddProject))
            .WithSummary("Put an accepted initiative or an official's project on the ballot (until voting opens)").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPut("/{id}/rules", SetBallotRulesAsync).WithName(nameof(SetBallotRules))
            .WithSummary("Ballot rule, outcome rule, tie-break order; 409 once voting has opened").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/voting-codes", GenerateVotingCodesAsync).WithName(nameof(GenerateVotingCodes))
            .WithSummary("Generate voting codes as CSV for mail merge (the only copy: only hashes are kept)").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPut("/{id}/eligible-voters", SetEligibleVotersAsync).WithName(nameof(SetEligibleVoters))
            .WithSummary("How many residents may vote: the cap on voting codes (until voting opens)").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/voting-codes/replacements", ReplaceVotingCodeAsync).WithName(nameof(ReplaceVotingCode))
            .WithSummary("A new code for one letter whose code is unused; the old one is voided (admins, audited)").RequireAuthorization(Policies.Admin);
        budgets.MapPost("/{id}/paper-ballots", ImportPaperBallotsAsync).WithName(nameof(ImportPaperBallots))
            .WithSummary("Upload paper ballots (CSV code,projects[,points]) as a pending batch: 202, nothing counted until another official confirms")
            .Accepts<string>("text/csv").RequireAuthorization(Policies.BudgetManager).RequireRateLimiting(RateLimits.StaffUploads);
        budgets.MapGet("/{id}/paper-ballots", ListPaperBallotBatchesAsync).WithName("ListPaperBallotBatches")
            .WithSummary("The budget's paper batches: pending, confirmed, counted").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/paper-ballots/{batchId}/confirm", ConfirmPaperBallotsAsync).WithName(nameof(ConfirmPaperBallots))
            .WithSummary("A second official (or an admin) confirms a pending batch and its ballots count; the uploader gets 403")
            .RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/phase", MoveBudgetPhaseAsync).WithName(nameof(MoveBudgetPhase))
            .WithSummary("Move a budget to a later phase ahead of its schedule (admins)").RequireAuthorization(Policies.Admin);

        // Council (and admins): the count.
        budgets.MapGet("/{id}/results", BudgetResultsAsync).WithName("BudgetResults").RequireRateLimiting(RateLimits.Results)
            .WithSummary("Funded projects, cost, leftover, votes and an explanation per project").RequireAuthorization(Policies.Council);
        budgets.MapGet("/{id}/ballots.pb", ExportBudgetAsync).WithName("ExportBudget")
            .WithSummary("Anonymised ballots and outcome of a finished budget as a pabulib .pb file").RequireAuthorization(Policies.Council);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ShowBudget.Listing>>> ListBudgetsAsync(BudgetStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ShowBudget.ListAsync(store, cancellationToken));

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> ShowBudgetAsync(
        string id, BudgetStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await ShowBudget.HandleAsync(id, store, clock, cancellationToken));

    public static async Task<Results<Ok<CastBallot.Response>, ValidationProblem, ProblemHttpResult>> CastBallotAsync(
        string id, CastBallot.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        if (await services.Store.FindRecentAsync(id, cancellationToken) is not { } snapshot)
        {
            return Answer<CastBallot.Response>(BudgetRefusals.NotFound(id));
        }

        TimeSpan? waited = null;
        var outcome = await CastBallot.HandleAsync(snapshot, request, PlatformUser.From(http.User),
            key => waited = services.RateLimits.TryAcquire(RateLimits.VotesPerCode, key), services, cancellationToken);
        if (!outcome.Succeeded && waited is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        // A broken ballot rule keeps the shape it always had: the rule's name beside its code, the English as the detail.
        if (outcome.Refusals is [{ Title: BudgetRefusals.RuleBrokenTitle } broken])
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [broken.Field!] = [broken.English] },
                detail: broken.English, title: broken.Title,
                extensions: new Dictionary<string, object?> { ["rule"] = broken.Code.Split('.')[0], ["code"] = broken.Code, ["dutch"] = broken.Dutch });
        }

        return Answer(outcome);
    }

    public static async Task<Results<Ok<CheckReceipt.Response>, ValidationProblem, ProblemHttpResult>> CheckReceiptAsync(
        string id, string receipt, BallotBox box, CancellationToken cancellationToken) =>
        Answer(await CheckReceipt.HandleAsync(id, receipt, box, cancellationToken));

    public static async Task<Results<Created<CreateBudget.Response>, ValidationProblem, ProblemHttpResult>> CreateBudgetAsync(
        CreateBudget.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        var outcome = await CreateBudget.HandleAsync(request, Actor(http), services, cancellationToken);
        return outcome.Value is { } created ? TypedResults.Created($"/api/budgets/{created.Id}", created) : Refused<Created<CreateBudget.Response>>(outcome.Refusals);
    }

    public static async Task<Results<Created<AddProject.Response>, ValidationProblem, ProblemHttpResult>> AddProjectAsync(
        string id, AddProject.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        var outcome = await AddProject.HandleAsync(id, request, Actor(http), services, cancellationToken);
        return outcome.Value is { } added ? TypedResults.Created($"/api/budgets/{added.BudgetId}", added) : Refused<Created<AddProject.Response>>(outcome.Refusals);
    }

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> SetBallotRulesAsync(
        string id, SetBallotRules.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken) =>
        Answer(await SetBallotRules.HandleAsync(id, request, Actor(http), services, cancellationToken));

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> SetEligibleVotersAsync(
        string id, SetEligibleVoters.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken) =>
        Answer(await SetEligibleVoters.HandleAsync(id, request, Actor(http), services, cancellationToken));

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> MoveBudgetPhaseAsync(
        string id, MoveBudgetPhase.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken) =>
        Answer(await MoveBudgetPhase.HandleAsync(id, request, Actor(http), services, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GenerateVotingCodesAsync(
        string id, GenerateVotingCodes.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        var outcome = await GenerateVotingCodes.HandleAsync(id, request, Actor(http), services, cancellationToken);
        if (outcome.Value is not { } letters)
        {
            return Refused<FileContentHttpResult>(outcome.Refusals);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Encoding.UTF8.GetBytes(letters.Csv), "text/csv", letters.FileName);
    }

    public static async Task<Results<Ok<ReplaceVotingCode.Response>, ValidationProblem, ProblemHttpResult>> ReplaceVotingCodeAsync(
        string id, ReplaceVotingCode.Request request, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        var outcome = await ReplaceVotingCode.HandleAsync(id, request, Actor(http), services, cancellationToken);
        if (outcome.Succeeded)
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        return Answer(outcome);
    }

    public static async Task<Results<Accepted<ImportPaperBallots.Response>, ValidationProblem, ProblemHttpResult>> ImportPaperBallotsAsync(
        string id, HttpRequest request, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !string.Equals(mediaType.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Refused<Accepted<ImportPaperBallots.Response>>([BudgetRefusals.PaperNotCsv]);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ImportPaperBallots.MaxBodyBytes;
        }

        var outcome = await ImportPaperBallots.HandleAsync(id, Actor(request.HttpContext), request.Body, services, cancellationToken);
        return outcome.Value is { } batch ? TypedResults.Accepted($"/api/budgets/{id}/paper-ballots/{batch.BatchId}", batch) : Refused<Accepted<ImportPaperBallots.Response>>(outcome.Refusals);
    }

    public static async Task<Results<Ok<IReadOnlyList<PaperBatch>>, ValidationProblem, ProblemHttpResult>> ListPaperBallotBatchesAsync(
        string id, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken) =>
        Answer(await ImportPaperBallots.ListAsync(id, Actor(http), services, cancellationToken));

    public static async Task<Results<Ok<ConfirmPaperBallots.Response>, ValidationProblem, ProblemHttpResult>> ConfirmPaperBallotsAsync(
        string id, string batchId, HttpContext http, [AsParameters] BudgetServices services, CancellationToken cancellationToken) =>
        Answer(await ConfirmPaperBallots.HandleAsync(id, batchId, Actor(http), services, cancellationToken));

    public static async Task<Results<Ok<BudgetResults.Response>, ValidationProblem, ProblemHttpResult>> BudgetResultsAsync(
        string id, [AsParameters] BudgetServices services, CancellationToken cancellationToken) =>
        Answer(await BudgetResults.HandleAsync(id, services, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportBudgetAsync(
        string id, [AsParameters] BudgetServices services, CancellationToken cancellationToken)
    {
        var outcome = await BudgetResults.ExportAsync(id, services, cancellationToken);
        return outcome.Value is { } export ? TypedResults.File(Encoding.UTF8.GetBytes(export.Text), "text/plain", export.FileName) : Refused<FileContentHttpResult>(outcome.Refusals);
    }

    /// <summary>The budget manager routes require a signed-in platform user.</summary>
    private static PlatformUser Actor(HttpContext http) => PlatformUser.From(http.User)!;

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Refused<Ok<T>>(outcome.Refusals);

    /// <summary>Field refusals as a 400 listing the fields, any other as problem+json with its status; both carry code and Dutch text.</summary>
    private static Results<TSuccess, ValidationProblem, ProblemHttpResult> Refused<TSuccess>(IReadOnlyList<Refusal> refusals) where TSuccess : IResult
    {
        var problem = OutcomeResults.Problem(refusals);
        return problem is ValidationProblem validation ? validation : (ProblemHttpResult)problem;
    }
}
