namespace Participation.Bot.Hosting.Tests.Infrastructure;

/// <summary>Tests that each get a bot app of their own, on tables of their own, so no test sees another's conversations or queue.</summary>
public abstract class BotAppTests : IAsyncLifetime
{
    protected BotApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BotApp.StartAsync(BotApp.NewTablePrefix());

    public async Task DisposeAsync() => await App.DisposeAsync();
}
