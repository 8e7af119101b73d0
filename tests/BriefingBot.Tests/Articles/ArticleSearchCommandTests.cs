using BriefingBot.Articles;
using BriefingBot.Chat.Commands;
using NSubstitute;

namespace BriefingBot.Tests.Articles;

public sealed class ArticleSearchCommandTests
{
    private static ArticleSearchHit Hit(long id, long story, string source) =>
        new(id, $"Title {id}", source, $"https://example.com/{id}", DateTimeOffset.UnixEpoch, "some **troops**\n\nmoved", 1, story);

    [Fact]
    public async Task Execute_TwoSourcesOfOneStory_OneItemNamingTheOtherSource()
    {
        var store = Substitute.For<IArticleStore>();
        store.SearchAsync("troops", Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([Hit(2, 1, "AP"), Hit(3, 2, "AFP"), Hit(1, 1, "Reuters")]);
        var command = new ArticleSearchCommand(store);
        var options = CommandDispatcher.Bind(command.Definition, new Dictionary<string, string> { ["query"] = "troops" }).Options!;

        var reply = await command.ExecuteAsync(new CommandInvocation(command.Definition, options, CommandContext.Shell("t")), TestContext.Current.CancellationToken);

        Assert.Equal("2 stories matching \"troops\":", reply.Text);
        Assert.Equal(["#2 Title 2", "#3 Title 3"], reply.Sections.Select(s => s.Title));
        Assert.Equal("Reuters (#1)", reply.Sections[0].Fields.Single(f => f.Name == "Also in").Value);
        Assert.Equal("some **troops** moved", reply.Sections[0].Body);
    }
}
