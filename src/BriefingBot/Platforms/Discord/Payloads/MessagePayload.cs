namespace BriefingBot.Platforms.Discord.Payloads;

/// <summary>The body of create/edit message, follow-up and webhook edits.</summary>
public sealed record MessagePayload(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    IReadOnlyList<ActionRow>? Components = null,
    AllowedMentions? AllowedMentions = null,
    int? Flags = null,
    IReadOnlyList<AttachmentRef>? Attachments = null,
    string? Nonce = null,
    bool? EnforceNonce = null);

public sealed record Embed(string? Title = null, string? Description = null, IReadOnlyList<EmbedField>? Fields = null, string? Url = null, int? Color = null)
{
    /// <summary>An image Discord fetches from a URL (an uploaded file is an attachment instead).</summary>
    public EmbedImage? Image { get; init; }

    /// <summary>The characters Discord counts against its 6,000 per message. A method, not a property: the JSON source
    /// generator writes every public property, and Discord documents no such field.</summary>
    public int CharacterCount() => (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
}

public sealed record EmbedImage(string Url);

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

/// <summary><c>parse: []</c> stops every mention (@everyone, roles, users) from pinging.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);

    /// <summary>With <c>parse: []</c>, only the ids listed here may ping.</summary>
    public IReadOnlyList<string>? Users { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }
}

public sealed record ActionRow(IReadOnlyList<Button> Components, int Type = 1);

/// <summary>Button styles: 1 primary, 2 secondary, 4 danger, 5 link (a url instead of a custom id).</summary>
public sealed record Button(int Style, string Label, string? CustomId, int Type = 2, string? Url = null);

/// <summary>Points at the multipart part <c>files[Id]</c>; the id is the index, sent as a string like every snowflake.</summary>
public sealed record AttachmentRef(string Id, string Filename, string? Description = null);

/// <summary>A message ready to send: the JSON payload and the bytes of its attachments.</summary>
public sealed record OutgoingMessage(MessagePayload Payload, IReadOnlyList<OutgoingFile> Files)
{
    public bool HasFiles => Files.Count > 0;
}

public sealed record OutgoingFile(string FileName, ReadOnlyMemory<byte> Content, string ContentType);

/// <summary>The parts of Discord's message object we read back.</summary>
public sealed record DiscordMessage(string Id, string? ChannelId = null);

/// <summary>A channel object: <see cref="GuildId"/> is absent for a DM.</summary>
public sealed record DiscordChannel(string Id, string? GuildId = null);
