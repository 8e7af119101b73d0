using BriefingBot.Analysis.Developments;
using BriefingBot.Digests;
using BriefingBot.Tests.Analysis.Actors;

namespace BriefingBot.Tests.Digests;

public sealed class DigestComposerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComposeAsync_SameStoryFromThreeSources_IsOneItemWithSourceCountAndLinks()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var first = await digest.AddAsync("Port reopens after strike", 1, "Wire A", cancellationToken: Ct);
        await digest.AddAsync("Port reopens", 2, "Wire B", retellSeed: 1, cancellationToken: Ct);
        await digest.AddAsync("Strike ends at port", 3, "Wire C", retellSeed: 1, cancellationToken: Ct);
        var other = await digest.AddAsync("Budget approved", 4, cancellationToken: Ct);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);

        Assert.Equal([first.StoryId, other.StoryId], content.StoryIds);
        var item = content.Messages.SelectMany(m => m.Sections).First();
        Assert.Equal("1. Port reopens after strike", item.Title);
        Assert.True(item.Body!.Contains("3 sources", StringComparison.Ordinal), item.Body);
        Assert.Equal(["Wire A", "Wire B", "Wire C"], item.Links.Select(l => l.Label));
        Assert.InRange(item.Body!.Split('\n')[0].Count(c => c == '.'), 1, 3);
    }

    [Fact]
    public async Task ComposeAsync_StoriesDifferInRecencyAndCorroboration_NewerAndCorroboratedFirst()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var fire = DigestHarness.Request().FireTime;
        var old = await digest.AddAsync("Old news", 10, published: fire.AddHours(-30), cancellationToken: Ct);
        var single = await digest.AddAsync("Single source", 11, published: fire.AddHours(-2), cancellationToken: Ct);
        var corroborated = await digest.AddAsync("Widely reported", 12, "Wire A", published: fire.AddHours(-2), cancellationToken: Ct);
        await digest.AddAsync("Widely reported too", 13, "Wire B", published: fire.AddHours(-2), retellSeed: 12, cancellationToken: Ct);
        await digest.AddAsync("Widely reported again", 14, "Wire C", published: fire.AddHours(-2), retellSeed: 12, cancellationToken: Ct);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);

        Assert.Equal([corroborated.StoryId, single.StoryId, old.StoryId], content.StoryIds);
    }

    [Fact]
    public async Task ComposeAsync_StoryAboutActorInManyStories_RanksAboveEqualStoryWithoutActors()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var published = DigestHarness.Request().FireTime.AddHours(-1);
        var plain = await digest.AddAsync("Local fair", 20, published: published, cancellationToken: Ct);
        var salient = await digest.AddAsync("Moscow talks", 21, published: published, cancellationToken: Ct);
        await digest.MentionAsync(salient.ArticleId, Ct, "ru", "ru");
        for (var i = 0; i < 3; i++)
        {
            var older = await digest.AddAsync("Russia item " + i, 22 + i, published: published.AddHours(-10), cancellationToken: Ct);
            await digest.MentionAsync(older.ArticleId, Ct, "ru");
        }

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);

        Assert.True(content.StoryIds.ToList().IndexOf(salient.StoryId) < content.StoryIds.ToList().IndexOf(plain.StoryId), string.Join(",", content.StoryIds));
        Assert.Contains("Russia", content.Messages[0].Sections[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_StoriesAlreadySentToChannel_AreLeftOut()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var sent = await digest.AddAsync("Sent yesterday", 30, cancellationToken: Ct);
        await digest.AddAsync("Sent yesterday, new source", 31, "Wire B", retellSeed: 30, cancellationToken: Ct);
        var fresh = await digest.AddAsync("Fresh", 32, cancellationToken: Ct);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(sent: new HashSet<long> { sent.StoryId }), Ct);

        Assert.Equal([fresh.StoryId], content.StoryIds);
    }

    [Fact]
    public async Task ComposeAsync_FilterIsAnAlias_KeepsOnlyStoriesAboutThatActor()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var korea = await digest.AddAsync("Missile test", 40, cancellationToken: Ct);
        await digest.MentionAsync(korea.ArticleId, Ct, "kp", "us");
        var russia = await digest.AddAsync("Grain deal", 41, cancellationToken: Ct);
        await digest.MentionAsync(russia.ArticleId, Ct, "ru");

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(filter: "Pyongyang"), Ct);

        Assert.Equal([korea.StoryId], content.StoryIds);
        Assert.StartsWith("Digest about North Korea for ", content.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_FilterIsAKeyword_KeepsStoriesMentioningIt()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var match = await digest.AddAsync("Refinery fire contained", 50, cancellationToken: Ct);
        await digest.AddAsync("Election date set", 51, cancellationToken: Ct);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(filter: "refinery fire"), Ct);

        Assert.Equal([match.StoryId], content.StoryIds);
    }

    [Fact]
    public async Task ComposeAsync_NothingNew_OneLineWithChannelLocalTimeAndNoStories()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var sent = await digest.AddAsync("Already sent", 60, cancellationToken: Ct);

        var content = await digest.Composer.ComposeAsync(
            DigestHarness.Request(sent: new HashSet<long> { sent.StoryId }, zone: "America/New_York"), Ct);

        Assert.True(content.IsEmpty);
        var message = Assert.Single(content.Messages);
        Assert.Equal("Nothing new since Sun 1 Mar 2026 07:00 (America/New_York).", message.Text);
        Assert.Empty(message.Sections);
    }

    [Fact]
    public async Task ComposeAsync_Developments_ListedWithPollButtonsAndDiscussButtonPerStory()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var story = await digest.AddAsync("Ceasefire talks", 70, cancellationToken: Ct);
        var russia = new BriefingBot.Analysis.Actors.Actor("ru", "Russia", BriefingBot.Analysis.Actors.ActorKind.State);
        var development = digest.Developments.Add(
            new ReportedDevelopment(0, 10, "Russia may resume talks next week", [russia], ["may"], 0.4, [], null, "Will Russia resume talks by 8 March 2026?", new DateOnly(2026, 3, 8)),
            story.ArticleId);
        digest.Developments.Add("Talks may mark a turning point", story.ArticleId);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);

        var message = Assert.Single(content.Messages);
        Assert.Contains("1.1 Reported: Russia may resume talks next week", message.Sections[0].Body, StringComparison.Ordinal);
        Assert.Contains("1.2 Reported: Talks may mark a turning point", message.Sections[0].Body, StringComparison.Ordinal);
        Assert.Equal(
            [($"digest:discuss:{story.StoryId}", "1. Discuss"), ($"poll:new:{development.Id}", "1.1 Poll this")],
            message.Buttons.Select(b => (b.Id, b.Label)));
    }

    [Fact]
    public async Task ComposeAsync_DevelopmentsFromTheSqliteStore_CarryTheirStableIdsInPollButtons()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var story = await digest.AddAsync("Sanctions weighed", 75, cancellationToken: Ct);
        var text = "Officials said Russia may impose new sanctions on Iran next week, according to a ministry statement.";
        var analysis = new DevelopmentExtractor(TestCatalog.Recognizer).Analyze(text, new DateOnly(2026, 3, 1));
        Assert.NotEmpty(analysis.Developments);
        await digest.Storage.Analysis.SaveAsync(story.ArticleId, analysis, Ct);
        var stored = await digest.Storage.Developments.ListForArticlesAsync([story.ArticleId], Ct);

        var content = await digest.ComposerWith(digest.Storage.Developments).ComposeAsync(DigestHarness.Request(), Ct);

        Assert.Equal(
            stored.Take(DigestBudgets.MaxDevelopments).Select(d => $"poll:new:{d.Id}"),
            content.Messages[0].Buttons.Where(b => b.Id.StartsWith("poll:new:", StringComparison.Ordinal)).Select(b => b.Id));
    }

    [Fact]
    public async Task ComposeAsync_Header_ShowsFireTimeInChannelZoneAndCounts()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var story = await digest.AddAsync("One", 80, "Wire A", cancellationToken: Ct);
        await digest.AddAsync("One again", 81, "Wire B", retellSeed: 80, cancellationToken: Ct);
        digest.Developments.Add("It may rain", story.ArticleId);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(zone: "Asia/Tokyo"), Ct);

        Assert.Equal("Digest for Mon 2 Mar 2026 09:00 (Asia/Tokyo): 1 story from 2 sources, 1 reported development.", content.Messages[0].Text);
    }

    [Fact]
    public async Task ComposeAsync_MoreStoriesThanMaxItems_TakesTopAndSaysHowManyThereWere()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        for (var i = 0; i < 5; i++)
        {
            await digest.AddAsync("Story " + i, 90 + i, cancellationToken: Ct);
        }

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(maxItems: 2), Ct);

        Assert.Equal(2, content.StoryIds.Count);
        Assert.Contains("(the top 2 of 5 new stories)", content.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_ArticleWithMarkupAndMentions_ComesOutInert()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        await digest.AddAsync("**@everyone** [click](https://evil.example) <@123> `x` ~~y~~ _z_ # h", 100, "<!channel> *Wire*", cancellationToken: Ct);

        var content = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);

        var section = content.Messages[0].Sections[0];
        var text = section.Title + section.Body + string.Join(' ', section.Links.Select(l => l.Label));
        foreach (var markup in new[] { "*", "@", "[", "]", "<", ">", "`", "~", "_", "#" })
        {
            Assert.DoesNotContain(markup, text, StringComparison.Ordinal);
        }

        Assert.Contains("∗∗＠everyone∗∗", section.Title, StringComparison.Ordinal);
    }
}
