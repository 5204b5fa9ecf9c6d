using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Notifications;

public static class NotificationsApi
{
    /// <summary>Development only: the e-mails the local outbox holds, for <c>./run.sh</c> users without SendGrid.</summary>
    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGet("/api/dev/outbox", ReadOutboxAsync).WithName("ReadOutbox").WithTags("Development sign-in")
                .WithSummary("The newest hundred e-mails in the local outbox (Development only)").AllowAnonymous();
        }

        return app;
    }

    public static async Task<Ok<IReadOnlyList<OutboxMailSender.OutboxEmail>>> ReadOutboxAsync(TableServiceClient tables, CancellationToken cancellationToken) =>
        TypedResults.Ok(await OutboxMailSender.ReadAsync(tables, 100, cancellationToken));
}
