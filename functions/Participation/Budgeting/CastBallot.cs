using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Budgeting.Ballots;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/ballots</c>: a resident votes, with the voting code from their letter (anonymously, or
/// signed in) or — in a <c>residents</c> budget — signed in. The ballot is checked against the frozen rule first;
/// a second submission of the same voter replaces the first, so each voter has one ballot.
/// </summary>
/// <remarks>
/// Codes and sign-in never add up to two ballots: a <c>codes</c> budget counts codes only — signing in does not give a
/// vote of its own, it binds the code to the resident at first signed-in use (no other code for them afterwards, and
/// only they can replace its ballot); a <c>residents</c> budget counts signed-in residents only and ignores codes.
/// </remarks>
public static class CastBallot
{
    public sealed record Request(string? Code, IReadOnlyList<string>? Projects, IReadOnlyDictionary<string, long>? Points);

    /// <summary>Keep <see cref="Receipt"/> to check later (GET …/receipts/{receipt}) that this ballot is in the count.</summary>
    public sealed record Response(string BudgetId, string Receipt, string Fingerprint, bool Replaced);

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, BallotBox box, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.FindRecentAsync(id, cancellationToken) is not { } snapshot)
        {
            return BudgetAccess.NotFound(id);
        }

        var budget = snapshot.Budget;
        if (!budget.AcceptsBallotsAt(now))
        {
            return budget.Phase < BudgetPhase.Voting
                ? BudgetAccess.Conflict("Voting has not opened", $"Voting for '{budget.Id}' has not opened yet{Opens(budget)}.")
                : BudgetAccess.Conflict("Voting has closed", $"Voting for '{budget.Id}' has closed; ballots are no longer accepted.");
        }

        if (Refusal(request, snapshot) is { } refusal)
        {
            return refusal;
        }

        var ballot = Read(request, budget.Rules!)!;
        var user = PlatformUser.From(http.User);
        BallotBox.Voter voter;
        string? binding = null;
        if (budget.Eligibility == Budget.ByResident)
        {
            if (user is null || !user.IsIn(Roles.Resident))
            {
                return TypedResults.Problem("This budget is for signed-in residents: sign in to vote.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign in to vote");
            }

            voter = box.ForResident(budget.Id, user.Id);
        }
        else
        {
            var code = VotingCodes.Normalise(request.Code)!;

            // Per code, not per address: thirty voters at one polling station vote freely, one code hammered is stopped.
            if (http.RequestServices.GetRequiredService<ActorRateLimits>().TryAcquire(RateLimits.VotesPerCode, $"{budget.Id}|{code}") is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return BudgetAccess.Refuse(StatusCodes.Status429TooManyRequests, "votes.too_many_for_code", "Too many ballots for this code",
                    $"This voting code was used too often just now; wait {(int)Math.Ceiling(wait.TotalSeconds)} seconds.",
                    $"Met deze stemcode is zojuist te vaak gestemd; wacht {(int)Math.Ceiling(wait.TotalSeconds)} seconden.");
            }

            voter = box.ForCode(budget.Id, code);
            if (user is not null && user.IsIn(Roles.Resident))
            {
                if (!await box.CodeExistsAsync(voter, cancellationToken))
                {
                    return UnknownCode();
                }

                binding = box.BindingOf(budget.Id, user.Id);
                if (!await box.BindCodeAsync(budget.Id, binding, voter.CodeHash!, cancellationToken))
                {
                    return BudgetAccess.Conflict("You voted with another code",
                        "You already voted in this budget with another voting code; each resident votes once. You can change that vote with its code.");
                }
            }
        }

        return await box.CastAsync(voter, ballot, binding, paper: false, now, cancellationToken) switch
        {
            BallotBox.Stored stored => TypedResults.Ok(new Response(budget.Id, stored.Receipt, stored.Fingerprint, stored.Replaced)),
            BallotBox.UnknownCode => UnknownCode(),
            BallotBox.AlreadyOnPaper => BudgetAccess.Conflict("Voted on paper", "A paper ballot was counted for this voting code; it cannot be changed online."),
            BallotBox.BoundToAnother => TypedResults.Problem("This voting code was first used by a signed-in resident; sign in as them to change the vote.",
                statusCode: StatusCodes.Status403Forbidden, title: "Code bound to a resident"),
            BallotBox.Superseded => BudgetAccess.Conflict("A later ballot counts",
                "A ballot with this voting code sent after this one is stored already; the later choice counts."),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary>
    /// Why this ballot cannot be cast under the budget's frozen rule (wrong shape, a broken rule, no voting code where the
    /// budget needs one), or null when it can;
    /// the ballot page's review step asks the same before it shows the choice back.
    /// </summary>
    public static ValidationProblem? Refusal(Request request, BudgetSnapshot snapshot)
    {
        var budget = snapshot.Budget;
        if (Read(request, budget.Rules!) is not { } ballot)
        {
            return BudgetAccess.Invalid(budget.Rules!.VoteType == BallotSettings.Cumulative ? "points" : "projects",
                budget.Rules.VoteType == BallotSettings.Cumulative
                    ? "Send the points per project, e.g. {\"points\": {\"p1\": 3, \"p2\": 2}}."
                    : "Send the chosen project ids, e.g. {\"projects\": [\"p1\", \"p3\"]}.");
        }

        if (budget.Rules!.BallotRule(budget.Amount, budget.Currency).Check(ballot, snapshot.BallotProjects) is { } broken)
        {
            return RuleBroken(broken);
        }

        return budget.Eligibility == Budget.ByCode && VotingCodes.Normalise(request.Code) is null
            ? BudgetAccess.Invalid("code", "Give the voting code from your letter (12 letters and digits, e.g. ABCD-EFGH-JK23).")
            : null;
    }

    /// <summary>The ballot as the budget's vote type reads it; null when the request has the wrong shape.</summary>
    public static Ballot? Read(Request request, BallotSettings rules) => rules.VoteType == BallotSettings.Cumulative
        ? request.Points is { Count: > 0 } points && points.Keys.All(k => !string.IsNullOrWhiteSpace(k)) ? Ballot.Cumulative(points) : null
        : request.Projects is { } projects && projects.All(p => !string.IsNullOrWhiteSpace(p)) && projects.Distinct().Count() == projects.Count
            ? Ballot.Approval(projects.Select(p => p.Trim()))
            : null;

    /// <summary>400 naming the broken rule, in English (detail) and Dutch (<c>dutch</c>), with a stable code for clients.</summary>
    public static ValidationProblem RuleBroken(BallotError error) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["ballot"] = [error.English] },
        detail: error.English, title: "The ballot breaks the rule of this budget",
        extensions: new Dictionary<string, object?> { ["rule"] = error.Rule, ["code"] = error.Code, ["dutch"] = error.Dutch });

    private static ValidationProblem UnknownCode() =>
        BudgetAccess.Invalid("code", "This voting code is not valid for this budget. Check the letter; codes of another budget do not work here.");

    private static string Opens(Budget budget) => budget.Dates.Voting is { } opens ? $"; it opens {opens:yyyy-MM-dd HH:mm} UTC" : "";
}

/// <summary><c>GET /api/budgets/{id}/receipts/{receipt}</c>: public, rate limited; says whether the ballot is counted, never what it says.</summary>
public static class CheckReceipt
{
    public sealed record Response(string Receipt, string Status, string Fingerprint, DateTimeOffset SubmittedAt, bool Paper);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        string id, string receipt, BallotBox box, CancellationToken cancellationToken)
    {
        if (!BudgetIds.IsValid(id) || VotingCodes.Normalise(receipt) is not { } normalised ||
            await box.CheckReceiptAsync(id, normalised, cancellationToken) is not { } status)
        {
            return TypedResults.Problem("No ballot with this receipt in this budget.", statusCode: StatusCodes.Status404NotFound, title: "Receipt not found");
        }

        var state = status.Counted ? "counted" : status.ReplacedAt is not null ? "replaced" : "not-counted";
        return TypedResults.Ok(new Response(normalised, state, status.Fingerprint, status.SubmittedAt, status.Paper));
    }
}
