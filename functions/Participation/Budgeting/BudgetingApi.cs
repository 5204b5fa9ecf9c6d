using Participation.Identity;

namespace Participation.Budgeting;

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
        budgets.MapGet("/", ShowBudget.ListAsync).WithName("ListBudgets").WithSummary("All budgets with their phase").AllowAnonymous();
        budgets.MapGet("/{id}", ShowBudget.HandleAsync).WithName(nameof(ShowBudget))
            .WithSummary("A budget: projects, phase dates and the rules in plain Dutch and English").AllowAnonymous();
        budgets.MapPost("/{id}/ballots", CastBallot.HandleAsync).WithName(nameof(CastBallot))
            .WithSummary("Vote (or replace your vote) with a voting code or signed in; 400 names the broken rule, 409 outside voting")
            .AllowAnonymous().RequireRateLimiting(RateLimits.VotingCodes);
        budgets.MapGet("/{id}/receipts/{receipt}", CheckReceipt.HandleAsync).WithName(nameof(CheckReceipt))
            .WithSummary("Is the ballot of this receipt in the count? Never shows its content").AllowAnonymous().RequireRateLimiting(RateLimits.VotingCodes);

        // Officials of the neighbourhood and admins: prepare the budget; every change is audited in the budget's partition.
        budgets.MapPost("/", CreateBudget.HandleAsync).WithName(nameof(CreateBudget))
            .WithSummary("Open a budget for a neighbourhood or the city").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/projects", AddProject.HandleAsync).WithName(nameof(AddProject))
            .WithSummary("Put an accepted initiative or an official's project on the ballot (until voting opens)").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPut("/{id}/rules", SetBallotRules.HandleAsync).WithName(nameof(SetBallotRules))
            .WithSummary("Ballot rule, outcome rule, tie-break order; 409 once voting has opened").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/voting-codes", GenerateVotingCodes.HandleAsync).WithName(nameof(GenerateVotingCodes))
            .WithSummary("Generate voting codes as CSV for mail merge (the only copy: only hashes are kept)").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPut("/{id}/eligible-voters", SetEligibleVoters.HandleAsync).WithName(nameof(SetEligibleVoters))
            .WithSummary("How many residents may vote: the cap on voting codes (until voting opens)").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/voting-codes/replacements", ReplaceVotingCode.HandleAsync).WithName(nameof(ReplaceVotingCode))
            .WithSummary("A new code for one letter whose code is unused; the old one is voided (admins, audited)").RequireAuthorization(Policies.Admin);
        budgets.MapPost("/{id}/paper-ballots", ImportPaperBallots.HandleAsync).WithName(nameof(ImportPaperBallots))
            .WithSummary("Upload paper ballots (CSV code,projects[,points]) as a pending batch: 202, nothing counted until another official confirms")
            .Accepts<string>("text/csv").RequireAuthorization(Policies.BudgetManager).RequireRateLimiting(RateLimits.StaffUploads);
        budgets.MapGet("/{id}/paper-ballots", ImportPaperBallots.ListAsync).WithName("ListPaperBallotBatches")
            .WithSummary("The budget's paper batches: pending, confirmed, counted").RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/paper-ballots/{batchId}/confirm", ConfirmPaperBallots.HandleAsync).WithName(nameof(ConfirmPaperBallots))
            .WithSummary("A second official (or an admin) confirms a pending batch and its ballots count; the uploader gets 403")
            .RequireAuthorization(Policies.BudgetManager);
        budgets.MapPost("/{id}/phase", MoveBudgetPhase.HandleAsync).WithName(nameof(MoveBudgetPhase))
            .WithSummary("Move a budget to a later phase ahead of its schedule (admins)").RequireAuthorization(Policies.Admin);

        // Council (and admins): the count.
        budgets.MapGet("/{id}/results", BudgetResults.HandleAsync).WithName("BudgetResults").RequireRateLimiting(RateLimits.Results)
            .WithSummary("Funded projects, cost, leftover, votes and an explanation per project").RequireAuthorization(Policies.Council);
        budgets.MapGet("/{id}/ballots.pb", BudgetResults.ExportAsync).WithName("ExportBudget")
            .WithSummary("Anonymised ballots and outcome of a finished budget as a pabulib .pb file").RequireAuthorization(Policies.Council);
        return app;
    }
}
