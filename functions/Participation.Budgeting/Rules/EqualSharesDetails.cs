namespace Participation.Budgeting.Rules;

/// <summary>
/// What the final run of equal shares left behind, in exact fractions, so an outcome can be explained and checked:
/// every voter's share, how each funded project was paid, what each ballot group paid and kept, and what a
/// project's supporters had left. Ballot groups are indexed as in <see cref="Election.Ballots"/>.
/// Computed on first use: counting does not need it, explaining does.
/// </summary>
public sealed class EqualSharesDetails
{
    private readonly BallotProfile profile;
    private readonly Lazy<EqualSharesRun> run;
    private readonly Lazy<IReadOnlyList<EqualSharesPayment>> payments;

    internal EqualSharesDetails(BallotProfile profile, long increments, IReadOnlyList<int> selected, EqualSharesRun? exactRun)
    {
        this.profile = profile;
        Increments = increments;
        FundedByEqualShares = selected.Select(profile.Id).ToArray();
        run = new Lazy<EqualSharesRun>(() =>
        {
            if (exactRun is not null)
            {
                return exactRun;
            }
            var recount = EqualShares.ExactRun(profile, increments, CancellationToken.None);
            if (!recount.Selected.SequenceEqual(selected))
            {
                throw new InvalidOperationException("The exact recount of equal shares disagrees with the fast count.");
            }
            return recount;
        });
        payments = new Lazy<IReadOnlyList<EqualSharesPayment>>(() => run.Value.Payments
            .Select(payment =>
            {
                var price = new Rational(payment.Remainder, payment.Denominator);
                return new EqualSharesPayment(
                    profile.Id(payment.Project),
                    price,
                    price * payment.HighestRichWeight,
                    payment.PayingAll,
                    new Rational(payment.MoneyBefore, payment.Scale));
            })
            .ToArray());
    }

    /// <summary>Money each voter started the final run with: budget / voters, plus one unit per increment.</summary>
    public Rational VoterShare => run.Value.Share;

    /// <summary>How often every voter's share was raised by one currency unit (the add1 completion).</summary>
    public long Increments { get; }

    /// <summary>Projects equal shares funded, in the order it funded them (free projects first).</summary>
    public IReadOnlyList<string> FundedByEqualShares { get; }

    public IReadOnlyList<EqualSharesPayment> Payments => payments.Value;

    public EqualSharesPayment? PaymentFor(string projectId) =>
        Payments.FirstOrDefault(payment => payment.ProjectId == projectId);

    /// <summary>Money one voter of the ballot group had left at the end.</summary>
    public Rational LeftoverOf(int ballotGroup) => run.Value.LeftoverOf(ballotGroup);

    /// <summary>Money one voter of the ballot group paid in total.</summary>
    public Rational PaidBy(int ballotGroup) => VoterShare - run.Value.LeftoverOf(ballotGroup);

    /// <summary>Money the project's supporters had left together at the end.</summary>
    public Rational SupportersLeftover(string projectId) => run.Value.SupportersLeftover(profile.ProjectIndex[projectId]);
}
