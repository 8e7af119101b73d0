using BriefingBot.Chat;
using BriefingBot.Digests;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BriefingBot.Tests.Digests;

/// <summary>A real SQLite digest store, an in-memory Quartz, a scripted composer and a recording platform, on a fake clock.</summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly TempFolder folder;
    private readonly ServiceProvider quartz;

    private DeliveryHarness(TempFolder folder, StorageHarness storage, ServiceProvider quartz)
    {
        this.folder = folder;
        Storage = storage;
        this.quartz = quartz;
        Scheduler = new DigestScheduler(quartz.GetRequiredService<ISchedulerFactory>(), Time);
        Delivery = new DigestDelivery(Store, Composer, [Platform], Scheduler, Time, Metrics, NullLogger<DigestDelivery>.Instance);
    }

    public StorageHarness Storage { get; }

    public BotMetrics Metrics { get; } = BriefingBot.Tests.Hosting.Telemetry.TestMetrics.Create();

    public FakeTimeProvider Time => Storage.Time;

    public IDigestStore Store => Storage.Services.GetRequiredService<IDigestStore>();

    public ScriptedComposer Composer { get; } = new();

    public RecordingPlatform Platform { get; } = new("discord");

    public DigestScheduler Scheduler { get; }

    public DigestDelivery Delivery { get; }

    public ISchedulerFactory Schedulers => quartz.GetRequiredService<ISchedulerFactory>();

    public static async Task<DeliveryHarness> StartAsync(CancellationToken cancellationToken)
    {
        var folder = new TempFolder();
        var storage = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") }, cancellationToken);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz();
        return new DeliveryHarness(folder, storage, services.BuildServiceProvider());
    }

    public Task<DigestSubscription> SubscribeAsync(string channel = "c1") =>
        Store.SaveSubscriptionAsync(new DigestSubscription("discord", channel, "daily 08:00", "0 0 8 ? * *", "Europe/London", "Kyiv", 3, SubscriptionOrigin.Chat), TestContext.Current.CancellationToken);

    /// <summary>Runs the delivery, moving the fake clock a second at a time while it waits (retry backoff).</summary>
    public async Task RunAdvancingAsync(DigestFire fire, TimeSpan limit)
    {
        var run = Delivery.RunAsync(fire, TestContext.Current.CancellationToken);
        var advanced = TimeSpan.Zero;
        while (!run.IsCompleted && advanced < limit)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            Time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await quartz.DisposeAsync();
        await Storage.DisposeAsync();
        folder.Dispose();
    }
}

/// <summary>Stands in for the content engineer's composer: returns the next scripted content and records each request.</summary>
public sealed class ScriptedComposer : IDigestComposer
{
    public List<DigestRequest> Requests { get; } = [];

    public Queue<DigestContent> Contents { get; } = new();

    public Task<DigestContent> ComposeAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(Contents.TryDequeue(out var content) ? content : new DigestContent([ChatReply.Message("Nothing new.")], []));
    }

    public void Enqueue(long[] storyIds, params string[] messages) =>
        Contents.Enqueue(new DigestContent([.. messages.Select(ChatReply.Message)], storyIds));
}

/// <summary>A platform that records what it posts and can fail on chosen calls.</summary>
public sealed class RecordingPlatform(string name) : IChatPlatform
{
    private int calls;

    public string Name { get; } = name;

    public ChatLimits Limits { get; init; } = ChatLimits.Unlimited(name);

    public List<(string Channel, string? Text, string? Key)> Posted { get; } = [];

    /// <summary>Given the 1-based call number, an exception to throw instead of posting.</summary>
    public Func<int, Exception?> FailOn { get; set; } = _ => null;

    public Task<MessageRef> SendAsync(string channelId, ChatReply reply, CancellationToken cancellationToken) => Post(channelId, reply, null);

    public Task<MessageRef> SendOnceAsync(string channelId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken) =>
        Post(channelId, reply, idempotencyKey);

    public Task UpdateAsync(MessageRef message, ChatReply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendPrivateAsync(string channelId, string userId, ChatReply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<MessageRef> OpenThreadAsync(MessageRef parent, string title, ChatReply reply, CancellationToken cancellationToken) => Post(parent.ChannelId, reply, null);

    public Task<MessageRef> ReplyInThreadAsync(MessageRef parent, MessageRef thread, ChatReply reply, CancellationToken cancellationToken) =>
        Post(thread.ChannelId, reply, null);

    private Task<MessageRef> Post(string channelId, ChatReply reply, string? key)
    {
        var call = Interlocked.Increment(ref calls);
        if (FailOn(call) is { } failure)
        {
            return Task.FromException<MessageRef>(failure);
        }

        lock (Posted)
        {
            Posted.Add((channelId, reply.Text, key));
        }

        return Task.FromResult(new MessageRef(Name, channelId, "m" + call));
    }
}
