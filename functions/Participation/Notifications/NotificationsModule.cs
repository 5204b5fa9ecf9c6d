using Participation.App.Hosting;
using Participation.Municipality;

namespace Participation.App.Notifications;

public static class NotificationsModule
{
    /// <summary>E-mail through a queue: SendGrid when a key is configured, otherwise the outbox table.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) => options.PublicBaseUrl = PlatformOptions.PublicBaseUrlOf(configuration))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMunicipalityOptions();
        services.AddHttpClient(nameof(SendGridMailSender));
        services.AddSingleton<SendGridMailSender>();
        services.AddSingleton<OutboxMailSender>();
        services.AddSingleton<IMailSender>(provider => provider.GetRequiredService<IOptions<SendGridOptions>>().Value.IsConfigured
            ? provider.GetRequiredService<SendGridMailSender>()
            : provider.GetRequiredService<OutboxMailSender>());
        services.AddSingleton<INotifier, QueuedNotifier>();
        services.AddSingleton<RecipientDirectory>();
        services.AddSingleton<UnrecordedSends>();
        services.AddTable(SendNotification.Table).AddTable(OutboxMailSender.Table);
        services.AddQueueFunction<SendNotification, NotificationRequested>();
        return builder;
    }
}
