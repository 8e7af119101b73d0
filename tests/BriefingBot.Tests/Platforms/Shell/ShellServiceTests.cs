using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Shell;
using BriefingBot.Tests.Chat.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace BriefingBot.Tests.Platforms.Shell;

public sealed class ShellServiceTests
{
    [Fact]
    public async Task Execute_PipedLines_AnswersEachThenStopsAtEndOfInput()
    {
        var echo = new FakeCommand("echo", new CommandOption("text", "t", Required: true))
        {
            Handler = i => ChatReply.Message("you said " + i.Options.GetString("text")),
        };
        var (service, output, lifetime) = Create("/echo hello world\n\n/nope\n", echo);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("you said hello world", lines[0]);
        Assert.StartsWith("error: Unknown command /nope", lines[1], StringComparison.Ordinal);
        lifetime.Received(1).StopApplication();
    }

    [Fact]
    public async Task Execute_QuitCommand_StopsBeforeLaterLines()
    {
        var echo = new FakeCommand("echo", new CommandOption("text", "t"));
        var (service, _, lifetime) = Create("/quit\n/echo later\n", echo);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Null(echo.LastInvocation);
        lifetime.Received(1).StopApplication();
    }

    private static (ShellService Service, StringWriter Output, IHostApplicationLifetime Lifetime) Create(string input, params ICommand[] commands)
    {
        var output = new StringWriter();
        var console = Substitute.For<IShellConsole>();
        console.Input.Returns(new StringReader(input));
        console.Output.Returns(output);
        console.IsInteractive.Returns(false);
        var lifetime = Substitute.For<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Returns(new CancellationToken(canceled: true));
        var catalog = new CommandCatalog(commands);
        var service = new ShellService(console, new ShellChatPlatform(console), new TextCommandParser(catalog),
            new CommandDispatcher(catalog, NullLogger<CommandDispatcher>.Instance), lifetime, NullLogger<ShellService>.Instance);
        return (service, output, lifetime);
    }
}
