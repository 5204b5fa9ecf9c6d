namespace Participation.App.Hosting;

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
        new("Identity__ClientAddressHeader", false, "Header with the client's address: X-Azure-SocketIP behind Front Door, empty (X-Forwarded-For) without"),
        new("Identity__Pepper", true, "Secret key for pseudonymising voters and supporters (HMAC-SHA256)"),
        new("SendGrid__ApiKey", true, "SendGrid API key; without it e-mail goes to the local outbox"),
        new("SendGrid__FromAddress", false, "Sender address of platform e-mail"),
        new("OpenAI__Endpoint", false, "Azure OpenAI endpoint; optional assistance is off when empty"),
        new("OpenAI__Deployment", false, "Azure OpenAI chat model deployment name"),
        new("Bot__MicrosoftAppId", false, "Azure Bot (single-tenant) app registration id: the audience of Bot Connector tokens"),
        new("Bot__TokenEndpoint", false, "Token endpoint of the bot's tenant, for replies through the Bot Connector"),
        new("Bot__MicrosoftAppPassword", true, "Client secret of the bot's app registration, for replies through the Bot Connector"),
        new("Bot__DirectLineSecret", true, "Secret of the built-in Direct Line channel; outside Development the channel refuses to start without it"),
        new("Identity__Staff__Authority", false, "Entra ID authority (tenant) for staff sign-in and staff bearer tokens"),
        new("Identity__Staff__Audience", false, "Audience of staff tokens: the app registration's client id"),
        new("Identity__Staff__ClientId", false, "Client id of the staff sign-in app registration (redirect URI /signin-oidc)"),
        new("Identity__Staff__ClientSecret", true, "Client secret of the staff sign-in app registration"),
        new("Identity__Residents__Authority", false, "OpenID Connect authority of the residents' provider (DigiD through a broker)"),
        new("Identity__Residents__Audience", false, "Audience of residents' tokens"),
        new("Identity__Residents__ClientId", false, "Client id at the residents' provider (redirect URI /signin-oidc-inwoner)"),
        new("Identity__Residents__ClientSecret", true, "Client secret at the residents' provider"),
        new("Identity__Residents__AcrValues", false, "Assurance level asked of the residents' provider (acr_values)"),
    ];
}
