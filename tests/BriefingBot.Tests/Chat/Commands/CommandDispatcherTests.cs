using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using BriefingBot.Tests.TestDoubles;
using NSubstitute;

namespace BriefingBot.Tests.Chat.Commands;

public sealed class CommandDispatcherTests
{
    private static readonly CommandContext Context = CommandContext.Shell("tester");

    private static CommandRequest Request(string name, params (string Key, string Value)[] options) =>
        new(name, options.ToDictionary(o => o.Key, o => o.Value), Context);

    [Fact]
    public async Task Dispatch_TypedOptions_ConvertsEachType()
    {
        var command = new FakeCommand("t",
            new CommandOption("s", "s"), new CommandOption("i", "i", OptionType.Integer),
            new CommandOption("n", "n", OptionType.Number), new CommandOption("b", "b", OptionType.Boolean));
        var dispatcher = new CommandDispatcher(new CommandCatalog([command]), NullLogger<CommandDispatcher>.Instance);

        await dispatcher.DispatchAsync(Request("t", ("s", "text"), ("i", "42"), ("n", "0.25"), ("b", "yes")), TestContext.Current.CancellationToken);

        var options = command.LastInvocation!.Options;
        Assert.Equal("text", options.GetString("s"));
        Assert.Equal(42L, options.GetInteger("i"));
        Assert.Equal(0.25, options.GetNumber("n"));
        Assert.True(options.GetBoolean("b"));
    }

    [Theory]
    [InlineData("i", "forty", "whole number")]
    [InlineData("n", "NaN", "a number")]
    [InlineData("b", "maybe", "true or false")]
    [InlineData("c", "purple", "one of: red, green")]
    public async Task Dispatch_BadOptionValue_EphemeralErrorNamingTheOption(string option, string value, string expected)
    {
        var command = new FakeCommand("t",
            new CommandOption("i", "i", OptionType.Integer), new CommandOption("n", "n", OptionType.Number),
            new CommandOption("b", "b", OptionType.Boolean), new CommandOption("c", "c") { Choices = ["red", "green"] });
        var dispatcher = new CommandDispatcher(new CommandCatalog([command]), NullLogger<CommandDispatcher>.Instance);

        var reply = await dispatcher.DispatchAsync(Request("t", (option, value)), TestContext.Current.CancellationToken);

        Assert.True(reply.Ephemeral);
        Assert.True(reply.IsError);
        Assert.Contains(option, reply.Text, StringComparison.Ordinal);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Null(command.LastInvocation);
    }

    [Fact]
    public async Task Dispatch_MissingRequiredOption_ShowsUsage()
    {
        var command = new FakeCommand("article search", new CommandOption("query", "words", Required: true));
        var dispatcher = new CommandDispatcher(new CommandCatalog([command]), NullLogger<CommandDispatcher>.Instance);

        var reply = await dispatcher.DispatchAsync(Request("article search"), TestContext.Current.CancellationToken);

        Assert.True(reply.IsError);
        Assert.Contains("/article search <query>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ChoiceInOtherCase_NormalisesToTheDeclaredChoice()
    {
        var command = new FakeCommand("t", new CommandOption("c", "c") { Choices = ["Yes", "No"] });
        var dispatcher = new CommandDispatcher(new CommandCatalog([command]), NullLogger<CommandDispatcher>.Instance);

        await dispatcher.DispatchAsync(Request("t", ("c", "yes")), TestContext.Current.CancellationToken);

        Assert.Equal("Yes", command.LastInvocation!.Options.GetString("c"));
    }

    [Fact]
    public async Task Dispatch_UnknownCommand_EphemeralError()
    {
        var dispatcher = new CommandDispatcher(new CommandCatalog([]), NullLogger<CommandDispatcher>.Instance);

        var reply = await dispatcher.DispatchAsync(Request("nope"), TestContext.Current.CancellationToken);

        Assert.True(reply.Ephemeral);
        Assert.Contains("Unknown command /nope", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_EphemeralErrorWithIdThatIsLogged()
    {
        var command = new FakeCommand("boom") { Handler = _ => throw new InvalidOperationException("kaput") };
        var logger = new ListLogger<CommandDispatcher>();
        var dispatcher = new CommandDispatcher(new CommandCatalog([command]), logger);

        var reply = await dispatcher.DispatchAsync(Request("boom"), TestContext.Current.CancellationToken);

        Assert.True(reply.IsError);
        var errorId = reply.Text!.Split("Error id: ")[1][..8];
        var logged = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(errorId, logged.Message, StringComparison.Ordinal);
        Assert.Equal("kaput", logged.Exception!.Message);
    }

    [Fact]
    public async Task Autocomplete_MoreThan25Choices_CappedAt25()
    {
        var command = Substitute.For<IAutocompleteCommand>();
        command.Definition.Returns(new CommandDefinition("actor", "a", [new CommandOption("name", "n") { Autocomplete = true }]));
        command.AutocompleteAsync("name", "a", Context, Arg.Any<CancellationToken>())
            .Returns(Enumerable.Range(0, 40).Select(i => new AutocompleteChoice($"A{i}", $"a{i}")).ToList());
        var dispatcher = new CommandDispatcher(new CommandCatalog([command]), NullLogger<CommandDispatcher>.Instance);

        var choices = await dispatcher.AutocompleteAsync("actor", "name", "a", Context, TestContext.Current.CancellationToken);

        Assert.Equal(CommandDispatcher.AutocompleteLimit, choices.Count);
    }

    [Fact]
    public void Catalog_TwoCommandsWithOneName_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new CommandCatalog([new FakeCommand("x"), new FakeCommand("x")]));
    }
}
