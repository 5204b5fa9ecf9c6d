using Participation.App.Notifications;

namespace Participation.IntegrationTests.Notifications;

/// <summary>Each kind of notification names a template that exists and fills the placeholders that only it can fill.</summary>
public sealed class NotificationTests
{
    // Filled at the moment of sending, not by the notification: the municipality's name and what INotificationContent adds.
    private static readonly string[] FilledWhenSent = ["municipality", "question", "transcript", "photosUrl"];

    public static TheoryData<Notification> Kinds =>
    [
        new Notification.QuestionReceived("13DK-33M2-H83", "waste", "https://example.org"),
        new Notification.QuestionRegistered("13DK-33M2-H83", null, "https://example.org", "official-1"),
        new Notification.FollowConfirm("K7QXM2PD9RC", "token", "follow-pending-token", "https://example.org/i", "https://example.org/c"),
        new Notification.FollowerNews("change-1", "K7QXM2PD9RC", "follower-1", "follow-K7QXM2PD9RC-follower-1", Notification.FollowerNews.StatusChanged,
            new Dictionary<string, string> { ["status"] = "accepted", ["publicMessage"] = "", ["statusUrl"] = "https://example.org/i" }, "https://example.org/u"),
        new Notification.FollowerNews("change-2", "K7QXM2PD9RC", "follower-1", "follow-K7QXM2PD9RC-follower-1", Notification.FollowerNews.Message,
            new Dictionary<string, string> { ["publicMessage"] = "Het bankje staat er.", ["realisationUrl"] = "https://example.org/r" }, "https://example.org/u"),
        new Notification.FollowerNews("change-3", "K7QXM2PD9RC", "follower-1", "follow-K7QXM2PD9RC-follower-1", Notification.FollowerNews.MilestoneDone,
            new Dictionary<string, string> { ["milestone"] = "Bestellen", ["progress"] = "1/2", ["realisationUrl"] = "https://example.org/r" }, "https://example.org/u"),
        new Notification.PrivacyLink("token", "privacy-token", "https://example.org/privacy/token"),
        new Notification.RealisationProgress("item-1-done", "K7QXM2PD9RC", "Bankjes", "Bestellen", "planned", null, "1/2", "https://example.org/r"),
        new Notification.RealisationProgress("item-1-stopped", "K7QXM2PD9RC", "Bankjes", null, "stopped", "Geen plek", "1/2", "https://example.org/r"),
        new Notification.SlippedMilestonesDigest("2026-11-23", Recipient.Council, "2", "2026-11-23", "2026-11-29", "- a\n- b\n", "https://example.org/raad"),
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_notification_has_a_template_whose_placeholders_it_fills(Notification notification)
    {
        var request = notification.Request();

        Assert.True(EmailTemplates.Exists(request.Template), $"{request.Template} is a template");
        Assert.Empty(EmailTemplates.Placeholders(request.Template).Except(request.Values.Keys).Except(FilledWhenSent));
    }

    [Fact]
    public void A_follower_notification_of_an_unknown_kind_is_refused()
    {
        var news = new Notification.FollowerNews("change", "K7QXM2PD9RC", "follower", "subject", "initiative-received", new Dictionary<string, string>(), "https://example.org/u");

        Assert.Throws<ArgumentException>(() => news.Request());
    }

    [Fact]
    public void Every_kind_of_initiative_email_names_an_existing_template_and_an_unknown_kind_is_refused()
    {
        foreach (var kind in Notification.AboutInitiative.Kinds)
        {
            var request = new Notification.AboutInitiative("event", Recipient.ContactOf("K7QXM2PD9RC"), kind, new Dictionary<string, string>()).Request();
            Assert.True(EmailTemplates.Exists(request.Template), $"{kind} is a template");
        }

        var unknown = new Notification.AboutInitiative("event", Recipient.ContactOf("K7QXM2PD9RC"), "follower-message", new Dictionary<string, string>());
        Assert.Throws<ArgumentException>(() => unknown.Request());
    }
}
