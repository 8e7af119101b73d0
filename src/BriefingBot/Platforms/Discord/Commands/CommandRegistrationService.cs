using System.Security.Cryptography;
using System.Text.Json;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord.Gateway;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rest;
using BriefingBot.Storage;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Discord.Commands;

/// <summary>
/// At start-up, one bulk overwrite of our commands (globally, or per <c>Discord:GuildIds</c>), skipped when the
/// definitions hash the same as at the last successful registration: Discord allows 200 creates a day.
/// </summary>
public sealed partial class CommandRegistrationService(
    CommandCatalog catalog,
    DiscordRestClient rest,
    IServiceProvider services,
    IOptions<DiscordOptions> options,
    IOptions<StorageOptions> storage,
    FatalError fatal,
    ILogger<CommandRegistrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var set = ApplicationCommandMapper.Map(catalog.All.Select(c => c.Definition));
        foreach (var name in set.Skipped)
        {
            LogSkipped(name);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(set.Commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var store = services.GetService<IMetadataStore>() ?? new FileMetadataStore(MetadataFolder());
        var appId = options.Value.ApplicationId!;
        IReadOnlyList<string?> scopes = options.Value.GuildIds.Count == 0 ? [null] : [.. options.Value.GuildIds];
        foreach (var guildId in scopes)
        {
            var key = $"discord:commands:{appId}:{guildId ?? "global"}";
            try
            {
                if (await store.GetAsync(key, stoppingToken) == hash)
                {
                    LogUnchanged(guildId ?? "global");
                    continue;
                }

                await rest.BulkOverwriteCommandsAsync(appId, guildId, set.Commands, stoppingToken);
                await store.SetAsync(key, hash, stoppingToken);
                LogRegistered(set.Commands.Count, guildId ?? "global");
            }
            catch (Exception ex) when (ex is DiscordApiException or DiscordRequestRefusedException or HttpRequestException)
            {
                LogFailed(ex, guildId ?? "global");
                if (ex is DiscordApiException { StatusCode: 401 } or DiscordRequestRefusedException { TokenRejected: true })
                {
                    fatal.Stop(DiscordGatewayService.TokenRejectedMessage("401 Unauthorized"));
                    return;
                }
            }
        }
    }

    /// <summary>Beside the SQLite file (the data folder), whatever the working directory.</summary>
    private string MetadataFolder() =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.SqlitePath)) ?? "data", "discord");

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands unchanged since the last registration ({Scope}); not re-registered")]
    private partial void LogUnchanged(string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "/{Command} is both a command and a group; Discord cannot show both, so it is not registered there")]
    private partial void LogSkipped(string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering Discord commands ({Scope}) failed")]
    private partial void LogFailed(Exception exception, string scope);
}
