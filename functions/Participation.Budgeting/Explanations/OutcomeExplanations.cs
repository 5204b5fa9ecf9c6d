using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Explanations;

/// <summary>
/// One sentence per project saying why it was funded or not, built from the allocation's rounds and, for equal
/// shares, from what supporters paid and had left. Amounts are rounded down to whole units where a resident
/// compares them with a cost, so "had €24,999 left" never reads as enough for a €25,000 project.
/// </summary>
public static class OutcomeExplanations
{
    public static IReadOnlyList<ProjectExplanation> Explain(Election election, Allocation allocation) =>
        election.Projects.Select(project => Explain(election, allocation, project.Id)).ToArray();

    public static ProjectExplanation Explain(Election election, Allocation allocation, string projectId)
    {
        var project = election.Project(projectId);
        var votes = allocation.Votes.GetValueOrDefault(projectId);
        var cur = election.Currency;
        var cost = (En: Money.English(project.Cost, cur), Nl: Money.Dutch(project.Cost, cur));
        var (voteEn, voteNl) = VoteWords(election.VoteType, votes);
        var round = allocation.RoundOf(projectId);
        if (round is not null)
        {
            var left = (En: Money.English(round.BudgetLeftBefore, cur), Nl: Money.Dutch(round.BudgetLeftBefore, cur));
            return round.Step switch
            {
                SelectionStep.EqualShares when allocation.EqualShares?.PaymentFor(projectId) is { } payment =>
                    Funded(projectId,
                        $"Funded: {Supporters(round.Supporters, "its", "supporter", "supporters")} shared its cost of {cost.En}; " +
                        $"nobody paid more than {Money.English(payment.HighestPayment.ToDecimal(), cur)}." +
                        PayingAllEnglish(payment.SupportersPayingAll),
                        $"Gefinancierd: {SupportersNl(round.Supporters)} deelden de kosten van {cost.Nl}; " +
                        $"niemand betaalde meer dan {Money.Dutch(payment.HighestPayment.ToDecimal(), cur)}." +
                        PayingAllDutch(payment.SupportersPayingAll)),
                SelectionStep.Completion => Funded(projectId,
                    $"Funded in the completion step: with {voteEn} it was next in line and fit in the {left.En} that equal shares left over.",
                    $"Gefinancierd in de aanvulronde: met {voteNl} was het als volgende aan de beurt en het paste in de {left.Nl} die na de gelijke verdeling over was."),
                SelectionStep.FreeOfCost => Funded(projectId,
                    $"Funded: it costs nothing and {round.Supporters} {(round.Supporters == 1 ? "voter" : "voters")} wanted it.",
                    $"Gefinancierd: het kost niets en {round.Supporters} {(round.Supporters == 1 ? "stemmer wilde" : "stemmers wilden")} het."),
                _ => Funded(projectId,
                    $"Funded: with {voteEn} it was next in line and fit in the {left.En} still available.",
                    $"Gefinancierd: met {voteNl} was het als volgende aan de beurt en het paste in de nog beschikbare {left.Nl}."),
            };
        }

        if (votes == 0)
        {
            return NotFunded(projectId, "Not funded: nobody voted for it.", "Niet gefinancierd: niemand heeft erop gestemd.");
        }

        var profileSupporters = SupportersOf(election, projectId);
        if (allocation.EqualShares is { } details)
        {
            var had = details.SupportersLeftover(projectId).Floor();
            var en = $"Not funded: {Supporters(profileSupporters, "its", "supporter", "supporters")} had {Money.English((decimal)had, cur)} left together; it costs {cost.En}.";
            var nl = $"Niet gefinancierd: {SupportersNl(profileSupporters)} hadden samen nog {Money.Dutch((decimal)had, cur)} over; het kost {cost.Nl}.";
            if (allocation.Rule == EqualSharesComplete.RuleName)
            {
                en += $" The completion step had only {Money.English(allocation.Leftover, cur)} left.";
                nl += $" In de aanvulronde was er nog maar {Money.Dutch(allocation.Leftover, cur)} over.";
            }
            if (profileSupporters == 1)
            {
                nl = nl.Replace("hadden samen nog", "had nog", StringComparison.Ordinal);
                en = en.Replace(" together", "", StringComparison.Ordinal);
            }
            return NotFunded(projectId, en, nl);
        }

        var atTurn = LeftAtTurn(election, allocation, projectId);
        return NotFunded(projectId,
            $"Not funded: when its turn came with {voteEn}, only {Money.English(atTurn, cur)} was left; it costs {cost.En}.",
            $"Niet gefinancierd: toen het met {voteNl} aan de beurt was, was er nog maar {Money.Dutch(atTurn, cur)} over; het kost {cost.Nl}.");
    }

    private static ProjectExplanation Funded(string id, string english, string dutch) => new(id, true, english, dutch);

    private static ProjectExplanation NotFunded(string id, string english, string dutch) => new(id, false, english, dutch);

    private static string Supporters(long count, string its, string one, string many) =>
        $"{its} {EnglishThousands(count)} {(count == 1 ? one : many)}";

    private static string SupportersNl(long count) =>
        count == 1 ? "de 1 stemmer die dit plan steunde" : $"de {Thousands(count)} stemmers die dit plan steunden";

    private static string PayingAllEnglish(long count) =>
        count == 0 ? "" : $" {EnglishThousands(count)} of them paid everything they had left.";

    private static string PayingAllDutch(long count) =>
        count == 0 ? "" : count == 1 ? " Eén van hen betaalde alles wat hij of zij nog had." : $" {Thousands(count)} van hen betaalden alles wat ze nog hadden.";

    private static string Thousands(long count) => EnglishThousands(count).Replace(',', '.');

    private static string EnglishThousands(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static (string En, string Nl) VoteWords(VoteType voteType, long votes) => voteType switch
    {
        VoteType.Cumulative => ($"{EnglishThousands(votes)} points", $"{Thousands(votes)} punten"),
        VoteType.Ordinal => ($"a Borda score of {EnglishThousands(votes)}", $"een Borda-score van {Thousands(votes)}"),
        _ => (votes == 1 ? "1 vote" : $"{EnglishThousands(votes)} votes", votes == 1 ? "1 stem" : $"{Thousands(votes)} stemmen"),
    };

    private static long SupportersOf(Election election, string projectId) =>
        election.Ballots.Where(group => group.Ballot.Projects.Contains(projectId, StringComparer.Ordinal)).Sum(group => group.Count);

    /// <summary>What the budget had left when greedy reached this project in vote order.</summary>
    private static long LeftAtTurn(Election election, Allocation allocation, string projectId)
    {
        var ahead = allocation.Votes.GetValueOrDefault(projectId);
        var rank = election.TieBreakOrder.ToList();
        var before = allocation.Rounds.Where(round =>
            round.Votes > ahead || (round.Votes == ahead && rank.IndexOf(round.ProjectId) < rank.IndexOf(projectId)));
        return election.Budget - before.Sum(round => round.Cost);
    }
}
