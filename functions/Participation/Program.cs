using Participation.Assistance;
using Participation.Audit;
using Participation.Budgeting;
using Participation.Council;
using Participation.Chatbot;
using Participation.Demo;
using Participation.Hosting;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Map;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Realisation;
using Participation.Routing;
using Participation.Storage;
using Participation.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();       // host.json, custom-handler port, queue listeners and timers, API conventions, telemetry
builder.AddStorage();            // tables and queues (Azurite locally), health
builder.AddPlatformIdentity();   // Entra ID / resident OIDC / development sign-in, policies, pseudonyms, rate limits
builder.AddAssistance();         // Azure OpenAI where configured: theme classification, answer phrasing
builder.AddNotifications();      // e-mail through a queue: SendGrid or the local outbox
builder.AddInitiatives();        // buurtinitiatieven: submission, support, routing, deadlines, escalation, decisions
builder.AddBudgeting();          // buurtbudget: budgets, voting codes, one ballot per voter, results by greedy / MES
builder.AddChatbot();            // the front office's chatbot: Bot Framework, Direct Line, live-chat handoff
builder.AddPrivacy();            // AVG: what is held about a resident, its export and deletion, retention of chats
builder.AddRealisation();        // what decisions became: realisation items, milestones that slip, a weekly digest
builder.AddInitiativeMap();      // location and map: bounds and neighbourhood polygons, GeoJSON, the maps on the site
builder.AddCouncil();            // the council's dashboard: figures, charts, CSV/JSON export
builder.AddWebPages();           // the site: Razor Pages in NL Design System style, Dutch with English
builder.AddDemoData();           // Development: the demo municipality, once

var app = builder.Build();
app.UsePlatformIdentity();       // security headers, authentication, authorisation, rate limits, antiforgery
app.MapFunctionHost();           // GET / for the host's probe, POST /{FunctionName} for its invocations, /api/health
app.MapRoutingApi();
app.MapInitiativesApi();
app.MapBudgetingApi();
app.MapChatbotApi();
app.MapNotificationsApi();
app.MapPrivacyApi();
app.MapAuditApi();
app.MapRealisationApi();
app.MapInitiativeMapApi();
app.MapCouncilApi();
app.MapWebPages();

await app.RunFunctionHostAsync(args);

public partial class Program;
