using System.Numerics;

namespace Participation.Budgeting.Rules;

/// <summary>
/// The Method of Equal Shares with cost satisfaction and the add1 completion, as pabulib's
/// <c>equalshares/add1</c>: every voter gets budget / voters; a project is funded when its supporters can pay for it,
/// cheapest price per unit of satisfaction first. Then every share is raised by one currency unit and the method is
/// run again, for as long as the outcome stays within the real budget; it stops at the first outcome that no
/// longer fits (keeping the one before) or that leaves no candidate project affordable from the leftover.
/// </summary>
public sealed class EqualShares : IBudgetRule
{
    public string Name => "equalshares/add1";

    public Allocation Select(Election election, CancellationToken cancellationToken)
    {
        var profile = BallotProfile.Compile(election);
        var (run, increments) = Run(profile, cancellationToken);
        return ToAllocation(Name, profile, run, increments);
    }

    internal static (EqualSharesRun Run, int Increments) Run(BallotProfile profile, CancellationToken cancellationToken)
    {
        var budget = profile.Election.Budget;
        var voters = profile.VoterCount;
        if (voters == 0)
        {
            var nobody = new EqualSharesRun(profile, BigInteger.Zero, BigInteger.One);
            nobody.Execute(cancellationToken);
            return (nobody, 0);
        }

        EqualSharesRun? previous = null;
        for (var increments = 0; ; increments++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = new EqualSharesRun(profile, budget + (BigInteger)increments * voters, voters);
            run.Execute(cancellationToken);
            if (run.TotalCost > budget)
            {
                // The first run spends at most what the voters were given, the real budget, so there is a previous.
                return (previous ?? run, Math.Max(0, increments - 1));
            }
            if (IsExhaustive(profile, run))
            {
                return (run, increments);
            }
            previous = run;
        }
    }

    internal static Allocation ToAllocation(string rule, BallotProfile profile, EqualSharesRun run, int increments)
    {
        var budget = profile.Election.Budget;
        var rounds = new List<SelectionRound>();
        long spent = 0;
        var payments = run.Payments.ToDictionary(payment => payment.Project);
        foreach (var p in run.Selected)
        {
            var id = profile.Id(p);
            if (payments.TryGetValue(p, out var payment))
            {
                var price = new Rational(payment.Remainder, payment.Denominator);
                rounds.Add(new SelectionRound(
                    rounds.Count + 1, id, SelectionStep.EqualShares, profile.Cost[p], profile.TotalWeight[p],
                    profile.Supporters[p], budget - spent,
                    PricePerVote: price,
                    HighestPayment: price * payment.HighestRichWeight,
                    SupportersPayingAll: payment.PayingAll,
                    SupportersMoneyBefore: new Rational(payment.MoneyBefore, payment.Scale)));
            }
            else
            {
                rounds.Add(new SelectionRound(
                    rounds.Count + 1, id, SelectionStep.FreeOfCost, profile.Cost[p], profile.TotalWeight[p],
                    profile.Supporters[p], budget - spent));
            }
            spent += profile.Cost[p];
        }
        return new Allocation(
            rule,
            rounds.Select(round => round.ProjectId).ToArray(),
            spent,
            budget - spent,
            profile.Votes(),
            rounds,
            new EqualSharesDetails(run, profile, increments));
    }

    private static bool IsExhaustive(BallotProfile profile, EqualSharesRun run)
    {
        var leftover = profile.Election.Budget - run.TotalCost;
        var selected = run.Selected.ToHashSet();
        for (var p = 0; p < profile.ProjectCount; p++)
        {
            if (run.IsCandidate(p) && !selected.Contains(p) && profile.Cost[p] <= leftover)
            {
                return false;
            }
        }
        return true;
    }
}
