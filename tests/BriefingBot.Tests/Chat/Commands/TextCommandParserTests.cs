using BriefingBot.Chat.Commands;

namespace BriefingBot.Tests.Chat.Commands;

public sealed class TextCommandParserTests
{
    private static readonly CommandContext Context = CommandContext.Shell("tester");

    private static TextCommandParser Parser(params ICommand[] commands) => new(new CommandCatalog(commands));

    [Fact]
    public void Parse_SubcommandWithFreeText_LastStringOptionTakesTheRest()
    {
        var parser = Parser(new FakeCommand("article search", new CommandOption("query", "q", Required: true)), new FakeCommand("article list"));

        var result = parser.Parse("/article search North Korea troops", Context);

        Assert.Equal("article search", result.Request!.Name);
        Assert.Equal("North Korea troops", result.Request.RawOptions["query"]);
    }

    [Fact]
    public void Parse_NamedOptions_ValuesRunToTheNextKnownName()
    {
        var parser = Parser(new FakeCommand("poll create",
            new CommandOption("question", "q", Required: true), new CommandOption("closes", "c"), new CommandOption("resolves", "r")));

        var result = parser.Parse("/poll create question:Will troops deploy by July? closes:in 7 days resolves:2026-08-31", Context);

        Assert.Equal("Will troops deploy by July?", result.Request!.RawOptions["question"]);
        Assert.Equal("in 7 days", result.Request.RawOptions["closes"]);
        Assert.Equal("2026-08-31", result.Request.RawOptions["resolves"]);
    }

    [Fact]
    public void Parse_QuotedValueWithColon_IsNotAnOptionName()
    {
        var parser = Parser(new FakeCommand("note", new CommandOption("text", "t"), new CommandOption("tag", "g")));

        var result = parser.Parse("/note \"tag:not-an-option\"", Context);

        Assert.Equal("tag:not-an-option", result.Request!.RawOptions["text"]);
        Assert.False(result.Request.RawOptions.ContainsKey("tag"));
    }

    [Fact]
    public void Parse_UrlPositional_KeepsTheWholeUrl()
    {
        var parser = Parser(new FakeCommand("article add", new CommandOption("source", "s", Required: true)));

        var result = parser.Parse("/article add https://example.com/a?b=c:d", Context);

        Assert.Equal("https://example.com/a?b=c:d", result.Request!.RawOptions["source"]);
    }

    [Fact]
    public void Parse_UnknownCommand_FailsPointingToHelp()
    {
        var result = Parser(new FakeCommand("help")).Parse("/nope x", Context);

        Assert.Null(result.Request);
        Assert.Contains("Unknown command /nope", result.Error, StringComparison.Ordinal);
        Assert.Contains("/help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GroupWithoutSubcommand_ListsTheSubcommands()
    {
        var result = Parser(new FakeCommand("article add"), new FakeCommand("article list")).Parse("/article", Context);

        Assert.Contains("/article add", result.Error, StringComparison.Ordinal);
        Assert.Contains("/article list", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyWordsForNonStringOptions_Fails()
    {
        var parser = Parser(new FakeCommand("article show", new CommandOption("id", "i", OptionType.Integer, Required: true)));

        var result = parser.Parse("/article show 3 4", Context);

        Assert.Null(result.Request);
        Assert.Contains("Unexpected '4'", result.Error, StringComparison.Ordinal);
    }
}
