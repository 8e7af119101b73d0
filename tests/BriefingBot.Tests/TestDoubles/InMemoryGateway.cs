using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using BriefingBot.Platforms.Discord.Gateway;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>The gateway seam in memory: each connect is a <see cref="InMemoryGatewayConnection"/> a test scripts frame by frame.</summary>
public sealed class InMemoryGatewayConnector : IGatewayConnector
{
    private readonly Channel<InMemoryGatewayConnection> opened = Channel.CreateUnbounded<InMemoryGatewayConnection>();
    private readonly ConcurrentQueue<InMemoryGatewayConnection> all = new();

    public IReadOnlyList<InMemoryGatewayConnection> Connections => [.. all];

    public Task<IGatewayConnection> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var connection = new InMemoryGatewayConnection(url, all.Count);
        all.Enqueue(connection);
        opened.Writer.TryWrite(connection);
        return Task.FromResult<IGatewayConnection>(connection);
    }

    /// <summary>The next connection the client opens (bounded real-time wait).</summary>
    public async Task<InMemoryGatewayConnection> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await opened.Reader.ReadAsync(timeout.Token);
    }
}

/// <summary>
/// One scripted connection. The "server" methods queue frames for the client; <see cref="NextAsync"/> reads what the
/// client sent, in order. A client close ends the connection like a real socket's abort; a server close is answered.
/// </summary>
public sealed class InMemoryGatewayConnection(Uri url, int index) : IGatewayConnection
{
    private readonly Channel<GatewayReceive> toClient = Channel.CreateUnbounded<GatewayReceive>();
    private readonly Channel<JsonElement> fromClient = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int> closedByClient = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sequence;

    public Uri Url { get; } = url;

    public int Index { get; } = index;

    /// <summary>The close code the client sent.</summary>
    public Task<int> ClosedByClient => closedByClient.Task;

    public bool Disposed { get; private set; }

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        if (closedByClient.Task.IsCompleted || Disposed)
        {
            throw new WebSocketException(WebSocketError.InvalidState, "The connection is closed.");
        }

        fromClient.Writer.TryWrite(JsonDocument.Parse(utf8Json).RootElement.Clone());
        return Task.CompletedTask;
    }

    public async Task<GatewayReceive> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await toClient.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, ex);
        }
    }

    public Task CloseAsync(int code, CancellationToken cancellationToken)
    {
        closedByClient.TrySetResult(code);
        toClient.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        toClient.Writer.TryComplete();
        fromClient.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public void Hello(int heartbeatIntervalMs) => Send($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public long Dispatch(string type, string dataJson, long? sequenceNumber = null)
    {
        var s = sequenceNumber ?? Interlocked.Increment(ref sequence);
        Send($$"""{"op":0,"d":{{dataJson}},"s":{{s}},"t":"{{type}}"}""");
        return s;
    }

    public long Ready(string sessionId, string resumeUrl = "wss://resume.test/") => Dispatch("READY",
        $$"""{"v":10,"session_id":"{{sessionId}}","resume_gateway_url":"{{resumeUrl}}","user":{"id":"1","username":"bot"},"guilds":[],"shard":[0,1],"application":{"id":"1","flags":0} }""");

    public void Op(int op, string dataJson = "null") => Send($$"""{"op":{{op}},"d":{{dataJson}},"s":null,"t":null}""");

    public void HeartbeatAck() => Op(11);

    /// <summary>The server closes with <paramref name="code"/>; the contract says the connection answers it itself.</summary>
    public void Close(int code, string reason = "scripted")
    {
        toClient.Writer.TryWrite(new GatewayReceive(null, code, reason));
        toClient.Writer.TryComplete();
    }

    /// <summary>The TCP connection drops: no close frame.</summary>
    public void Drop() => toClient.Writer.TryComplete(new WebSocketException(WebSocketError.ConnectionClosedPrematurely));

    /// <summary>The next frame the client sent, of any op.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await fromClient.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next frame the client sent; fails unless its op is <paramref name="op"/>.</summary>
    public async Task<JsonElement> ExpectAsync(int op)
    {
        var frame = await NextAsync();
        return frame.GetProperty("op").GetInt32() == op ? frame : throw new InvalidOperationException($"Expected op {op}, got {frame}");
    }

    /// <summary>Whether the client sent nothing more so far (without waiting).</summary>
    public bool NothingSent => !fromClient.Reader.TryPeek(out _);

    private void Send(string json) => toClient.Writer.TryWrite(new GatewayReceive(Encoding.UTF8.GetBytes(json), null));
}
