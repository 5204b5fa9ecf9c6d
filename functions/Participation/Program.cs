using Participation.App.Assistance;
using Participation.App.Audit;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.App.Council;
using Participation.App.Chatbot;
using Participation.App.Demo;
using Participation.App.Discussion;
using Participation.App.Following;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Map;
using Participation.App.MyPage;
using Participation.App.Notifications;
using Participation.App.Photos;
using Participation.App.Privacy;
using Participation.Realisation;
using Participation.App.Realisation;
using Participation.App.Routing;
using Participation.App.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();       // host.json, custom-handler port, queue listeners and timers, API conventions, telemetry
builder.AddStorage();            // tables and queues (Azurite locally), health
builder.AddPlatformIdentity();   // Entra ID / resident OIDC / development sign-in, policies, pseudonyms, rate limits
builder.AddAssistance();         // Azure OpenAI where configured: theme classification, answer phrasing
builder.AddNotifications();      // e-mail through a queue: SendGrid or the local outbox
builder.AddInitiatives();        // buurtinitiatieven: submission, support, routing, deadlines, escalation, decisions
builder.AddInitiativeRouting();  // where initiatives go: neighbourhoods, themes, teams, officials, rules
builder.AddDiscussion();         // comments on initiatives: replies, reports, moderation by the neighbourhood's officials
builder.AddBudgeting();          // buurtbudget: budgets, voting codes, one ballot per voter, results by greedy / MES
builder.AddChatbot();            // the front office's chatbot: Bot Framework, Direct Line, live-chat handoff
builder.AddPrivacy();            // AVG: what is held about a resident, its export and deletion, retention of chats
builder.AddFollowing();          // following an initiative by e-mail: opt-in, news to followers, unsubscribe
builder.AddPhotos();             // photos of initiatives: re-encoded without metadata, in Blob Storage
builder.AddRealisation();        // what decisions became: realisation items, milestones that slip, a weekly digest
builder.AddMyPage();             // "Mijn omgeving": a signed-in resident's initiatives, supports and votes
builder.AddInitiativeMap();      // location and map: bounds and neighbourhood polygons, GeoJSON, the maps on the site
builder.AddCouncil();            // the council's dashboard: figures, charts, CSV/JSON export
builder.AddWebPages();           // the site: Razor Pages in NL Design System style, Dutch with English
builder.AddDemoData();           // Development: the demo municipality, once

var app = builder.Build();
app.UsePlatformIdentity();       // security headers, authentication, authorisation, rate limits, antiforgery
app.MapFunctionHost();           // GET / for the host's probe, POST /{FunctionName} for its invocations, /api/health
app.MapRoutingApi();
app.MapInitiativesApi();
app.MapDiscussionApi();
app.MapBudgetingApi();
app.MapChatbotApi();
app.MapNotificationsApi();
app.MapPrivacyApi();
app.MapFollowingApi();
app.MapAuditApi();
app.MapPhotosApi();
app.MapRealisationApi();
app.MapInitiativeMapApi();
app.MapCouncilApi();
app.MapWebPages();

await app.RunFunctionHostAsync(args);

public partial class Program;
