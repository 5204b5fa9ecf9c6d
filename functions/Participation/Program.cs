using Participation.Audit;
using Participation.Budgeting;
using Participation.Demo;
using Participation.Hosting;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Notifications;
using Participation.Routing;
using Participation.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();       // host.json, custom-handler port, queue listeners and timers, API conventions, telemetry
builder.AddStorage();            // tables and queues (Azurite locally), health
builder.AddPlatformIdentity();   // Entra ID / resident OIDC / development sign-in, policies, pseudonyms, rate limits
builder.AddNotifications();      // e-mail through a queue: SendGrid or the local outbox
builder.AddInitiatives();        // buurtinitiatieven: submission, support, routing, deadlines, escalation, decisions
builder.AddBudgeting();
builder.AddDemoData();           // Development: the demo municipality, once

var app = builder.Build();
app.UsePlatformIdentity();       // security headers, authentication, authorisation, rate limits, antiforgery
app.MapFunctionHost();           // GET / for the host's probe, POST /{FunctionName} for its invocations, /api/health
app.MapRoutingApi();
app.MapInitiativesApi();
app.MapBudgetingApi();
app.MapNotificationsApi();
app.MapAuditApi();

await app.RunFunctionHostAsync(args);

public partial class Program;
