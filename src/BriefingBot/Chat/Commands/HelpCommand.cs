using System.Text;

namespace BriefingBot.Chat.Commands;

/// <summary><c>/help</c>: every command with its options, or one command in detail.</summary>
/// <remarks>The catalog is lazy because it holds this command too.</remarks>
public sealed class HelpCommand(Lazy<CommandCatalog> commandCatalog) : ICommand
{
    public CommandDefinition Definition { get; } = new("help", "List every command and its options",
        [new CommandOption("command", "Show one command in detail, e.g. article search")]);

    public ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var catalog = commandCatalog.Value;
        var wanted = invocation.Options.GetString("command")?.TrimStart('/');
        var commands = wanted is null
            ? catalog.All
            : catalog.All.Where(c => c.Definition.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (commands.Count == 0)
        {
            return ValueTask.FromResult(ChatReply.Error($"No command matches '{wanted}'. Type /help to see every command."));
        }

        var sections = commands.Select(c => new ReplySection(c.Definition.Usage, c.Definition.Description)
        {
            Fields = [.. c.Definition.Options.Select(o => new ReplyField(o.Name, DescribeOption(o)))],
        }).ToList();
        return ValueTask.FromResult(new ChatReply
        {
            Text = "BriefingBot commands. Options go in order or as name:value.",
            Sections = sections,
            Ephemeral = true,
        });
    }

    private static string DescribeOption(CommandOption option)
    {
        var text = new StringBuilder(option.Description);
        text.Append(option.Required ? " (required" : " (optional");
        text.Append(option.Type switch
        {
            OptionType.Integer => ", whole number",
            OptionType.Number => ", number",
            OptionType.Boolean => ", true/false",
            _ => string.Empty,
        });
        if (option.Choices.Count > 0)
        {
            text.Append(", one of ").Append(string.Join('|', option.Choices));
        }

        return text.Append(')').ToString();
    }
}
