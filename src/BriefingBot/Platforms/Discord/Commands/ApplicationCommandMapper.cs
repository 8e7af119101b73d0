using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Discord.Payloads;

namespace BriefingBot.Platforms.Discord.Commands;

/// <summary>
/// Our command definitions as Discord CHAT_INPUT commands: <c>help</c> is a command, <c>article add</c> a subcommand of
/// <c>article</c>, <c>actor alias add</c> a subcommand in group <c>alias</c>. A name that is both a command and a group
/// cannot exist on Discord; such a command is left out and reported in <see cref="Skipped"/>.
/// </summary>
public sealed record ApplicationCommandSet(IReadOnlyList<ApplicationCommand> Commands, IReadOnlyList<string> Skipped);

public static class ApplicationCommandMapper
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;

    public static ApplicationCommandSet Map(IEnumerable<CommandDefinition> definitions)
    {
        var commands = new List<ApplicationCommand>();
        var skipped = new List<string>();
        foreach (var group in definitions.GroupBy(d => d.Group, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var leaf = group.FirstOrDefault(d => d.Subcommand is null);
            var subs = group.Where(d => d.Subcommand is not null).ToList();
            if (subs.Count == 0)
            {
                commands.Add(new ApplicationCommand(Name(leaf!.Name), Describe(leaf.Description), Options(leaf)));
                continue;
            }

            if (leaf is not null)
            {
                skipped.Add(leaf.Name);
            }

            var children = new List<ApplicationCommandOption>();
            foreach (var sub in subs.Where(s => !s.Subcommand!.Contains(' ', StringComparison.Ordinal)))
            {
                children.Add(new ApplicationCommandOption(SubCommand, Name(sub.Subcommand!), Describe(sub.Description), Options: Options(sub)));
            }

            foreach (var nested in subs.Where(s => s.Subcommand!.Contains(' ', StringComparison.Ordinal)).GroupBy(s => s.Subcommand!.Split(' ')[0]))
            {
                var leaves = nested.Select(s => new ApplicationCommandOption(SubCommand, Name(s.Subcommand!.Split(' ', 2)[1]), Describe(s.Description), Options: Options(s))).ToList();
                children.Add(new ApplicationCommandOption(SubCommandGroup, Name(nested.Key), Describe($"/{group.Key} {nested.Key} commands"), Options: leaves));
            }

            commands.Add(new ApplicationCommand(Name(group.Key), Describe($"/{group.Key} commands"), children));
        }

        return new ApplicationCommandSet(commands, skipped);
    }

    private static List<ApplicationCommandOption>? Options(CommandDefinition definition)
    {
        if (definition.Options.Count == 0)
        {
            return null;
        }

        // Discord requires required options before optional ones.
        return [.. definition.Options.OrderBy(o => o.Required ? 0 : 1).Select(o => new ApplicationCommandOption(
            TypeOf(o.Type),
            Name(o.Name),
            Describe(o.Description),
            o.Required ? true : null,
            o.Choices.Count > 0 && !o.Autocomplete ? [.. o.Choices.Take(25).Select(c => new CommandChoice(c, c))] : null,
            o.Autocomplete ? true : null))];
    }

    private static int TypeOf(OptionType type) => type switch
    {
        OptionType.Integer => 4,
        OptionType.Boolean => 5,
        OptionType.Number => 10,
        _ => 3,
    };

    private static string Name(string name)
    {
        var lower = name.Trim().ToLowerInvariant().Replace(' ', '-');
        return lower.Length > DiscordLimits.CommandNameLength
            ? throw new InvalidOperationException($"'{name}' is longer than Discord's {DiscordLimits.CommandNameLength}-character name limit.")
            : lower;
    }

    private static string Describe(string description) =>
        description.Length <= DiscordLimits.CommandDescriptionLength ? description : description[..(DiscordLimits.CommandDescriptionLength - 1)] + "…";
}
