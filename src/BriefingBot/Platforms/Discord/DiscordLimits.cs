namespace BriefingBot.Platforms.Discord;

/// <summary>Every limit Discord imposes that we rely on, in one place (docs: resources/message, components/reference, interactions).</summary>
public static class DiscordLimits
{
    public const int ContentLength = 2000;
    public const int NonceLength = 25;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitleLength = 256;
    public const int EmbedDescriptionLength = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldNameLength = 256;
    public const int EmbedFieldValueLength = 1024;

    /// <summary>Title + description + field names and values + footer + author over all embeds of one message.</summary>
    public const int EmbedTotalCharacters = 6000;

    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabelLength = 80;
    public const int CustomIdLength = 100;

    /// <summary>A button that opens its url (no custom id, no interaction).</summary>
    public const int LinkButtonStyle = 5;
    public const int AutocompleteChoices = 25;
    public const int ChoiceNameLength = 100;
    public const int ThreadNameLength = 100;

    public const int CommandNameLength = 32;
    public const int CommandDescriptionLength = 100;
    public const int CommandOptions = 25;

    /// <summary>The first interaction response must arrive within 3 s; we defer at 2.5 s to leave room for the network.</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromMilliseconds(2500);

    /// <summary>Interaction tokens (follow-ups, edits of the original) stay valid this long.</summary>
    public static readonly TimeSpan InteractionTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Our replay window for HTTP interactions (Discord documents none).</summary>
    public static readonly TimeSpan SignatureTimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Cloudflare bans an IP after 10,000 401/403/429 responses in 10 minutes; we stop far earlier.</summary>
    public const int InvalidRequestBudget = 1000;

    public static readonly TimeSpan InvalidRequestWindow = TimeSpan.FromMinutes(10);

    /// <summary>Global REST limit per bot.</summary>
    public const int GlobalRequestsPerSecond = 50;

    /// <summary>Identifies allowed per <c>max_concurrency</c> bucket in this window.</summary>
    public static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    public const int MessageFlagEphemeral = 1 << 6;
}
