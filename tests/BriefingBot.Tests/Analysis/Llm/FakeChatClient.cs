using Microsoft.Extensions.AI;

namespace BriefingBot.Tests.Analysis.Llm;

/// <summary>A chat model that answers with <see cref="Reply"/>: text, an exception to throw, or a wait until cancelled.</summary>
internal sealed class FakeChatClient(Func<IList<ChatMessage>, CancellationToken, Task<string>> reply) : IChatClient
{
    public List<IList<ChatMessage>> Requests { get; } = [];

    public static FakeChatClient Answering(string text) => new((_, _) => Task.FromResult(text));

    public static FakeChatClient Throwing(Exception exception) => new((_, _) => Task.FromException<string>(exception));

    public static FakeChatClient Hanging() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return string.Empty;
    });

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await reply(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The summariser does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
