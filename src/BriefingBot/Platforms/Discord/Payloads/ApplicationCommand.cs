namespace BriefingBot.Platforms.Discord.Payloads;

/// <summary>One CHAT_INPUT command in a bulk overwrite.</summary>
public sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<ApplicationCommandOption>? Options = null, int Type = 1);

/// <summary>Types: 1 subcommand, 2 subcommand group, 3 string, 4 integer, 5 boolean, 10 number.</summary>
public sealed record ApplicationCommandOption(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    IReadOnlyList<CommandChoice>? Choices = null,
    bool? Autocomplete = null,
    IReadOnlyList<ApplicationCommandOption>? Options = null);
