using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Participation.Identity;

/// <summary>
/// Limits per client address on what residents can send in bulk. Settings <c>RateLimits:&lt;policy&gt;:PermitLimit</c>
/// and <c>:Window</c> override the defaults; exceeding a limit answers 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Submissions = "submissions";
    public const string Supports = "supports";
    public const string VotingCodes = "voting-codes";
    public const string BotMessages = "bot-messages";
    public const string Tally = "tally";
    /// <summary>Comments and reports, counted per signed-in person (their id), not per address: many residents share one.</summary>
    public const string Comments = "comments";

    private static readonly Dictionary<string, (int Permits, TimeSpan Window)> Defaults = new()
    {
        [Submissions] = (10, TimeSpan.FromMinutes(10)),
        [Supports] = (30, TimeSpan.FromMinutes(10)),
        [VotingCodes] = (20, TimeSpan.FromMinutes(10)),
        [BotMessages] = (60, TimeSpan.FromMinutes(1)),
        // Counting a large election costs real CPU: a public tool must not become a way to exhaust the app.
        [Tally] = (20, TimeSpan.FromMinutes(1)),
    };

    public static void Configure(RateLimiterOptions options)
    {
        foreach (var (name, (permits, window)) in Defaults)
        {
            options.AddPolicy(name, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IConfiguration>().GetSection($"RateLimits:{name}");
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "in-process";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.GetValue("PermitLimit", permits),
                    Window = settings.GetValue("Window", window),
                    QueueLimit = 0,
                });
            });
        }

        options.AddPolicy(Comments, context =>
        {
            var settings = context.RequestServices.GetRequiredService<IConfiguration>().GetSection($"RateLimits:{Comments}");
            var person = PlatformUser.From(context.User)?.Id ?? "anonymous:" + (context.Connection.RemoteIpAddress?.ToString() ?? "in-process");
            return RateLimitPartition.GetFixedWindowLimiter(person, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.GetValue("PermitLimit", 20),
                Window = settings.GetValue("Window", TimeSpan.FromMinutes(10)),
                QueueLimit = 0,
            });
        });

        options.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Please wait {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds before trying again.",
                },
            });
        };
    }
}
