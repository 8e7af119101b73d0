namespace BriefingBot.Chat.Commands;

/// <summary>Every registered command, looked up by its full name.</summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, ICommand> byName;

    public CommandCatalog(IEnumerable<ICommand> commands)
    {
        byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            if (!byName.TryAdd(command.Definition.Name, command))
            {
                throw new InvalidOperationException($"Two commands are registered as /{command.Definition.Name}.");
            }
        }

        All = [.. byName.Values.OrderBy(c => c.Definition.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ICommand> All { get; }

    public ICommand? Find(string name) => byName.GetValueOrDefault(name.Trim());

    /// <summary>The subcommands of a group (<c>article</c> → <c>article add</c>, ...).</summary>
    public IReadOnlyList<ICommand> InGroup(string group) =>
        [.. All.Where(c => string.Equals(c.Definition.Group, group, StringComparison.OrdinalIgnoreCase) && c.Definition.Subcommand is not null)];
}
