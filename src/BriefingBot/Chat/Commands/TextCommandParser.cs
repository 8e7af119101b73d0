using System.Text;

namespace BriefingBot.Chat.Commands;

/// <summary>
/// Turns a typed line (<c>/article search North Korea</c>, <c>/poll create question:"Will X?" closes:in 7 days</c>)
/// into a <see cref="CommandRequest"/>. Used by the shell and by Slack, whose commands arrive as text.
/// Named values (<c>name:value</c>) run to the next known option name; the remaining words fill the
/// options in order, and the last string option takes the rest of the line.
/// </summary>
public sealed class TextCommandParser(CommandCatalog catalog)
{
    public TextParseResult Parse(string line, CommandContext context)
    {
        var text = line.Trim();
        if (text.StartsWith('/'))
        {
            text = text[1..];
        }

        var words = Tokenize(text);
        if (words.Count == 0)
        {
            return TextParseResult.Fail("Type a command, for example /help.");
        }

        // Longest command path first: "article add" before "article".
        ICommand? command = null;
        var used = 0;
        for (var n = Math.Min(3, words.Count); n >= 1 && command is null; n--)
        {
            command = catalog.Find(string.Join(' ', words.Take(n).Select(w => w.Value)));
            used = command is null ? 0 : n;
        }

        if (command is null)
        {
            var group = catalog.InGroup(words[0].Value);
            return group.Count > 0
                ? TextParseResult.Fail($"/{words[0].Value} needs a subcommand: " + string.Join(", ", group.Select(c => c.Definition.Usage)))
                : TextParseResult.Fail($"Unknown command /{words[0].Value}. Type /help to see every command.");
        }

        return AssignOptions(command.Definition, words.Skip(used).ToList(), context);
    }

    private static TextParseResult AssignOptions(CommandDefinition definition, List<Token> words, CommandContext context)
    {
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        string? current = null;
        foreach (var word in words)
        {
            var colon = word.Quoted ? -1 : word.Value.IndexOf(':', StringComparison.Ordinal);
            var option = colon > 0 ? definition.Options.FirstOrDefault(o => string.Equals(o.Name, word.Value[..colon], StringComparison.OrdinalIgnoreCase)) : null;
            if (option is not null)
            {
                current = option.Name;
                named[current] = word.Value[(colon + 1)..];
            }
            else if (current is not null)
            {
                named[current] = named[current].Length == 0 ? word.Value : named[current] + " " + word.Value;
            }
            else
            {
                positional.Add(word.Value);
            }
        }

        var open = definition.Options.Where(o => !named.ContainsKey(o.Name)).ToList();
        for (var i = 0; i < positional.Count; i++)
        {
            if (i >= open.Count)
            {
                return TextParseResult.Fail($"Unexpected '{positional[i]}'. Usage: {definition.Usage}");
            }

            var takesRest = i == open.Count - 1 && open[i].Type == OptionType.String;
            named[open[i].Name] = takesRest ? string.Join(' ', positional.Skip(i)) : positional[i];
            if (takesRest)
            {
                break;
            }
        }

        return TextParseResult.Ok(new CommandRequest(definition.Name, named, context));
    }

    /// <summary>A word; <see cref="Quoted"/> when it began with a quote, so its colon is text, not an option marker.</summary>
    private readonly record struct Token(string Value, bool Quoted);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var inQuotes = false;
        var startedQuoted = false;
        var any = false;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                startedQuoted |= !any;
                inQuotes = !inQuotes;
                any = true;
            }
            else if (char.IsWhiteSpace(ch) && !inQuotes)
            {
                Flush();
            }
            else
            {
                current.Append(ch);
                any = true;
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (any)
            {
                tokens.Add(new Token(current.ToString(), startedQuoted));
            }

            current.Clear();
            any = false;
            startedQuoted = false;
        }
    }
}

public sealed record TextParseResult(CommandRequest? Request, string? Error)
{
    public static TextParseResult Ok(CommandRequest request) => new(request, null);

    public static TextParseResult Fail(string error) => new(null, error);
}
