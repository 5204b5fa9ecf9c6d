using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Participation.AzureOpenAI;

/// <summary>
/// The platform's one chat model: the configured Azure OpenAI deployment, or none, and then callers answer without a model.
/// The provider stays swappable behind <see cref="IChatClient"/>: a host that registers its own keeps it.
/// </summary>
public sealed class LanguageModel
{
    private readonly Lazy<IChatClient?> chat;

    public LanguageModel(IOptions<AzureOpenAIOptions> options, IEnumerable<IChatClient> registered)
    {
        // Decided when first needed, from the settings the app finally has (tests and hosts may add settings late).
        chat = new(() => options.Value.IsConfigured ? registered.LastOrDefault() ?? Connect(options.Value) : null);
    }

    /// <summary>Null when no endpoint and deployment are configured.</summary>
    public IChatClient? Chat => chat.Value;

    public static IChatClient Connect(AzureOpenAIOptions options)
    {
        var endpoint = new Uri(options.Endpoint);
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = options.Timeout,
        };
        var client = options.ApiKey.Length > 0
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions)
            : new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions);
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }
}
