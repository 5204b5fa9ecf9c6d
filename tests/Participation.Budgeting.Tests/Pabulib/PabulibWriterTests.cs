using Participation.Budgeting.Pabulib;
using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Tests.Pabulib;

public sealed class PabulibWriterTests
{
    [Theory]
    [InlineData("Poland_Swiecie_2023")]
    [InlineData("Poland_Czestochowa_2020")]
    [InlineData("Netherlands_Amsterdam_643")]
    public void An_export_reads_back_as_the_same_election_and_outcome(string name)
    {
        var original = PabulibData.Read(name);
        var election = original.ToElection();
        var allocation = new Greedy().Select(election, CancellationToken.None);

        var text = PabulibWriter.Write(PabulibWriter.Export(election, allocation, original.Meta));
        var reread = PabulibReader.Parse(text);
        var again = reread.ToElection();

        Assert.Equal(election.Budget, again.Budget);
        Assert.Equal(election.VoteType, again.VoteType);
        Assert.Equal(election.Projects, again.Projects);
        Assert.Equal(election.Ballots, again.Ballots);
        Assert.Equal(allocation.Selected.Order(), reread.Selected.Order());
        Assert.Equal("greedy", reread.Rule);
        Assert.Equal(allocation.Selected, new Greedy().Select(again, CancellationToken.None).Selected);
    }

    [Fact]
    public void An_export_numbers_voters_instead_of_naming_them()
    {
        var original = PabulibData.Read("Netherlands_Assen_2024");
        var election = original.ToElection();

        var export = PabulibWriter.Export(election, new EqualShares().Select(election, CancellationToken.None));

        Assert.Equal(
            Enumerable.Range(1, (int)election.VoterCount).Select(i => i.ToString()),
            export.Votes.Select(row => row["voter_id"]));
        var originalIds = original.Votes.Select(row => row["voter_id"]).ToHashSet();
        Assert.DoesNotContain(export.Votes, row => originalIds.Contains(row["voter_id"]));
        Assert.Equal(original.Selected.Order(), export.Selected.Order());
        Assert.Equal("equalshares/add1", export.Rule);
    }

    [Fact]
    public void Fields_that_need_quotes_get_them()
    {
        var election = Election.Create(10, VoteType.Approval, [new Project("a", 4, "Bankjes; \"veel\"")], [Ballot.Approval(["a"])]);

        var text = PabulibWriter.Write(PabulibWriter.Export(election, null));

        Assert.Contains("a;4;1;\"Bankjes; \"\"veel\"\"\"", text);
        Assert.Equal("Bankjes; \"veel\"", PabulibReader.Parse(text).ToElection().Projects[0].Name);
    }
}
