using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Participation.Bot.Dialogue;
using Participation.Bot.Handoff;
using Participation.Bot.Initiatives;
using Participation.Bot.Protocol;

namespace Participation.Bot.Tests;

/// <summary>The bot as the host composes it, with the boundaries tests replace: agents, initiative lookup, clock.</summary>
internal sealed class BotTestHost : IDisposable
{
    private readonly ServiceProvider services;

    public BotTestHost(bool agentsAvailable = true, IInitiativeStatusLookup? initiatives = null, IDictionary<string, string?>? settings = null)
    {
        Agents = new SwitchableAvailability { Available = agentsAvailable };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IAgentAvailability>(Agents);
        if (initiatives is not null)
        {
            collection.AddSingleton(initiatives);
        }

        services = collection.AddParticipationBot(configuration).BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public SwitchableAvailability Agents { get; }

    public TurnEngine Engine => services.GetRequiredService<TurnEngine>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public Conversation StartConversation(string locale = "nl-NL") => new(Engine, locale);

    public void Dispose() => services.Dispose();
}

internal sealed class SwitchableAvailability : IAgentAvailability
{
    public bool Available { get; set; }

    public bool AgentsAvailable() => Available;
}

/// <summary>A resident talking to the bot: keeps the state between turns, as the host's store would.</summary>
internal sealed class Conversation(TurnEngine engine, string locale)
{
    private int sequence;

    public ConversationState State { get; private set; } = ConversationState.New;

    public async Task<IReadOnlyList<Activity>> SayAsync(string text) => await SendAsync(NewActivity(ActivityTypes.Message) with { Text = text });

    public async Task<IReadOnlyList<Activity>> SendEventAsync(string name, JsonNode value) =>
        await SendAsync(NewActivity(ActivityTypes.Event) with { Name = name, Value = value });

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        // Round-trip through JSON every turn, as Table Storage would.
        var result = await engine.HandleAsync(activity, ConversationState.FromJson(State.ToJson()), CancellationToken.None);
        State = result.State;
        return result.Replies;
    }

    public Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = $"a{++sequence}",
        ChannelId = "directline",
        ServiceUrl = "http://127.0.0.1:5000/",
        From = new ChannelAccount { Id = "resident-1", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = "conv-1" },
        Locale = locale,
    };
}

internal static class ReplyExtensions
{
    public static IEnumerable<Activity> Messages(this IEnumerable<Activity> replies) => replies.Where(r => r.Type == ActivityTypes.Message);

    public static Activity Message(this IEnumerable<Activity> replies) => replies.Messages().Single();

    public static string Topic(this Activity activity) => activity.ChannelData!["topic"]!.GetValue<string>();

    public static double Confidence(this Activity activity) => activity.ChannelData!["confidence"]!.GetValue<double>();

    public static Activity? Event(this IEnumerable<Activity> replies, string name) =>
        replies.SingleOrDefault(r => r.Type == ActivityTypes.Event && r.Name == name);
}
