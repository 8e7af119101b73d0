using System.Text;
using BriefingBot.Chat;

namespace BriefingBot.Platforms.Shell;

/// <summary>Renders a reply as plain terminal text.</summary>
public static class ShellRenderer
{
    public static string Render(ChatReply reply)
    {
        var text = new StringBuilder();
        if (reply.IsError)
        {
            text.Append("error: ");
        }
        else if (reply.Ephemeral)
        {
            text.Append("(only you can see this) ");
        }

        if (reply.Mention is { } mention)
        {
            text.Append(mention.Kind == MentionKind.User ? "@" : "@" + mention.Kind.ToString().ToLowerInvariant() + ":").Append(mention.Id).Append(' ');
        }

        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            text.AppendLine(reply.Text.Trim());
        }

        foreach (var section in reply.Sections)
        {
            text.AppendLine().Append("== ").Append(section.Title).AppendLine(" ==");
            if (!string.IsNullOrWhiteSpace(section.Body))
            {
                text.AppendLine(section.Body.Trim());
            }

            foreach (var field in section.Fields)
            {
                text.Append("  ").Append(field.Name).Append(": ").AppendLine(field.Value);
            }

            AppendLinks(text, section.Links, "  ");
        }

        if (reply.Links.Count > 0)
        {
            text.AppendLine();
            AppendLinks(text, reply.Links, string.Empty);
        }

        if (reply.Buttons.Any(b => b.Url is null))
        {
            text.AppendLine().AppendLine(string.Join("  ", reply.Buttons.Where(b => b.Url is null).Select(b => $"[{b.Label}]")));
        }

        foreach (var link in reply.Buttons.Where(b => b.Url is not null))
        {
            text.Append(link.Label).Append(": ").AppendLine(link.Url);
        }

        if (reply.Image is { } image)
        {
            text.AppendLine().Append("(image ").Append(image.FileName).Append(": ").Append(image.AltText).AppendLine(")");
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private static void AppendLinks(StringBuilder text, IReadOnlyList<ReplyLink> links, string indent)
    {
        foreach (var link in links)
        {
            text.Append(indent).Append(link.Label).Append(": ").AppendLine(link.Url);
        }
    }
}
