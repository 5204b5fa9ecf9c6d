using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Participation.Initiatives.Classification;

namespace Participation.Assistance;

/// <summary><c>OpenAI:*</c>: Azure OpenAI, optional everywhere. Without an endpoint and deployment nothing calls a model.</summary>
public sealed class AssistanceOptions
{
    public const string Section = "OpenAI";

    /// <summary>The resource, e.g. <c>https://my-resource.openai.azure.com</c>.</summary>
    public string Endpoint { get; set; } = "";
    public string Deployment { get; set; } = "";
    /// <summary>Only where keys are allowed (tests, local); in Azure the app's managed identity signs in and keys are off.</summary>
    public string ApiKey { get; set; } = "";
    /// <summary>The client retries transient failures this often; tests set 0.</summary>
    public int MaxRetries { get; set; } = 2;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => Endpoint.Length > 0 && Deployment.Length > 0;
}

public static class AssistanceModule
{
    /// <summary>
    /// One chat client for the whole platform (theme classification here, answer phrasing in the bot), behind
    /// Microsoft.Extensions.AI's IChatClient so the model provider stays swappable.
    /// </summary>
    public static WebApplicationBuilder AddAssistance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AssistanceOptions>().BindConfiguration(AssistanceOptions.Section);
        services.AddSingleton<KeywordThemeClassifier>();
        // Decided when first needed, from the settings the app finally has (tests and hosts may add settings late).
        services.AddSingleton<IThemeClassifier>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AssistanceOptions>>().Value;
            var keywords = provider.GetRequiredService<KeywordThemeClassifier>();
            return options.IsConfigured
                ? new ChatThemeClassifier(provider.GetService<IChatClient>() ?? CreateChatClient(options), keywords, provider.GetRequiredService<ILogger<ChatThemeClassifier>>())
                : keywords;
        });

        var configured = builder.Configuration.GetSection(AssistanceOptions.Section).Get<AssistanceOptions>() ?? new AssistanceOptions();
        if (configured.IsConfigured)
        {
            services.AddSingleton(CreateChatClient(configured));
            // The bot phrases answers with the same model; it reads its own section, so point it at this one.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BotAI:Endpoint"] = builder.Configuration["BotAI:Endpoint"] ?? V1Endpoint(configured).ToString(),
                ["BotAI:Deployment"] = builder.Configuration["BotAI:Deployment"] ?? configured.Deployment,
            });
        }

        return builder;
    }

    public static IChatClient CreateChatClient(AssistanceOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = V1Endpoint(options),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = options.Timeout,
        };
#pragma warning disable OPENAI001 // Entra ID sign-in is marked preview in the OpenAI client, and it is the only way in: the resource has keys off.
        var client = options.ApiKey.Length > 0
            ? new OpenAIClient(new ApiKeyCredential(options.ApiKey), clientOptions)
            : new OpenAIClient(new BearerTokenPolicy(new DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default"), clientOptions);
#pragma warning restore OPENAI001
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }

    // Azure OpenAI's v1 API speaks the OpenAI protocol, so the OpenAI client serves it.
    private static Uri V1Endpoint(AssistanceOptions options) => new($"{options.Endpoint.TrimEnd('/')}/openai/v1/");
}
