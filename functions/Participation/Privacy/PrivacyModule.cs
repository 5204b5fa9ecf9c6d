using Participation.App.Hosting;
using Participation.App.Notifications;

namespace Participation.App.Privacy;

public static class PrivacyModule
{
    /// <summary>
    /// A resident's own data: contacts kept apart from public content, the privacy link, its page and API, retention of
    /// contacts and chats, and the cap on e-mails per address that notifications ask for.
    /// </summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(ContactStore.Table).AddTable(PrivacyRequestStore.Table).AddTable(RecipientThrottle.Table);
        services.AddSingleton<ContactStore>();
        services.AddSingleton<RecipientThrottle>();
        services.AddSingleton<IResidentAddresses, ResidentAddresses>();
        services.AddSingleton<PrivacyRequestStore>();
        services.AddSingleton<MyData>();
        services.AddTimerFunction<RemoveExpiredContacts>();
        services.AddTimerFunction<RemoveExpiredConversations>();
        return builder;
    }
}
