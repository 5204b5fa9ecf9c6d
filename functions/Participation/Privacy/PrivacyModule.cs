using Participation.Hosting;
using Participation.Storage;

namespace Participation.Privacy;

public static class PrivacyModule
{
    /// <summary>A resident's own data: the privacy link, its page and API, and what each module adds to it.</summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MyData>();
        builder.Services.AddSingleton<Notifications.RecipientThrottle>();
        builder.Services.AddTable(Notifications.RecipientThrottle.Table);
        builder.Services.AddTimerFunction<RemoveExpiredConversations>();
        return builder;
    }
}
