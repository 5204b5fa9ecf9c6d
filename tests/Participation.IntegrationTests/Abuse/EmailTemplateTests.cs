using Participation.App.Notifications;

namespace Participation.IntegrationTests.Abuse;

/// <summary>Every e-mail to a resident's (typed, unverified) address is built from codes, links and the municipality's words only.</summary>
public sealed class EmailTemplateTests
{
    public static TheoryData<string> ResidentTemplates => [.. EmailTemplates.ToResidents];

    [Theory]
    [MemberData(nameof(ResidentTemplates))]
    public void A_mail_to_a_resident_uses_no_placeholder_for_text_a_resident_wrote(string template)
    {
        Assert.True(EmailTemplates.Exists(template), $"{template} is a template");
        Assert.Empty(EmailTemplates.Placeholders(template).Intersect(EmailTemplates.ResidentWritten));
    }

    [Theory]
    [MemberData(nameof(ResidentTemplates))]
    public void Rendered_with_a_hostile_title_a_resident_mail_does_not_carry_it(string template)
    {
        var values = EmailTemplates.ResidentWritten.ToDictionary(name => name, _ => "HOSTILE-TEXT http://spam.example");
        values["trackingCode"] = "K7QXM2PD9RC";

        foreach (var locale in new[] { "nl", "en" })
        {
            var (subject, body) = EmailTemplates.Render(template, locale, values);
            Assert.DoesNotContain("HOSTILE-TEXT", subject + body);
        }
    }

    [Fact]
    public void Officials_mails_still_name_the_title()
    {
        var (subject, _) = EmailTemplates.Render("initiative-assigned", "nl", new Dictionary<string, string> { ["title"] = "Bankjes", ["trackingCode"] = "K7QXM2PD9RC" });
        Assert.Contains("Bankjes", subject);
    }
}
