using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Platforms.Slack;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>Hands out <see cref="InMemorySlackSocket"/>s as the Socket Mode client asks for sockets; a test takes them in order.</summary>
public sealed class InMemorySlackSockets
{
    private readonly Channel<InMemorySlackSocket> connected = Channel.CreateUnbounded<InMemorySlackSocket>();
    private readonly ConcurrentQueue<InMemorySlackSocket> all = new();

    public IReadOnlyList<InMemorySlackSocket> All => [.. all];

    public ISlackSocket Create()
    {
        var socket = new InMemorySlackSocket(all.Count, s => connected.Writer.TryWrite(s));
        all.Enqueue(socket);
        return socket;
    }

    /// <summary>The next socket the client connected (bounded real-time wait).</summary>
    public async Task<InMemorySlackSocket> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await connected.Reader.ReadAsync(timeout.Token);
    }
}

/// <summary>One scripted Socket Mode connection: the test plays Slack's side (hello, envelopes, disconnect, close) and reads the acks.</summary>
public sealed class InMemorySlackSocket(int index, Action<InMemorySlackSocket> onConnect) : ISlackSocket
{
    private readonly Channel<string> toClient = Channel.CreateUnbounded<string>();
    private readonly Channel<JsonNode> fromClient = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource closedByClient = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Index { get; } = index;

    public Uri? Url { get; private set; }

    public int? CloseCode { get; private set; }

    public string? CloseReason { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Completes when the client sends its close frame.</summary>
    public Task ClosedByClient => closedByClient.Task;

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        Url = url;
        onConnect(this);
        return Task.CompletedTask;
    }

    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await toClient.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public Task SendAsync(string text, CancellationToken cancellationToken)
    {
        if (Disposed || closedByClient.Task.IsCompleted)
        {
            throw new WebSocketException(WebSocketError.InvalidState);
        }

        var errors = SlackSchema.Validate(SlackSchema.SocketAck, text);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Ack outside the closed schema: " + string.Join("; ", errors));
        }

        fromClient.Writer.TryWrite(JsonNode.Parse(text)!);
        return Task.CompletedTask;
    }

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        closedByClient.TrySetResult();
        toClient.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        toClient.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public void Hello() => Send(new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });

    public void Disconnect(string reason) => Send(new JsonObject { ["type"] = "disconnect", ["reason"] = reason });

    public void SlashCommand(string envelopeId, string command, string responseUrl) => Send(new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["team_id"] = "T1", ["channel_id"] = "C1", ["user_id"] = "U1", ["user_name"] = "ana",
            ["command"] = command, ["text"] = string.Empty, ["response_url"] = responseUrl, ["trigger_id"] = "1.2.3",
        },
    });

    /// <summary>Slack closes with a close frame (answered by the socket, as the contract says).</summary>
    public void Close(int code, string reason)
    {
        CloseCode = code;
        CloseReason = reason;
        toClient.Writer.TryComplete();
    }

    public async Task<JsonNode> NextAckAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await fromClient.Reader.ReadAsync(timeout.Token);
    }

    private void Send(JsonNode frame) => toClient.Writer.TryWrite(frame.ToJsonString());
}
