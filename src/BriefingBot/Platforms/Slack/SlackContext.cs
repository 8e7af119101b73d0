using BriefingBot.Chat.Commands;

namespace BriefingBot.Platforms.Slack;

internal static class SlackContext
{
    public const string Platform = "slack";

    /// <summary>Slack users are never operators; admins are the user ids in Slack:AdminUserIds.</summary>
    public static CommandContext For(string channelId, string userId, string? userName, string? teamId, SlackOptions options) =>
        new(Platform, channelId, userId, userName ?? userId, options.AdminUserIds.Contains(userId, StringComparer.Ordinal), IsOperator: false,
            teamId ?? string.Empty);
}
