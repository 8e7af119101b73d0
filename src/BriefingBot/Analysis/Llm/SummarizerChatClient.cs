using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace BriefingBot.Analysis.Llm;

/// <summary>The <see cref="IChatClient"/> for a configured provider: OpenAI's client, pointed at the endpoint.</summary>
public static class SummarizerChatClient
{
    /// <summary>Ollama needs no key, but the client refuses an empty one.</summary>
    private const string NoKey = "no-key";

    public static IChatClient Create(SummarizerOptions options, HttpClient httpClient)
    {
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Summarizer:Endpoint is not set.");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Provider == SummarizerProvider.Ollama ? OllamaOpenAiEndpoint(endpoint) : endpoint,
            Transport = new HttpClientPipelineTransport(httpClient),
            // Our own timeout (with its fallback) decides; no retries that would outlast it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        return new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }

    /// <summary>Ollama serves the OpenAI-compatible API under /v1 of its base address.</summary>
    public static Uri OllamaOpenAiEndpoint(Uri endpoint) => new(endpoint.AbsoluteUri.TrimEnd('/') + "/v1");
}
