using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Chat;

/// <summary>
/// The chat in the browser: a resident talks to the bot in Dutch, reloads the page while waiting for a person, and is
/// handed to a live agent, who answers and closes.
/// The chat and the agent's queue pass <see cref="PageChecks"/> on the way.
/// </summary>
[Collection(BackOfficeSite.Name)]
public sealed class ChatTests(Site site, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // The chat and the agent's pages poll the app: on a shared site they must not keep doing so after this class.
    public Task DisposeAsync() => site.CloseProfilesAsync();

    [Fact]
    public async Task Resident_chats_in_Dutch_asks_for_a_person_reloads_and_agent_noor_takes_over_on_pages_that_pass_axe_and_fit_a_phone()
    {
        var checks = new PageChecks(output);
        var resident = await site.NewPageAsync();
        await resident.GotoAsync("/chat");
        var chat = resident.Locator("#webchat");
        await checks.CheckAsync(resident, "/chat", () => Assertions.Expect(chat).ToContainTextAsync("Welkom bij de digitale assistent", new() { Timeout = 20_000 }));
        var sendBox = chat.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("Hoe lang is mijn paspoort geldig?");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(chat).ToContainTextAsync("paspoort", new() { Timeout = 20_000 });
        // Noor has the queue open before the resident asks: the new conversation appears without her reloading.
        var agent = await site.NewPageAsync("agent-noor");
        await agent.GotoAsync("/agent");
        await checks.CheckAsync(agent, "/agent (agent-noor)");
        await sendBox.FillAsync("Ik wil een medewerker spreken");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(chat).ToContainTextAsync("Ik verbind u door met een medewerker", new() { Timeout = 20_000 });
        // A reload keeps the conversation, its history and the place in the queue (the tab keeps the id and token).
        await resident.ReloadAsync();
        await Assertions.Expect(chat).ToContainTextAsync("Hoe lang is mijn paspoort geldig?", new() { Timeout = 20_000 });
        await Assertions.Expect(chat).ToContainTextAsync("Ik verbind u door met een medewerker", new() { Timeout = 20_000 });
        await Site.ScreenshotAsync(resident, "chat");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Overnemen" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(agent.Locator("#queue-announcement")).ToHaveTextAsync("Er wacht een nieuw gesprek; de lijst is bijgewerkt.");
        await Site.ScreenshotAsync(agent, "agent-queue");
        // The list's own refresh sees the conversation taken over while the redirect is still under way (held here for
        // longer than one poll): it must not reload the list over the agent's navigation.
        await agent.RouteAsync("**/agent?handler=Accept", async route =>
        {
            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            await Task.Delay(TimeSpan.FromSeconds(6)); // a hold longer than the list's 4 s refresh, not a wait for a condition
            await route.FulfillAsync(new() { Response = response });
        });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Overnemen" }).First.ClickAsync();
        await Assertions.Expect(agent.Locator("#transcript")).ToContainTextAsync("Ik wil een medewerker spreken");
        await agent.GetByLabel("Uw bericht").FillAsync("Goedemiddag, u spreekt met Noor. Waarmee kan ik helpen?");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(chat).ToContainTextAsync("u spreekt met Noor", new() { Timeout = 20_000 });

        // The resident answers; the agent's page shows it without a reload (agent.js polls the console's API).
        await sendBox.FillAsync("Ik ben mijn paspoort kwijt.");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(agent.Locator("#transcript")).ToContainTextAsync("Ik ben mijn paspoort kwijt.", new() { Timeout = 20_000 });
        await Site.ScreenshotAsync(agent, "agent-conversation");
        // Closing asks for confirmation first; the resident sees the close at once.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Gesprek afsluiten" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("confirm-close")).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Ja, afsluiten" }).ClickAsync();
        await Assertions.Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent\\?gesloten=true$"));
        await Assertions.Expect(agent.GetByTestId("closed")).ToBeVisibleAsync();
        await Assertions.Expect(chat).ToContainTextAsync("weer in gesprek met de digitale assistent", new() { Timeout = 20_000 });
        checks.AssertNone();
    }
}
