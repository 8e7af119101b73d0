using BriefingBot.Analysis;
using BriefingBot.Analysis.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Analysis.Llm;

/// <summary>The <c>Summarizer</c> section as the bot registers it, against a fake OpenAI-compatible server on loopback.</summary>
public sealed class SummarizerRegistrationTests
{
    private const string Text =
        "North Korea may send more troops to Russia as early as July, South Korean officials said. " +
        "The deployment would add to about 11,000 soldiers already sent last year. Markets were calm.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Resolve_NoSummarizerSection_IsTheExtractiveSummarizer()
    {
        using var services = BuildWith([]);

        Assert.IsType<ExtractiveSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    [Fact]
    public async Task SummarizeAsync_Ollama_PostsToItsV1ChatCompletionsAndReturnsTheAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync("/v1");
        server.Answer = "North Korea may send more troops to Russia in July. Seoul says 11,000 are already there.";
        using var services = BuildWith(new()
        {
            ["Summarizer:Provider"] = "Ollama", ["Summarizer:Endpoint"] = server.Address + "/", ["Summarizer:Model"] = "llama3.2",
        });

        var summary = await services.GetRequiredService<ISummarizer>().SummarizeAsync("Troops", Text, 3, Ct);

        Assert.Equal(server.Answer, summary.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("llama3.2", request.Body.GetProperty("model").GetString());
        Assert.Contains("11,000 soldiers", request.Body.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_OpenAI_SendsTheKeyAsBearerToTheEndpoint()
    {
        await using var server = await FakeOpenAiServer.StartAsync("/openai/v1");
        using var services = BuildWith(new()
        {
            ["Summarizer:Provider"] = "OpenAI", ["Summarizer:Endpoint"] = server.Address + "/openai/v1",
            ["Summarizer:Model"] = "gpt-4o-mini", ["Summarizer:ApiKey"] = "sk-test-123",
        });

        var summary = await services.GetRequiredService<ISummarizer>().SummarizeAsync("Troops", Text, 3, Ct);

        Assert.Equal(server.Answer, summary.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-123", request.Authorization);
    }

    [Fact]
    public async Task SummarizeAsync_EndpointRefusesConnections_FallsBackToTheExtractiveSummary()
    {
        string address;
        await using (var server = await FakeOpenAiServer.StartAsync("/v1"))
        {
            address = server.Address;
        }

        using var services = BuildWith(new()
        {
            ["Summarizer:Provider"] = "Ollama", ["Summarizer:Endpoint"] = address, ["Summarizer:Model"] = "llama3.2",
        });

        var summary = await services.GetRequiredService<ISummarizer>().SummarizeAsync("Troops", Text, 2, Ct);

        Assert.Equal(ExtractiveSummarizer.Summarize("Troops", Text, 2).Text, summary.Text);
    }

    [Theory]
    [InlineData("OpenAI", null, "gpt-4o-mini", "sk-1", "Summarizer:Endpoint")]
    [InlineData("OpenAI", "https://api.openai.com/v1", null, "sk-1", "Summarizer:Model")]
    [InlineData("OpenAI", "https://api.openai.com/v1", "gpt-4o-mini", null, "Summarizer:ApiKey")]
    [InlineData("Ollama", "localhost:11434", "llama3.2", null, "Summarizer:Endpoint")]
    [InlineData("Gemini", null, null, null, "Summarizer:Provider")]
    public void Resolve_MissingOrBadSetting_FailsNamingTheKey(string provider, string? endpoint, string? model, string? key, string named)
    {
        using var services = BuildWith(new()
        {
            ["Summarizer:Provider"] = provider, ["Summarizer:Endpoint"] = endpoint, ["Summarizer:Model"] = model, ["Summarizer:ApiKey"] = key,
        });

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<SummarizerOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ApiKeyInAConfigFile_FailsSayingItBelongsInTheEnvironment()
    {
        using var folder = new Storage.TempFolder();
        var file = Path.Combine(folder.Path, "appsettings.json");
        File.WriteAllText(file, """{ "Summarizer": { "ApiKey": "sk-in-a-file" } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
        using var services = Build(configuration);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SummarizerOptions>>().Value);

        Assert.Contains("BriefingBot__Summarizer__ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-in-a-file", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildWith(Dictionary<string, string?> settings) =>
        Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddAnalysis();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
