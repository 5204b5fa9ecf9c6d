using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// A resident votes, with the voting code from their letter (anonymously, or
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

    /// <summary>
    /// Casts the ballot in the budget as read a moment ago (the ballot path reads it through the store's short cache).
    /// <paramref name="user"/> is null for an anonymous voter; <paramref name="throttle"/> answers how long a voting code
    /// must wait before it votes again (null: now), so thirty voters at one polling station vote freely and one code
    /// hammered is stopped.
    /// </summary>
    public static async Task<Outcome<Response>> HandleAsync(
        BudgetSnapshot snapshot, Request request, PlatformUser? user, Func<string, TimeSpan?> throttle, BudgetServices services,
        CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow();
        var budget = snapshot.Budget;
        if (!budget.AcceptsBallotsAt(now))
        {
            return budget.Phase < BudgetPhase.Voting ? BudgetRefusals.VotingNotOpened(budget) : BudgetRefusals.VotingClosed(budget);
        }

        if (Refusal(request, snapshot) is { } refusal)
        {
            return refusal;
        }

        var box = services.Box;
        var ballot = Read(request, budget.Rules!)!;
        BallotBox.Voter voter;
        string? binding = null;
        if (budget.Eligibility == Budget.ByResident)
        {
            if (user is null || !user.IsIn(Roles.Resident))
            {
                return BudgetRefusals.SignInToVote;
            }

            voter = box.ForResident(budget.Id, user.Id);
        }
        else
        {
            var code = VotingCodes.Normalise(request.Code)!;
            if (throttle($"{budget.Id}|{code}") is { } wait)
            {
                return BudgetRefusals.TooManyForCode((int)Math.Ceiling(wait.TotalSeconds));
            }

            voter = box.ForCode(budget.Id, code);
            if (user is not null && user.IsIn(Roles.Resident))
            {
                if (!await box.CodeExistsAsync(voter, cancellationToken))
                {
                    return BudgetRefusals.UnknownCode;
                }

                binding = box.BindingOf(budget.Id, user.Id);
                if (!await box.BindCodeAsync(budget.Id, binding, voter.CodeHash!, cancellationToken))
                {
                    return BudgetRefusals.VotedWithAnotherCode;
                }
            }
        }

        return await box.CastAsync(voter, ballot, binding, paper: false, now, cancellationToken) switch
        {
            BallotBox.Stored stored => new Response(budget.Id, stored.Receipt, stored.Fingerprint, stored.Replaced),
            BallotBox.UnknownCode => BudgetRefusals.UnknownCode,
            BallotBox.AlreadyOnPaper => BudgetRefusals.VotedOnPaper,
            BallotBox.BoundToAnother => BudgetRefusals.CodeBoundToAnother,
            BallotBox.Superseded => BudgetRefusals.LaterBallotCounts,
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary>
    /// Why this ballot cannot be cast under the budget's frozen rule (wrong shape, a broken rule, no voting code where the
    /// budget needs one), or null when it can; the ballot page's review step asks the same before it shows the choice back.
    /// </summary>
    public static Refusal? Refusal(Request request, BudgetSnapshot snapshot)
    {
        var budget = snapshot.Budget;
        if (Read(request, budget.Rules!) is not { } ballot)
        {
            return budget.Rules!.VoteType == BallotSettings.Cumulative ? BudgetRefusals.PointsMissing : BudgetRefusals.ProjectsMissing;
        }

        if (budget.Rules!.BallotRule(budget.Amount, budget.Currency).Check(ballot, snapshot.BallotProjects) is { } broken)
        {
            return BudgetRefusals.RuleBroken(broken);
        }

        return budget.Eligibility == Budget.ByCode && VotingCodes.Normalise(request.Code) is null ? BudgetRefusals.CodeMissing : null;
    }

    /// <summary>The ballot as the budget's vote type reads it; null when the request has the wrong shape.</summary>
    public static Ballot? Read(Request request, BallotSettings rules) => rules.VoteType == BallotSettings.Cumulative
        ? request.Points is { Count: > 0 } points && points.Keys.All(k => !string.IsNullOrWhiteSpace(k)) ? Ballot.Cumulative(points) : null
        : request.Projects is { } projects && projects.All(p => !string.IsNullOrWhiteSpace(p)) && projects.Distinct().Count() == projects.Count
            ? Ballot.Approval(projects.Select(p => p.Trim()))
            : null;
}

/// <summary>Whether the ballot of a receipt is in the count; never what it says.</summary>
public static class CheckReceipt
{
    public sealed record Response(string Receipt, string Status, string Fingerprint, DateTimeOffset SubmittedAt, bool Paper);

    public static async Task<Outcome<Response>> HandleAsync(string id, string receipt, BallotBox box, CancellationToken cancellationToken)
    {
        if (!BudgetIds.IsValid(id) || VotingCodes.Normalise(receipt) is not { } normalised ||
            await box.CheckReceiptAsync(id, normalised, cancellationToken) is not { } status)
        {
            return BudgetRefusals.ReceiptNotFound;
        }

        var state = status.Counted ? "counted" : status.ReplacedAt is not null ? "replaced" : "not-counted";
        return new Response(normalised, state, status.Fingerprint, status.SubmittedAt, status.Paper);
    }
}
