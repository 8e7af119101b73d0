namespace BriefingBot.Platforms.Discord.Gateway;

public sealed partial class DiscordGatewayService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the Discord gateway (resume: {Resume})")]
    private partial void LogConnecting(bool resume);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway ready (shard {ShardId} of {ShardCount})")]
    private partial void LogReady(int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session resumed at sequence {Sequence}")]
    private partial void LogResumed(long sequence);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway closed with {Code} ({Reason}; Discord said: \"{CloseReason}\"). The Discord side is stopped and will not reconnect; fix the configuration and restart.")]
    private partial void LogFatalClose(int code, string reason, string closeReason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway closed before HELLO with code {Code} (\"{CloseReason}\")")]
    private partial void LogClosedBeforeHello(int code, string closeReason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection failed (attempt {Failures})")]
    private partial void LogConnectionFailed(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK from Discord: zombie connection closed; resuming")]
    private partial void LogZombie();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway connection dropped ({Error}); resuming")]
    private partial void LogDropped(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway closed for shutdown with code {Code}; the session stays resumable")]
    private partial void LogClosedForShutdown(int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway closed with code {Code} (\"{CloseReason}\")")]
    private partial void LogClosed(int code, string closeReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord asked us to reconnect (op 7); resuming")]
    private partial void LogReconnectRequested();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord invalidated the session (op 9, resumable: {Resumable})")]
    private partial void LogInvalidSession(bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord heartbeat failed ({Error})")]
    private partial void LogHeartbeatFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord identify budget is spent; waiting {Minutes} minutes for it to reset")]
    private partial void LogIdentifyBudgetSpent(double minutes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering interaction {InteractionId} from the gateway failed")]
    private partial void LogInteractionFailed(Exception exception, string interactionId);
}
