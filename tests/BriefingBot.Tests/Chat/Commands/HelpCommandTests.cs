using BriefingBot.Chat.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Chat.Commands;

public sealed class HelpCommandTests
{
    [Fact]
    public async Task Execute_NoArgument_ListsEveryCommandWithItsOptions()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommandDispatch();
        services.AddSingleton<ICommand>(new FakeCommand("article search", new CommandOption("query", "Words to find", Required: true)));
        services.AddSingleton<ICommand>(new FakeCommand("article list", new CommandOption("page", "Page", OptionType.Integer)));
        await using var provider = services.BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<CommandDispatcher>();

        var reply = await dispatcher.DispatchAsync(
            new CommandRequest("help", new Dictionary<string, string>(), CommandContext.Shell("t")), TestContext.Current.CancellationToken);

        Assert.Equal(["/article list [page]", "/article search <query>", "/help [command]"], reply.Sections.Select(s => s.Title));
        var query = reply.Sections.Single(s => s.Title.StartsWith("/article search", StringComparison.Ordinal)).Fields.Single();
        Assert.Equal("query", query.Name);
        Assert.Contains("Words to find (required)", query.Value, StringComparison.Ordinal);
    }
}
