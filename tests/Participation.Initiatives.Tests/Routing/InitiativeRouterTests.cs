using Microsoft.Extensions.Time.Testing;
using Participation.Initiatives.Routing;

namespace Participation.Initiatives.Tests.Routing;

public sealed class InitiativeRouterTests
{
    // 10:00 in Amsterdam, a Tuesday in October 2026: nobody in the demo seed is away.
    private static readonly DateTimeOffset Ordinary = new(2026, 10, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Demo_seed_is_a_valid_configuration()
    {
        Assert.Empty(DemoMunicipality.Configuration.Problems());
        Assert.Equal(["binnenstad", "noorderkwartier", "oosterpark", "zuidwijk", "westhaven"], DemoMunicipality.Neighbourhoods.Select(n => n.Code));
        Assert.Equal(["groen", "verkeer", "spelen", "veiligheid", "afval", "ontmoeting"], DemoMunicipality.Themes.Select(t => t.Code));
        Assert.All(DemoMunicipality.Officials, o => Assert.EndsWith("@example.org", o.Email));
    }

    [Fact]
    public void Neighbourhood_and_theme_rule_wins_over_the_neighbourhood_rule()
    {
        var decision = Router(Ordinary).Route("oosterpark", "groen");

        Assert.Equal(("groen-oost", "anouk.devries"), (decision.TeamCode, decision.OfficialId));
        Assert.Equal("rule Oosterpark × groen → team Groen Oost; primary Anouk de Vries", decision.Reason);
        Assert.False(decision.ToFrontOffice);
    }

    [Fact]
    public void Other_themes_go_to_the_area_team()
    {
        var decision = Router(Ordinary).Route("oosterpark", "verkeer");

        Assert.Equal(("gebied-noordoost", "sanne.visser"), (decision.TeamCode, decision.OfficialId));
        Assert.StartsWith("rule Oosterpark × any theme → team Gebiedsteam Noord-Oost", decision.Reason);
    }

    [Fact]
    public void No_theme_uses_the_wildcard_rule()
    {
        Assert.Equal("lotte.smit", Router(Ordinary).Route("westhaven", null).OfficialId);
    }

    [Fact]
    public void Absent_primary_hands_over_to_the_deputy_and_says_so()
    {
        var inNovember = new DateTimeOffset(2026, 11, 12, 9, 0, 0, TimeSpan.Zero);

        var decision = Router(inNovember).Route("oosterpark", "groen");

        Assert.Equal("bram.jansen", decision.OfficialId);
        Assert.Equal("rule Oosterpark × groen → team Groen Oost; primary Anouk de Vries absent until 2026-11-30 → deputy Bram Jansen", decision.Reason);
    }

    [Fact]
    public void Absence_days_are_amsterdam_days()
    {
        // 23:30 UTC on 31 October is already 1 November in Amsterdam (00:30, winter time).
        var decision = Router(new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero)).Route("oosterpark", "groen");
        // 22:30 UTC on 30 November is still 30 November in Amsterdam; 23:30 UTC is 1 December.
        var lastDay = Router(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero)).Route("oosterpark", "groen");
        var back = Router(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)).Route("oosterpark", "groen");

        Assert.Equal("bram.jansen", decision.OfficialId);
        Assert.Equal("bram.jansen", lastDay.OfficialId);
        Assert.Equal("anouk.devries", back.OfficialId);
    }

    [Fact]
    public void Primary_and_deputy_away_goes_to_the_team_lead_then_other_members()
    {
        var day = new DateOnly(2026, 10, 6);
        var bothAway = DemoMunicipality.Configuration with
        {
            Absences = [new("anouk.devries", day, day), new("bram.jansen", day, day.AddDays(3))],
        };
        var allAway = bothAway with { Absences = [.. bothAway.Absences, new("fatima.bakker", day, day)] };

        var toLead = new InitiativeRouter(bothAway, new FakeTimeProvider(Ordinary)).Route("oosterpark", "groen");
        var toPool = new InitiativeRouter(allAway, new FakeTimeProvider(Ordinary)).Route("oosterpark", "groen");

        Assert.Equal("fatima.bakker", toLead.OfficialId);
        Assert.Contains("deputy Bram Jansen absent until 2026-10-09 → team lead Fatima Bakker", toLead.Reason);
        Assert.True(toPool.ToFrontOffice);
        Assert.Equal("frontoffice", toPool.TeamCode);
        Assert.Null(toPool.OfficialId);
        Assert.EndsWith("nobody in team Groen Oost on duty; → Frontoffice pool", toPool.Reason);
    }

    [Fact]
    public void A_colleague_who_knows_the_neighbourhood_comes_before_the_rest_of_the_team()
    {
        var day = new DateOnly(2026, 10, 6);
        var configuration = DemoMunicipality.Configuration with
        {
            Officials = [.. DemoMunicipality.Officials, new("kees.dekker", "Kees Dekker", "kees.dekker@example.org", ["gebied-noordoost"], ["oosterpark"]),
                new("aart.aalbers", "Aart Aalbers", "aart.aalbers@example.org", ["gebied-noordoost"], [])],
            Absences = [new("sanne.visser", day, day), new("mohamed.elamrani", day, day)],
        };

        var decision = new InitiativeRouter(configuration, new FakeTimeProvider(Ordinary)).Route("oosterpark", "afval");

        Assert.Equal("kees.dekker", decision.OfficialId);
    }

    [Fact]
    public void Unknown_neighbourhood_goes_to_the_front_office_pool()
    {
        var decision = Router(Ordinary).Route("atlantis", "groen");

        Assert.Equal(("frontoffice", null), (decision.TeamCode, decision.OfficialId));
        Assert.Equal("unknown neighbourhood 'atlantis'; → Frontoffice pool", decision.Reason);
    }

    [Fact]
    public void No_matching_rule_goes_to_the_front_office_pool()
    {
        var configuration = DemoMunicipality.Configuration with { Rules = [.. DemoMunicipality.Rules.Where(r => r.Neighbourhood != "zuidwijk")] };

        var decision = new InitiativeRouter(configuration, new FakeTimeProvider(Ordinary)).Route("zuidwijk", "spelen");

        Assert.True(decision.ToFrontOffice);
        Assert.Contains("no rule for Zuidwijk × spelen", decision.Reason);
    }

    [Fact]
    public void Theme_rule_beats_the_catch_all_but_not_a_neighbourhood_rule()
    {
        var configuration = DemoMunicipality.Configuration with
        {
            Rules =
            [
                new(null, null, "frontoffice", "eva.mulder", "thijs.bos"),
                new(null, "verkeer", "gebied-zuidwest", "jeroen.meijer", null),
                new("binnenstad", null, "gebied-zuidwest", "lotte.smit", null),
            ],
        };
        var router = new InitiativeRouter(configuration, new FakeTimeProvider(Ordinary));

        Assert.Equal("jeroen.meijer", router.Route("oosterpark", "verkeer").OfficialId);
        Assert.Equal("lotte.smit", router.Route("binnenstad", "verkeer").OfficialId);
        Assert.Equal("eva.mulder", router.Route("oosterpark", "groen").OfficialId);
        Assert.StartsWith("rule any neighbourhood × any theme", router.Route("oosterpark", "groen").Reason);
    }

    [Fact]
    public void Unknown_theme_is_routed_as_without_theme()
    {
        var decision = Router(Ordinary).Route("oosterpark", "ruimtevaart");

        Assert.Equal("sanne.visser", decision.OfficialId);
        Assert.Contains("unknown theme 'ruimtevaart'", decision.Reason);
    }

    [Fact]
    public void Invalid_configuration_is_refused_with_every_problem()
    {
        var broken = DemoMunicipality.Configuration with
        {
            Rules = [.. DemoMunicipality.Rules, new("oosterpark", "groen", "groen-oost", "nobody", null), new("mars", null, "ghost-team", "anouk.devries", null)],
            FrontOfficeTeam = "loket",
        };

        var problems = broken.Problems();

        Assert.Contains("Rule 'oosterpark × groen' is defined more than once.", problems);
        Assert.Contains(problems, p => p.Contains("unknown official 'nobody'"));
        Assert.Contains(problems, p => p.Contains("unknown neighbourhood 'mars'"));
        Assert.Contains(problems, p => p.Contains("unknown team 'ghost-team'"));
        Assert.Contains("The front-office team 'loket' is not defined.", problems);
        Assert.Throws<ArgumentException>(() => new InitiativeRouter(broken, TimeProvider.System));
    }

    [Fact]
    public void Every_combination_of_the_demo_gets_an_owner()
    {
        var router = Router(Ordinary);
        foreach (var neighbourhood in DemoMunicipality.Neighbourhoods)
        {
            foreach (var theme in DemoMunicipality.Themes.Select(t => t.Code).Append(null))
            {
                var decision = router.Route(neighbourhood.Code, theme);
                Assert.NotNull(decision.OfficialId);
                Assert.Contains(DemoMunicipality.Officials, o => o.Id == decision.OfficialId && o.Teams.Contains(decision.TeamCode));
            }
        }
    }

    private static InitiativeRouter Router(DateTimeOffset now) => new(DemoMunicipality.Configuration, new FakeTimeProvider(now));
}
