using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Tests.Pabulib;

public sealed class PabulibReaderTests
{
    public static TheoryData<string> Files() => [.. PabulibData.Names];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_reads_with_its_declared_numbers_of_projects_and_voters(string name)
    {
        var file = PabulibData.Read(name);
        var election = file.ToElection();

        Assert.Equal(long.Parse(file.MetaValue("num_projects")!), election.Projects.Count);
        Assert.Equal(long.Parse(file.MetaValue("num_votes")!), election.VoterCount);
        Assert.True(election.Ballots.Count <= election.VoterCount);
        Assert.Equal(file.Budget, election.Budget);
        Assert.Equal(file.VoteType, election.VoteType);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Counted_votes_match_the_files_votes_and_score_columns(string name)
    {
        var file = PabulibData.Read(name);
        var election = file.ToElection();
        var votes = new Greedy().Select(election, CancellationToken.None).Votes;
        var supporters = election.Projects.ToDictionary(
            p => p.Id,
            p => election.Ballots.Where(g => g.Ballot.Projects.Contains(p.Id)).Sum(g => g.Count));

        foreach (var row in file.Projects)
        {
            var id = row["project_id"];
            if (row.TryGetValue("score", out var score))
            {
                // Points are the count here. Częstochowa's votes column counts listings, and one voter there lists
                // project 579 four times with a point each: one supporter with 4 points to us, 4 votes to the file.
                Assert.Equal(long.Parse(score), votes[id]);
            }
            else
            {
                Assert.Equal(long.Parse(row["votes"]), supporters[id]);
            }
        }
    }

    [Fact]
    public void Meta_values_are_exposed()
    {
        var assen = PabulibData.Read("Netherlands_Assen_2024");

        Assert.Equal("equalshares/add1", assen.Rule);
        Assert.Equal(100_000, assen.Budget);
        Assert.Equal(VoteType.Approval, assen.VoteType);
        Assert.Equal(2, assen.MinLength);
        Assert.Null(assen.MaxLength);
        Assert.Equal("EUR", assen.Currency);
        Assert.Equal(["3", "9", "2", "11", "13", "14", "5", "6", "12"], assen.Selected);

        var sloterdijk = PabulibData.Read("Netherlands_Amsterdam_643");
        Assert.Equal(VoteType.ChooseOne, sloterdijk.VoteType);
        Assert.Equal(1, sloterdijk.MaxLength);
        Assert.False(sloterdijk.HasSelected);
    }

    [Fact]
    public void Quotes_open_a_field_only_at_its_start()
    {
        var czestochowa = PabulibData.Read("Poland_Czestochowa_2020");

        var orlik = czestochowa.Projects.Single(row => row["project_id"] == "611");
        Assert.Equal("Budowa boiska ogólnego wielofunkcyjnego \"Orlik\"", orlik["name"]);
    }

    [Fact]
    public void Quoted_fields_may_hold_separators_quotes_and_line_breaks()
    {
        var text = "META\r\nkey;value\r\nbudget;10\r\ndescription;\"Park; \"\"groen\"\"\nen blauw\"\r\nPROJECTS\r\nproject_id;cost;name\r\n" +
                   "a;4;\"Bankjes; veel\"\r\nVOTES\r\nvoter_id;vote\r\n1;a\r\n";

        var file = PabulibReader.Parse(text);

        Assert.Equal("Park; \"groen\"\nen blauw", file.MetaValue("description"));
        Assert.Equal("Bankjes; veel", file.Projects[0]["name"]);
        Assert.Single(file.Votes);
    }

    [Fact]
    public void Ordinal_and_cumulative_votes_become_rankings_and_points()
    {
        var text = "META\nkey;value\nbudget;10\nvote_type;ordinal\nPROJECTS\nproject_id;cost\na;5\nb;5\nc;5\nVOTES\nvoter_id;vote\n1;c,a\n";
        var ranking = PabulibReader.Parse(text).ToElection().Ballots.Single().Ballot;
        Assert.Equal(["c", "a"], ranking.Projects);

        var cumulative = PabulibData.Read("Poland_Czestochowa_2020").ToElection();
        var first = cumulative.Ballots[0].Ballot;
        Assert.Equal(["275", "406", "431", "439"], first.Projects);
        Assert.Equal([5L, 2, 2, 1], first.Points!);
    }
}
