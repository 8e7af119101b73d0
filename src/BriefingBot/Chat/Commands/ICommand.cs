namespace BriefingBot.Chat.Commands;

/// <summary>One slash command: a definition and a handler. Register with <c>services.AddCommand&lt;T&gt;()</c>.</summary>
public interface ICommand
{
    CommandDefinition Definition { get; }

    ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A command with at least one option marked <see cref="CommandOption.Autocomplete"/>.</summary>
public interface IAutocompleteCommand : ICommand
{
    ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(
        string optionName, string partialValue, CommandContext context, CancellationToken cancellationToken);
}

public sealed record AutocompleteChoice(string Label, string Value);
