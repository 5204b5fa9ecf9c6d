using Participation.Budgeting;

namespace Participation.Benchmarks.Budgeting;

/// <summary>
/// A city-sized approval election from a fixed seed. Popularity is skewed (a few projects draw most votes) and a
/// quarter of the voters copy one of a few dozen campaign slates, so identical ballots are common, as in real
/// elections, while the rest still make many distinct ballots.
/// </summary>
public static class SyntheticElection
{
    public static Election Create(int voters, int projects, double averageChoices, int seed, long costUnit = 5_000)
    {
        var random = new Random(seed);
        var projectList = Enumerable.Range(1, projects)
            .Select(i => new Project($"p{i:D3}", costUnit * random.Next(1, 41), $"Project {i}"))
            .ToArray();
        var popularity = Enumerable.Range(1, projects).Select(rank => 1.0 / Math.Pow(rank, 0.9)).ToArray();
        Shuffle(random, popularity);
        var cumulative = new double[projects];
        var total = 0.0;
        for (var i = 0; i < projects; i++)
        {
            total += popularity[i];
            cumulative[i] = total;
        }

        string[] Draw(int count)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < Math.Min(count, projects))
            {
                var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
                chosen.Add(index < 0 ? ~index : index);
            }
            return chosen.Select(i => projectList[i].Id).ToArray();
        }

        int Length() => Math.Max(1, (int)Math.Round(-Math.Log(1 - random.NextDouble()) * averageChoices + 0.5));

        var slates = Enumerable.Range(0, 40).Select(_ => Draw(Length())).ToArray();
        var ballots = new List<Ballot>(voters);
        for (var v = 0; v < voters; v++)
        {
            var ballot = random.NextDouble() < 0.25
                ? slates[(int)Math.Min(slates.Length - 1, -Math.Log(1 - random.NextDouble()) * 8)]
                : Draw(Length());
            ballots.Add(Ballot.Approval(ballot));
        }
        var budget = projectList.Sum(project => project.Cost) / 5;
        return Election.Create(budget, VoteType.Approval, projectList, ballots);
    }

    private static void Shuffle(Random random, double[] values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
