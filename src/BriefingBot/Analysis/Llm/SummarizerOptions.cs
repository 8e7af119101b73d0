using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Analysis.Llm;

public enum SummarizerProvider
{
    /// <summary>The offline extractive summariser (the default).</summary>
    Extractive,

    /// <summary>An OpenAI-compatible chat completions endpoint (Summarizer:Endpoint, e.g. https://api.openai.com/v1).</summary>
    OpenAI,

    /// <summary>Ollama at Summarizer:Endpoint (e.g. http://localhost:11434), through its OpenAI-compatible /v1 API.</summary>
    Ollama,
}

/// <summary>The <c>Summarizer</c> section: optional LLM article summaries, with the extractive summary as fallback.</summary>
public sealed class SummarizerOptions : IValidatableObject
{
    public const string Section = "Summarizer";

    public SummarizerProvider Provider { get; set; } = SummarizerProvider.Extractive;

    /// <summary>Base address of the endpoint; required for OpenAI and Ollama.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the endpoint knows (gpt-4o-mini, llama3.2, ...); required for OpenAI and Ollama.</summary>
    public string? Model { get; set; }

    /// <summary>Secret: from the environment only (BriefingBot__Summarizer__ApiKey); required for OpenAI.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A model reply slower than this falls back to the extractive summary.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == SummarizerProvider.Extractive)
        {
            yield break;
        }

        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https"))
        {
            yield return Required(nameof(Endpoint), "an absolute http(s) address");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return Required(nameof(Model), "a model name");
        }

        if (Provider == SummarizerProvider.OpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return Required(nameof(ApiKey), "set in the environment as BriefingBot__Summarizer__ApiKey");
        }
    }

    private ValidationResult Required(string key, string what) =>
        new($"{Section}:{key} is required when {Section}:Provider is {Provider} ({what})", [key]);
}
