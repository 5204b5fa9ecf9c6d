namespace Participation.Hosting;

/// <summary>One app setting the platform reads in Azure.</summary>
/// <param name="Name">The name as an app setting (environment variable): <c>Section__Key</c> for <c>Section:Key</c>.</param>
/// <param name="IsSecret">A secret must never be a plain value in the deployment: it is a Key Vault reference.</param>
/// <param name="Purpose">What the setting is for, for the README and reviewers.</param>
public sealed record AppSetting(string Name, bool IsSecret, string Purpose);

/// <summary>
/// Every setting the deployed app reads, in one list: the Bicep test checks that infra/ sets each one,
/// and that secrets are Key Vault references.
/// </summary>
public static class AppSettings
{
    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new("AzureWebJobsStorage__accountName", false, "Storage account for tables and queues, reached with the app's managed identity"),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", false, "Application Insights for traces, metrics and logs"),
        new("Municipality__Name", false, "The municipality's name on pages, e-mails and in the chatbot"),
        new("Platform__PublicBaseUrl", false, "Public address of the app, used in links in e-mails"),
        new("Identity__Pepper", true, "Secret key for pseudonymising voters and supporters (HMAC-SHA256)"),
        new("SendGrid__ApiKey", true, "SendGrid API key; without it e-mail goes to the local outbox"),
        new("SendGrid__FromAddress", false, "Sender address of platform e-mail"),
        new("OpenAI__Endpoint", false, "Azure OpenAI endpoint; optional assistance is off when empty"),
        new("OpenAI__Deployment", false, "Azure OpenAI chat model deployment name"),
        new("Bot__AppId", false, "Azure Bot (single-tenant) app registration id: the audience of Bot Connector tokens"),
        new("Bot__TenantId", false, "Tenant of the bot's app registration"),
        new("Bot__AppPassword", true, "Client secret of the bot's app registration, for replies through the Bot Connector"),
    ];
}
