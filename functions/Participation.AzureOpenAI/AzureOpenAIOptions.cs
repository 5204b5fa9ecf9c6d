using System.ComponentModel.DataAnnotations;

namespace Participation.AzureOpenAI;

/// <summary>
/// <c>OpenAI:*</c> (<c>OpenAI__Endpoint</c> in Azure): the platform's Azure OpenAI deployment, optional everywhere.
/// Without an endpoint and deployment nothing calls a model.
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "OpenAI";

    /// <summary>The resource, e.g. <c>https://my-resource.openai.azure.com</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The chat model deployment.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>Only where keys are allowed (tests, local); in Azure the app's managed identity signs in and keys are off.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The client retries transient failures this often; tests set 0.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one model call may take before the caller answers without the model.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => Endpoint.Length > 0 && Deployment.Length > 0;
}
