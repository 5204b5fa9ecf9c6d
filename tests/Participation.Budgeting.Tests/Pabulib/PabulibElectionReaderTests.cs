using System.Text;
using Participation.Budgeting.Pabulib;

namespace Participation.Budgeting.Tests.Pabulib;

public sealed class PabulibElectionReaderTests
{
    public static TheoryData<string> Files() => [.. PabulibData.Names];

    [Theory]
    [MemberData(nameof(Files))]
    public void Streaming_a_real_file_gives_the_election_the_full_reader_gives(string name)
    {
        var expected = PabulibData.Read(name).ToElection();
        using var stream = File.OpenRead(PabulibData.PathOf(name));

        var election = PabulibElectionReader.Read(stream, PabulibLimits.Default);

        Assert.Equal(expected.Budget, election.Budget);
        Assert.Equal(expected.VoteType, election.VoteType);
        Assert.Equal(expected.Currency, election.Currency);
        Assert.Equal(expected.Projects, election.Projects);
        Assert.Equal(expected.VoterCount, election.VoterCount);
        Assert.Equal(expected.Ballots, election.Ballots);
        Assert.Equal(expected.TieBreakOrder, election.TieBreakOrder);
    }

    [Fact]
    public void Records_split_across_chunks_quotes_and_line_breaks_read_as_written()
    {
        var filler = new string('x', 50_000); // two of them are longer than one read from the stream
        var text = "\uFEFFMETA\r\nkey;value\r\nbudget;10\r\ndescription;\"Park; \"\"groen\"\"\nen blauw\"\r\n" +
                   $"note;{filler}\r\nnote;\"{filler}\"\r\nPROJECTS\r\nproject_id;cost;name\r\na;4;\"Bankjes; \"\"veel\"\"\"\r\nb;6;b\r\n" +
                   "VOTES\r\nvoter_id;vote\r\n1;a\r\n2; b , a \r\n3;a,b";

        var election = PabulibElectionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), PabulibLimits.Default);

        Assert.Equal(10, election.Budget);
        Assert.Equal("Bankjes; \"veel\"", election.Project("a").Name);
        Assert.Equal(3, election.VoterCount);
        Assert.Equal([new BallotGroup(Ballot.Approval(["a"]), 1), new BallotGroup(Ballot.Approval(["a", "b"]), 2)], election.Ballots);
    }

    [Theory]
    [InlineData("approval")]
    [InlineData("cumulative")]
    [InlineData("ordinal")]
    public void Ids_short_long_and_not_ascii_and_thousands_of_distinct_ballots_read_as_the_full_reader_reads_them(string voteType)
    {
        // Ids of up to seven bytes are found by their packed bytes, longer ones as text; both kinds, and enough distinct
        // ballots to make the grouping table grow several times.
        string[] ids = ["1", "7", "35071", "P0018", "1234567", "12345678", "p-0001", "project-long-id-2024", "één", "Ω", "a b", "x"];
        var random = new Random(42);
        var votes = new StringBuilder();
        for (var voter = 1; voter <= 5_000; voter++)
        {
            var chosen = ids.OrderBy(_ => random.Next()).Take(random.Next(1, ids.Length + 1)).ToArray();
            var points = string.Join(',', chosen.Select(_ => random.Next(1, 4)));
            votes.Append($"{voter};{string.Join(',', chosen)};{points}\n");
            if (voter % 3 == 0)
            {
                votes.Append($"{voter}b;{ids[voter % 2]};2\n"); // a ballot many share
            }
        }
        var text = $"META\nkey;value\nbudget;100\nvote_type;{voteType}\nPROJECTS\nproject_id;cost\n" +
                   string.Concat(ids.Select((id, i) => $"{id};{10 + i}\n")) + "VOTES\nvoter_id;vote;points\n" + votes;
        var expected = PabulibReader.Parse(text).ToElection();

        var election = PabulibElectionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), PabulibLimits.Default);

        Assert.Equal(expected.VoterCount, election.VoterCount);
        Assert.True(election.Ballots.Count > 1_000);
        Assert.Equal(expected.Ballots, election.Ballots);
    }

    [Theory]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;zz\n")]
    [InlineData("META\nkey;value\nbudget;ten\n")]
    [InlineData("PROJECTS\nproject_id;cost\na;5\n")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\na;6\n")]
    [InlineData("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;\"5\n")]
    [InlineData("META\nkey;value\nbudget;-5\n")]
    public void A_malformed_file_is_a_format_error(string text) =>
        Assert.ThrowsAny<FormatException>(() => PabulibElectionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), PabulibLimits.Default));

    [Theory]
    [InlineData("budget;99999999999999999999999999999999999999999999", "money")]
    [InlineData("budget;1e30", "money")]
    [InlineData("budget;2000000000000000000", "money")]
    public void Huge_numbers_are_refused_as_too_large(string budgetLine, string limit)
    {
        var text = $"META\nkey;value\n{budgetLine}\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n";

        var refused = Assert.Throws<PabulibLimitExceeded>(() => PabulibElectionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), PabulibLimits.Default));

        Assert.Equal(limit, refused.Limit);
    }

    [Fact]
    public void A_hundred_thousand_columns_are_refused_before_they_are_stored()
    {
        var header = "voter_id;vote;" + string.Join(';', Enumerable.Range(0, 100_000).Select(i => $"c{i}"));
        var text = $"META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\n{header}\n";

        var refused = Assert.Throws<PabulibLimitExceeded>(() => PabulibElectionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), PabulibLimits.Default));

        Assert.Equal("columns", refused.Limit);
    }

    [Fact]
    public void Projects_voters_and_field_length_have_caps()
    {
        var limits = new PabulibLimits { MaxProjects = 2, MaxVoters = 2, MaxFieldLength = 10 };
        Election Read(string text) => PabulibElectionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), limits);

        Assert.Equal("projects", Assert.Throws<PabulibLimitExceeded>(() =>
            Read("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;1\nb;1\nc;1\n")).Limit);
        Assert.Equal("voters", Assert.Throws<PabulibLimitExceeded>(() =>
            Read("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n1;a\n2;a\n3;a\n")).Limit);
        Assert.Equal("field_length", Assert.Throws<PabulibLimitExceeded>(() =>
            Read("META\nkey;value\nbudget;10\nname;" + new string('x', 11) + "\n")).Limit);
        Assert.Equal(2, Read("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n1;a\n2;a\n").VoterCount);
    }
}
