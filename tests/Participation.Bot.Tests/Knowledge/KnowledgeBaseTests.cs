using Microsoft.Extensions.Options;
using Participation.Bot.Knowledge;
using Participation.Bot.Topics;
using Participation.Municipality;

namespace Participation.Bot.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private readonly KnowledgeBase knowledge = new(Options.Create(new MunicipalityOptions()));

    public static TheoryData<string> Topics => [.. Topic.All];

    [Theory]
    [MemberData(nameof(Topics))]
    public void Every_topic_has_a_Dutch_and_an_English_article_with_source_and_check_date(string topic)
    {
        foreach (var language in new[] { "nl", "en" })
        {
            var article = knowledge.Articles.Single(a => a.Topic == topic && a.Language == language);
            var rendered = knowledge.Render(article);
            Assert.Matches("^https://", rendered.Source);
            Assert.True(article.LastChecked > new DateOnly(2026, 1, 1));
            Assert.DoesNotContain("{{", rendered.Body);
            Assert.NotEmpty(article.Keywords);
        }
    }

    [Theory]
    [InlineData("id.validity", "nl", "**10 jaar**")]
    [InlineData("id.validity", "nl", "**5 jaar**")]
    [InlineData("id.validity", "en", "**10 years**")]
    [InlineData("id.child", "nl", "alle ouders met gezag")]
    [InlineData("id.apply", "nl", "**persoonlijk**")]
    [InlineData("id.lost", "en", "**Report the loss**")]
    [InlineData("move.report", "nl", "**4 weken vóór**")]
    [InlineData("move.report", "nl", "**5 dagen ná**")]
    [InlineData("move.from-abroad", "en", "within **5 days**")]
    [InlineData("move.emigrate", "nl", "**8 maanden**")]
    public void Articles_state_the_national_rules(string topic, string language, string fact) =>
        Assert.Contains(fact, knowledge.Find(topic, language)!.Body);

    [Fact]
    public void Municipality_facts_come_from_configuration()
    {
        var custom = new KnowledgeBase(Options.Create(new MunicipalityOptions { PassportFeeAdult = 90m, Phone = "14 099", FactsLastChecked = new DateOnly(2026, 3, 9) }));

        var body = custom.Render(custom.Find("id.cost", "nl")!).Body;

        Assert.Contains("€ 90,00", body);
        Assert.Contains("9 maart 2026", body);
        Assert.Contains("14 099", custom.Render(custom.Find("out-of-scope", "nl")!).Body);
    }
}
