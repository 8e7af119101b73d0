namespace BriefingBot.Chat.Commands;

/// <summary>
/// Told of every known command just before it runs (the web view learns from it which channel is in which workspace).
/// An observer must not throw and must be quick; register with <c>AddSingleton&lt;ICommandObserver, T&gt;()</c>.
/// </summary>
public interface ICommandObserver
{
    ValueTask ObserveAsync(CommandContext context, CancellationToken cancellationToken);
}
