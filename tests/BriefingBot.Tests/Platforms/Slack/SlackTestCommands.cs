using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary><c>/slow</c>: answers after <see cref="Delay"/>, longer than the inline budget the tests set.</summary>
internal sealed class SlowCommand : ICommand
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(1200);

    public CommandDefinition Definition { get; } = new("slow", "Takes its time");

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        return ChatReply.Message("slow answer done");
    }
}

/// <summary><c>/long</c>: a public answer with more sections than one Slack message holds.</summary>
internal sealed class LongCommand : ICommand
{
    public CommandDefinition Definition { get; } = new("long", "Answers at length");

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ChatReply
        {
            Text = "Many sections",
            Sections = [.. Enumerable.Range(1, 60).Select(i => new ReplySection($"Section {i}", $"Body {i}"))],
        });
}
