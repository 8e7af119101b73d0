namespace BriefingBot.Chat.Commands;

public enum OptionType
{
    String,
    Integer,
    Number,
    Boolean,
}

public sealed record CommandOption(string Name, string Description, OptionType Type = OptionType.String, bool Required = false)
{
    /// <summary>When set, the value must be one of these (case-insensitive).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The command implements <see cref="IAutocompleteCommand"/> for this option.</summary>
    public bool Autocomplete { get; init; }
}

/// <summary>
/// A slash command. <see cref="Name"/> is the full path as typed after the slash:
/// <c>help</c>, or <c>article add</c> (group <c>article</c>, subcommand <c>add</c>).
/// </summary>
public sealed record CommandDefinition(string Name, string Description, IReadOnlyList<CommandOption> Options)
{
    public CommandDefinition(string name, string description)
        : this(name, description, [])
    {
    }

    public string Group => Name.Split(' ')[0];

    public string? Subcommand => Name.Contains(' ', StringComparison.Ordinal) ? Name[(Name.IndexOf(' ', StringComparison.Ordinal) + 1)..] : null;

    public string Usage => Options.Count == 0
        ? $"/{Name}"
        : $"/{Name} " + string.Join(' ', Options.Select(o => o.Required ? $"<{o.Name}>" : $"[{o.Name}]"));
}
