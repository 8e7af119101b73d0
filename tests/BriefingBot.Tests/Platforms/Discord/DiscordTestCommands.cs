using BriefingBot.Chat.Components;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>Stands in for the article feature: <c>/article search &lt;query&gt;</c> answers with what it was asked.</summary>
internal sealed class ArticleSearchStandIn : ICommand
{
    public CommandDefinition Definition { get; } = new("article search", "Search stored articles",
        [new CommandOption("query", "Words to look for", Required: true)]);

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChatReply.Message($"Results for \"{invocation.Options.GetRequiredString("query")}\" asked by {invocation.Context.UserName} (admin: {invocation.Context.IsAdmin})"));
}

/// <summary>Finishes only when the test releases it, to force a deferred response.</summary>
internal sealed class SlowCommand(SlowCommand.Gate gate) : ICommand
{
    public CommandDefinition Definition { get; } = new("slow", "Takes its time", [new CommandOption("private", "Answer privately", OptionType.Boolean)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        await gate.Release.Task.WaitAsync(cancellationToken);
        var text = "finally done";
        return invocation.Options.GetBoolean("private") == true ? ChatReply.Private(text) : ChatReply.Message(text);
    }

    internal sealed class Gate
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A reply too long for one message.</summary>
internal sealed class LongCommand : ICommand
{
    public CommandDefinition Definition { get; } = new("long", "A very long answer");

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChatReply.Message(string.Join('\n', Enumerable.Range(1, 300).Select(i => $"line {i} of the long answer"))));
}

internal sealed class PickCommand : IAutocompleteCommand
{
    public CommandDefinition Definition { get; } = new("pick", "Pick an actor",
        [new CommandOption("actor", "Who", Required: true) { Autocomplete = true }]);

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChatReply.Message(invocation.Options.GetRequiredString("actor")));

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AutocompleteChoice>>([.. Enumerable.Range(1, 40).Select(i => new AutocompleteChoice($"{partialValue} {i}", $"{partialValue}-{i}"))]);
}

internal sealed class PollButtons : IComponentHandler
{
    public string Prefix => "poll:";

    public ValueTask<ChatReply> HandleAsync(ComponentRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChatReply.Private($"vote {request.CustomId} by {request.Context.UserId}" + string.Concat(request.Values.Select(v => $" {v.Key}={v.Value}"))));
}

internal sealed class ThrowingButtons : IComponentHandler
{
    public string Prefix => "boom:";

    public ValueTask<ChatReply> HandleAsync(ComponentRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("handler bug");
}

internal sealed class ChartCommand : ICommand
{
    public CommandDefinition Definition { get; } = new("chart", "A chart");

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ChatReply { Text = "Votes", Image = new ReplyImage("votes.png", new byte[] { 137, 80, 78, 71 }, "Votes by band") });
}
