using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Tests.Chat.Commands;

/// <summary>A command that records its last invocation and answers with a fixed reply.</summary>
internal sealed class FakeCommand(string name, params CommandOption[] options) : ICommand
{
    public CommandDefinition Definition { get; } = new(name, $"The {name} command", options);

    public CommandInvocation? LastInvocation { get; private set; }

    public Func<CommandInvocation, ChatReply> Handler { get; init; } = i => ChatReply.Message("ok");

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        LastInvocation = invocation;
        return ValueTask.FromResult(Handler(invocation));
    }
}
