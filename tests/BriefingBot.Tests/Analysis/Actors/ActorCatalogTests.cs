using BriefingBot.Analysis.Actors;

namespace BriefingBot.Tests.Analysis.Actors;

public sealed class ActorCatalogTests
{
    private static readonly ActorCatalog Catalog = TestCatalog.Instance;

    [Fact]
    public void Load_ShippedFile_HoldsEveryUnMemberAndObserverState()
    {
        var states = Catalog.Actors.Where(actor => actor.Kind == ActorKind.State).ToList();

        Assert.Equal(195, states.Count);
        Assert.All(states, state => Assert.Matches("^[A-Z]{2}$", state.Code));
        Assert.Equal(states.Count, states.Select(state => state.Code).Distinct().Count());
    }

    [Fact]
    public void Load_ShippedFile_HasUniqueIdsAndDescriptions()
    {
        Assert.Equal(Catalog.Actors.Count, Catalog.Actors.Select(actor => actor.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Catalog.Actors, actor => Assert.False(string.IsNullOrWhiteSpace(actor.Description), actor.Id));
    }

    [Theory]
    [InlineData("tw", ActorKind.Territory)]
    [InlineData("xk", ActorKind.Territory)]
    [InlineData("nato", ActorKind.Organisation)]
    [InlineData("iaea", ActorKind.Organisation)]
    [InlineData("yonhap", ActorKind.Media)]
    [InlineData("hamas", ActorKind.ArmedGroup)]
    [InlineData("putin", ActorKind.Person)]
    public void Find_KnownId_ReturnsActorOfKind(string id, ActorKind kind)
    {
        Assert.Equal(kind, Catalog.Find(id)?.Kind);
    }

    [Fact]
    public void Load_Json_ReadsAliasesMetonymsAndDemonyms()
    {
        using var json = new MemoryStream("""
            { "actors": [ { "id": "xx", "name": "Freedonia", "kind": "state", "code": "XX", "aliases": ["Free State"],
              "metonyms": ["Fredville"], "demonyms": ["Freedonian"] }, { "id": "g", "name": "Grand Band", "kind": "armedGroup" } ] }
            """u8.ToArray());

        var catalog = ActorCatalog.Load(json);

        Assert.Equal(["Free State", "Fredville"], catalog.Find("xx")!.Aliases);
        Assert.Equal(ActorKind.ArmedGroup, catalog.Find("g")!.Kind);
        Assert.Contains(catalog.Names, name => name is { Surface: "Freedonian", Via: "demonym" });
    }
}
