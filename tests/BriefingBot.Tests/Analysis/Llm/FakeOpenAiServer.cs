using System.Collections.Concurrent;
using System.Text.Json;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.Analysis.Llm;

/// <summary>A tiny OpenAI-compatible server on loopback: <c>POST {prefix}/chat/completions</c> answers <see cref="Answer"/>.</summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeOpenAiServer(WebApplication app) => this.app = app;

    public string Address { get; private set; } = string.Empty;

    public string Answer { get; set; } = "A summary sentence.";

    /// <summary>Path, Authorization header and JSON body of each request.</summary>
    public ConcurrentQueue<(string Path, string? Authorization, JsonElement Body)> Requests { get; } = new();

    public static async Task<FakeOpenAiServer> StartAsync(string prefix)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost(prefix + "/chat/completions", (Delegate)server.CompleteAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.Address = LoopbackServer.Address(app);
        return server;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue((context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.FirstOrDefault(), body));
        return Results.Json(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = body.GetProperty("model").GetString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Answer }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        });
    }
}
