using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Participation.App.Identity;

/// <summary>
/// Limits on what residents (and the public) can send in bulk, fair to many people behind one address. Each policy
/// counts per <em>actor</em> — the signed-in user, else the browser session (its antiforgery cookie), else the address;
/// for bot messages the conversation; for votes the voting code (<see cref="ActorRateLimits"/>, in the handler, since the
/// code is in the body) — and, behind that, per <em>address</em> with a ceiling many times higher, so a library or a
/// polling station keeps working while one client cannot exceed the ceiling by dropping cookies. IPv6 addresses count
/// by their /64, the block one subscriber gets. Opening a page (GET outside <c>/api</c>) never counts.
/// Settings <c>RateLimits:&lt;policy&gt;:PermitLimit</c>, <c>:Window</c> and <c>:AddressPermitLimit</c> override the
/// defaults; exceeding a limit answers 429 problem+json with Retry-After.
/// </summary>
/// <remarks>
/// Each instance counts in memory first (cheap, and it holds when storage is away). The policies that protect other
/// people — mail sent by submissions, supports, bot messages and conversation starts, comments, the public tally — are
/// counted a second time in <see cref="SharedRateCounters"/>, which every instance shares, so with N instances a client
/// still gets the limit once, not N times. <c>RateLimits:&lt;policy&gt;:Shared</c> turns that on or off per policy,
/// <c>RateLimits:SharedCounters=false</c> for all (the integration tests do, since their app instances share one Azurite).
/// </remarks>
public static class RateLimits
{
    public const string Submissions = "submissions";
    public const string Supports = "supports";
    /// <summary>Votes (per code, in the handler) and receipt checks: the address ceiling here.</summary>
    public const string VotingCodes = "voting-codes";
    public const string BotMessages = "bot-messages";
    public const string ConversationStarts = "conversation-starts";
    public const string Tally = "tally";
    /// <summary>Comments and reports, counted per signed-in person (their id), not per address: many residents share one.</summary>
    public const string Comments = "comments";
    public const string StaffUploads = "staff-uploads";
    public const string Results = "results";
    public const string Health = "health";
    /// <summary>Ballots per voting code: a code hammered by one client is stopped, other codes behind its address are not.</summary>
    public const string VotesPerCode = "votes-per-code";

    public enum Actor { User, Session, Address, Conversation, None }

    /// <summary>How many actors' worth of actions one address may send, by default: a polling station, a library.</summary>
    private const int AddressFactor = 30;

    private sealed record Limit(int Permits, TimeSpan Window, int AddressPermits, Actor Actor, bool Shared = false);

    private static readonly Dictionary<string, Limit> Defaults = new()
    {
        [Submissions] = new(10, TimeSpan.FromMinutes(10), 0, Actor.Session, Shared: true),
        [Supports] = new(30, TimeSpan.FromMinutes(10), 0, Actor.Session, Shared: true),
        [VotingCodes] = new(0, TimeSpan.FromMinutes(10), 2_000, Actor.None),
        [BotMessages] = new(60, TimeSpan.FromMinutes(1), 0, Actor.Conversation, Shared: true),
        [ConversationStarts] = new(0, TimeSpan.FromMinutes(10), 300, Actor.None, Shared: true),
        // Counting a large election costs real CPU: a public tool must not become a way to exhaust the app.
        [Tally] = new(0, TimeSpan.FromMinutes(1), 20, Actor.None, Shared: true),
        [StaffUploads] = new(30, TimeSpan.FromMinutes(10), 0, Actor.User),
        [Results] = new(0, TimeSpan.FromMinutes(1), 120, Actor.None),
        [Health] = new(0, TimeSpan.FromMinutes(1), 120, Actor.None),
        [VotesPerCode] = new(10, TimeSpan.FromMinutes(10), 0, Actor.None),
        [Comments] = new(20, TimeSpan.FromMinutes(10), 0, Actor.User, Shared: true),
    };

    public static void Configure(RateLimiterOptions options)
    {
        foreach (var (name, _) in Defaults.Where(d => d.Key != VotesPerCode))
        {
            options.AddPolicy(name, context => Counts(context) && Settings(context.RequestServices, name) is { Actor: not Actor.None } limit
                ? FixedWindow($"{name}|{ActorKey(context, limit.Actor)}", limit.Permits, limit.Window)
                : RateLimitPartition.GetNoLimiter(""));
        }

        // The per-address ceiling of whichever policy the endpoint names, checked before the policy's own limit.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } name && Counts(context) &&
            Settings(context.RequestServices, name) is { AddressPermits: > 0 } limit
                ? FixedWindow($"{name}|{AddressKey(context.Connection.RemoteIpAddress)}", limit.AddressPermits, limit.Window)
                : RateLimitPartition.GetNoLimiter(""));

        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            await WriteTooManyAsync(context.HttpContext, retryAfter);
        };
    }

    /// <summary>
    /// After the per-instance limits: the shared count of the endpoint's policy, on its actor (or on the address for a
    /// policy counted per address only). Answers 429 like the instance limits when the shared window is full.
    /// </summary>
    public static IApplicationBuilder UseSharedRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } name && Counts(context) &&
            Settings(context.RequestServices, name) is { Shared: true } limit &&
            context.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:SharedCounters", true))
        {
            var (actor, permits) = limit.Actor == Actor.None
                ? ("address:" + AddressKey(context.Connection.RemoteIpAddress), limit.AddressPermits)
                : (ActorKey(context, limit.Actor), limit.Permits);
            var counters = context.RequestServices.GetRequiredService<SharedRateCounters>();
            if (await counters.TryCountAsync(name, Digest(actor), Math.Max(permits, 1), limit.Window, context.RequestAborted) is { } retryAfter)
            {
                await WriteTooManyAsync(context, retryAfter);
                return;
            }
        }

        await next(context);
    });

    /// <summary>The address as limits count it: an IPv4 address, or the /64 network of an IPv6 one.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "in-process";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static async Task WriteTooManyAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Please wait {seconds} seconds before trying again.",
                Extensions = { ["code"] = "rate_limited", ["dutch"] = $"Wacht {seconds} seconden en probeer het dan opnieuw." },
            },
        });
    }

    internal static (int Permits, TimeSpan Window) PermitsOf(IServiceProvider services, string name) =>
        Settings(services, name) is { } limit ? (limit.Permits, limit.Window) : (0, TimeSpan.Zero);

    private static Limit? Settings(IServiceProvider services, string name)
    {
        if (!Defaults.TryGetValue(name, out var limit))
        {
            return null;
        }

        var section = services.GetRequiredService<IConfiguration>().GetSection($"RateLimits:{name}");
        return limit with
        {
            Permits = section.GetValue("PermitLimit", limit.Permits),
            Window = section.GetValue("Window", limit.Window),
            // Unless set, the ceiling follows the actor's limit: a policy loosened for a test or an event stays proportionate.
            AddressPermits = section.GetValue<int?>("AddressPermitLimit")
                ?? (limit.Actor == Actor.None ? limit.AddressPermits : AddressFactor * section.GetValue("PermitLimit", limit.Permits)),
            Shared = section.GetValue("Shared", limit.Shared),
        };
    }

    // Reading a page is not an action: an answer link or a vote page opened twice must not use up anyone's limit.
    private static bool Counts(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(permits, 1), Window = window, QueueLimit = 0 });

    private static string ActorKey(HttpContext context, Actor actor)
    {
        if (actor == Actor.Conversation && context.Request.RouteValues.TryGetValue("conversationId", out var conversation) && conversation is string id)
        {
            return "conversation:" + Digest(id);
        }

        if (PlatformUser.From(context.User) is { } user)
        {
            return "user:" + Digest(user.Id);
        }

        // The antiforgery cookie is the browser's session on the site's forms; the address stands in when there is none.
        if (actor == Actor.Session && context.Request.Cookies.FirstOrDefault(c => c.Key.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)) is { Value: { Length: > 0 } session })
        {
            return "session:" + Digest(session);
        }

        return "address:" + AddressKey(context.Connection.RemoteIpAddress);
    }

    private static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24];
}

/// <summary>
/// Limits on an actor that only the handler knows — the voting code inside a ballot — with the same fixed windows and
/// settings as <see cref="RateLimits"/>. Keys are hashed before they are held.
/// </summary>
public sealed class ActorRateLimits(IServiceProvider services) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Policy, string Actor)> limiter = PartitionedRateLimiter.Create<(string Policy, string Actor), string>(key =>
    {
        var (permits, window) = RateLimits.PermitsOf(services, key.Policy);
        return RateLimitPartition.GetFixedWindowLimiter($"{key.Policy}|{key.Actor}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(permits, 1), Window = window, QueueLimit = 0 });
    });

    /// <summary>Null when the action may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string policy, string actor)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actor)))[..24];
        using var lease = limiter.AttemptAcquire((policy, digest));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
