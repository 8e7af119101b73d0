using BriefingBot.Chat.Components;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Discord.Payloads;

namespace BriefingBot.Platforms.Discord.Interactions;

/// <summary>Turns the parts of an interaction we use into platform-neutral requests.</summary>
public static class InteractionReader
{
    public const string PlatformName = "discord";

    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private static readonly BigInteger Administrator = BigInteger.One << 3;
    private static readonly BigInteger ManageChannels = BigInteger.One << 4;
    private static readonly BigInteger ManageGuild = BigInteger.One << 5;

    public static CommandContext Context(Interaction interaction)
    {
        var user = interaction.Member?.User ?? interaction.User;
        var channel = interaction.ChannelId ?? interaction.Channel?.Id ?? string.Empty;
        return new CommandContext(
            PlatformName,
            channel,
            user?.Id ?? string.Empty,
            interaction.Member?.Nick ?? user?.GlobalName ?? user?.Username ?? string.Empty,
            IsAdmin(interaction.Member?.Permissions),
            IsOperator: false,
            interaction.GuildId ?? "dm:" + (user?.Id ?? string.Empty));
    }

    /// <summary>Those who may administer or manage the server, or manage its channels, count as bot admins; DMs never do.</summary>
    public static bool IsAdmin(string? permissions) =>
        BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && ((bits & Administrator) != 0 || (bits & ManageGuild) != 0 || (bits & ManageChannels) != 0);

    /// <summary>The full command path (<c>article search</c>) and the options of the innermost subcommand.</summary>
    public static (string Name, IReadOnlyList<InteractionOption> Options) CommandPath(InteractionData data)
    {
        var name = data.Name ?? string.Empty;
        var options = data.Options ?? [];
        while (options.Count == 1 && options[0].Type is SubCommand or SubCommandGroup)
        {
            name += " " + options[0].Name;
            options = options[0].Options ?? [];
        }

        return (name, options);
    }

    public static CommandRequest Command(Interaction interaction)
    {
        var (name, options) = CommandPath(interaction.Data ?? new InteractionData());
        var values = options.Where(o => o.Value is not null).ToDictionary(o => o.Name, o => Text(o.Value!.Value), StringComparer.OrdinalIgnoreCase);
        return new CommandRequest(name, values, Context(interaction));
    }

    public static InteractionOption? Focused(InteractionData data) => CommandPath(data).Options.FirstOrDefault(o => o.Focused == true);

    public static ComponentRequest Component(Interaction interaction)
    {
        var data = interaction.Data ?? new InteractionData();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.Values is { Count: > 0 } selected)
        {
            values["values"] = string.Join(',', selected);
        }

        foreach (var input in Flatten(data.Components ?? []))
        {
            if (input.CustomId is { } id && (input.Value ?? (input.Values is { } v ? string.Join(',', v) : null)) is { } value)
            {
                values[id] = value;
            }
        }

        var channel = interaction.ChannelId ?? interaction.Channel?.Id;
        var message = interaction.Message is { } m && channel is not null ? new MessageRef("discord", m.ChannelId ?? channel, m.Id) : null;
        return new ComponentRequest(data.CustomId ?? string.Empty, values, Context(interaction), message);
    }

    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static IEnumerable<ModalComponent> Flatten(IEnumerable<ModalComponent> components)
    {
        foreach (var component in components)
        {
            yield return component;
            foreach (var child in Flatten(component.Components ?? []))
            {
                yield return child;
            }

            if (component.Component is { } inner)
            {
                yield return inner;
            }
        }
    }
}
