using BriefingBot.Chat;
using BriefingBot.Platforms.Discord.Payloads;

namespace BriefingBot.Platforms.Discord.Rendering;

/// <summary>
/// Renders a <see cref="ChatReply"/> as one or more Discord messages within <see cref="DiscordLimits"/>: long text is
/// split, sections become embeds packed by count and by the 6,000-character total, buttons fill rows of five.
/// Whatever does not fit one message goes into the next; nothing is cut. No message can mention anyone.
/// </summary>
public static class DiscordRenderer
{
    private const string Continued = " (continued)";
    private const int ErrorColor = 0xE74C3C;
    private const int InfoColor = 0x3498DB;

    public static IReadOnlyList<OutgoingMessage> Render(ChatReply reply)
    {
        var flags = reply.Ephemeral ? DiscordLimits.MessageFlagEphemeral : (int?)null;
        var contentChunks = TextSplitter.Split(MentionPrefix(reply.Mention) + ContentText(reply), DiscordLimits.ContentLength).Where(c => c.Length > 0).ToList();
        var embeds = reply.Sections.SelectMany(s => ToEmbeds(s, reply.IsError)).ToList();
        if (reply.Image is { Url: { } imageUrl })
        {
            // Served by URL: the image rides on the last embed (or one of its own) and no file is uploaded.
            embeds = embeds.Count == 0
                ? [new Embed(Color: reply.IsError ? ErrorColor : InfoColor) { Image = new EmbedImage(imageUrl.AbsoluteUri) }]
                : [.. embeds.SkipLast(1), embeds[^1] with { Image = new EmbedImage(imageUrl.AbsoluteUri) }];
        }

        var embedGroups = PackEmbeds(embeds);
        var rowGroups = reply.Buttons.Select(ToButton).Chunk(DiscordLimits.ButtonsPerRow)
            .Select(b => new ActionRow(b)).Chunk(DiscordLimits.ActionRows).ToList();

        var messages = new List<OutgoingMessage>();
        foreach (var chunk in contentChunks.SkipLast(1))
        {
            messages.Add(Message(chunk, null, null, flags, []));
        }

        var lastContent = contentChunks.LastOrDefault();
        var count = Math.Max(1, Math.Max(embedGroups.Count, rowGroups.Count));
        for (var i = 0; i < count; i++)
        {
            var files = i == count - 1 && reply.Image is { Url: null } image
                ? new[] { new OutgoingFile(image.FileName, image.Png, "image/png") }
                : [];
            messages.Add(Message(
                i == 0 ? lastContent : null,
                i < embedGroups.Count ? embedGroups[i] : null,
                i < rowGroups.Count ? rowGroups[i] : null,
                flags,
                files,
                files.Length > 0 ? reply.Image!.AltText : null));
        }

        if (reply.Mention is { } mention)
        {
            // The mention is at the start of the first message; that message alone may ping, and only that id.
            messages[0] = messages[0] with { Payload = messages[0].Payload with { AllowedMentions = Allowed(mention) } };
        }

        return messages;
    }

    private static string MentionPrefix(ReplyMention? mention) => mention switch
    {
        null => string.Empty,
        { IsWellFormed: false } or { Kind: MentionKind.Group } => throw new ArgumentException($"'{mention.Id}' is not a Discord user or role id.", nameof(mention)),
        { Kind: MentionKind.Role } => $"<@&{mention.Id}> ",
        _ => $"<@{mention.Id}> ",
    };

    private static AllowedMentions Allowed(ReplyMention mention) => mention.Kind == MentionKind.Role
        ? AllowedMentions.None with { Roles = [mention.Id] }
        : AllowedMentions.None with { Users = [mention.Id] };

    private static OutgoingMessage Message(string? content, IReadOnlyList<Embed>? embeds, IReadOnlyList<ActionRow>? rows, int? flags, OutgoingFile[] files, string? altText = null)
    {
        var attachments = files.Select((f, i) => new AttachmentRef(i.ToString(System.Globalization.CultureInfo.InvariantCulture), f.FileName, altText)).ToList();
        if (content is null && embeds is null && rows is null && files.Length == 0)
        {
            content = "(no content)";
        }

        var payload = new MessagePayload(content, embeds, rows, AllowedMentions.None, flags, attachments.Count > 0 ? attachments : null);
        return new OutgoingMessage(payload, files);
    }

    private static string ContentText(ChatReply reply)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            lines.Add(reply.IsError ? "⚠️ " + reply.Text.Trim() : reply.Text.Trim());
        }

        lines.AddRange(reply.Links.Select(l => $"{l.Label}: <{l.Url}>"));
        return string.Join('\n', lines);
    }

    private static IEnumerable<Embed> ToEmbeds(ReplySection section, bool isError)
    {
        var color = isError ? ErrorColor : InfoColor;
        var title = section.Title.Trim();
        var description = string.Join('\n', new[] { section.Body?.Trim() }
            .Concat(section.Links.Select(l => $"[{l.Label}]({l.Url})"))
            .Where(s => !string.IsNullOrEmpty(s)));
        if (title.Length > DiscordLimits.EmbedTitleLength)
        {
            // The full title stays readable: the cut-off head points to it at the top of the description.
            description = title + "\n\n" + description;
            title = title[..(DiscordLimits.EmbedTitleLength - 1)] + "…";
        }

        var descriptions = description.Length == 0 ? [] : TextSplitter.Split(description, DiscordLimits.EmbedDescriptionLength);
        var fields = new Queue<EmbedField>(section.Fields.SelectMany(ToFields));
        for (var i = 0; i == 0 || i < descriptions.Count || fields.Count > 0; i++)
        {
            var embedTitle = i == 0 ? title : Shorten(title, DiscordLimits.EmbedTitleLength - Continued.Length) + Continued;
            var embedDescription = i < descriptions.Count ? descriptions[i] : null;
            var used = embedTitle.Length + (embedDescription?.Length ?? 0);
            var embedFields = new List<EmbedField>();
            while (fields.Count > 0 && embedFields.Count < DiscordLimits.EmbedFields
                && used + fields.Peek().Name.Length + fields.Peek().Value.Length <= DiscordLimits.EmbedTotalCharacters)
            {
                var next = fields.Dequeue();
                used += next.Name.Length + next.Value.Length;
                embedFields.Add(next);
            }

            yield return new Embed(embedTitle, embedDescription, embedFields.Count > 0 ? embedFields : null, Color: color);
        }
    }

    private static IEnumerable<EmbedField> ToFields(ReplyField field)
    {
        var name = string.IsNullOrWhiteSpace(field.Name) ? "\u200b" : field.Name.Trim();
        var value = string.IsNullOrWhiteSpace(field.Value) ? "\u200b" : field.Value.Trim();
        if (name.Length > DiscordLimits.EmbedFieldNameLength)
        {
            value = "…" + name[(DiscordLimits.EmbedFieldNameLength - 1)..] + "\n" + value;
            name = name[..(DiscordLimits.EmbedFieldNameLength - 1)] + "…";
        }

        var values = TextSplitter.Split(value, DiscordLimits.EmbedFieldValueLength);
        for (var i = 0; i < values.Count; i++)
        {
            yield return new EmbedField(i == 0 ? name : Shorten(name, DiscordLimits.EmbedFieldNameLength - Continued.Length) + Continued, values[i], field.Inline ? true : null);
        }
    }

    private static List<IReadOnlyList<Embed>> PackEmbeds(List<Embed> embeds)
    {
        var groups = new List<IReadOnlyList<Embed>>();
        var current = new List<Embed>();
        var total = 0;
        foreach (var embed in embeds)
        {
            if (current.Count == DiscordLimits.EmbedsPerMessage || total + embed.CharacterCount() > DiscordLimits.EmbedTotalCharacters)
            {
                groups.Add(current);
                current = [];
                total = 0;
            }

            current.Add(embed);
            total += embed.CharacterCount();
        }

        if (current.Count > 0)
        {
            groups.Add(current);
        }

        return groups;
    }

    private static Button ToButton(ReplyButton button)
    {
        if (button.Url is { } url)
        {
            return new Button(DiscordLimits.LinkButtonStyle, Shorten(button.Label, DiscordLimits.ButtonLabelLength), null, Url: url);
        }

        if (button.Id.Length is 0 or > DiscordLimits.CustomIdLength)
        {
            throw new ArgumentException($"Button id '{button.Id}' must be 1 to {DiscordLimits.CustomIdLength} characters.", nameof(button));
        }

        var style = button.Style switch
        {
            ButtonStyle.Primary => 1,
            ButtonStyle.Danger => 4,
            _ => 2,
        };
        return new Button(style, Shorten(button.Label, DiscordLimits.ButtonLabelLength), button.Id);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
