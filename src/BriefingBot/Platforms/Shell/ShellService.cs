using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Platforms.Shell;

/// <summary>
/// Reads slash commands from the terminal and answers them through the dispatcher, exactly as Discord or
/// Slack would. At end of input (Ctrl+D, or the end of a pipe) it stops the application.
/// </summary>
public sealed partial class ShellService(
    IShellConsole console,
    ShellChatPlatform platform,
    TextCommandParser parser,
    CommandDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    ILogger<ShellService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (samples, HTTP listener) before the first prompt.
        await WaitForStartAsync(stoppingToken);
        var context = CommandContext.Shell(Environment.UserName);
        if (console.IsInteractive)
        {
            await console.Output.WriteLineAsync("BriefingBot shell. Type /help for the commands; /quit or Ctrl+D leaves.");
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (console.IsInteractive)
                {
                    await console.Output.WriteAsync("> ");
                    await console.Output.FlushAsync(stoppingToken);
                }

                // Console.In.ReadLineAsync blocks the caller (a synchronised reader) and ignores cancellation, so the read
                // runs on its own thread: on SIGTERM WaitAsync lets shutdown proceed while that thread waits for input.
                var line = await Task.Run(console.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
                if (line is null || IsQuit(line))
                {
                    break;
                }

                if (!string.IsNullOrWhiteSpace(line))
                {
                    await HandleLineAsync(line, context, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogEndOfInput();
        lifetime.StopApplication();
    }

    private async Task HandleLineAsync(string line, CommandContext context, CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(line, context);
        var reply = parsed.Request is null
            ? ChatReply.Error(parsed.Error!)
            : await dispatcher.DispatchAsync(parsed.Request, cancellationToken);
        await platform.SendAsync(ShellChatPlatform.Channel, reply, cancellationToken);
    }

    private async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    private static bool IsQuit(string line) => line.Trim() is "/quit" or "/exit";

    [LoggerMessage(Level = LogLevel.Information, Message = "Shell input ended; stopping")]
    private partial void LogEndOfInput();
}
