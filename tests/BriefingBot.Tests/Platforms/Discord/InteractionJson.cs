namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>Interaction bodies shaped like Discord's (guild member with permissions, snowflakes as strings).</summary>
internal static class InteractionJson
{
    public const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnRoaXMtaXMtYS1sb25nLWludGVyYWN0aW9uLXRva2Vu";

    public static string Ping => """{"id":"1000","application_id":"111111111111111111","type":1,"token":"t","version":1}""";

    public static string Command(string name, string options = "[]", string id = "1001", string permissions = "0", int type = 2) =>
        $$"""{"id":"{{id}}","application_id":"111111111111111111","type":{{type}},"token":"{{InteractionToken}}","version":1,"channel_id":"222222222222222222","guild_id":"333333333333333333","member":{"user":{"id":"444444444444444444","username":"ana","global_name":"Ana"},"permissions":"{{permissions}}","nick":null},"data":{"id":"999","name":"{{name}}","type":1,"options":{{options}} } }""";

    public static string Component(string customId, string id = "1002") =>
        $$"""{"id":"{{id}}","application_id":"111111111111111111","type":3,"token":"{{InteractionToken}}","version":1,"channel_id":"222222222222222222","user":{"id":"555555555555555555","username":"dm-user"},"data":{"custom_id":"{{customId}}","component_type":2} }""";

    public static string Modal(string customId) =>
        $$"""{"id":"1003","application_id":"111111111111111111","type":5,"token":"{{InteractionToken}}","version":1,"channel_id":"222222222222222222","user":{"id":"555555555555555555","username":"dm-user"},"data":{"custom_id":"{{customId}}","components":[{"type":1,"components":[{"type":4,"custom_id":"question","value":"Will it rain?"}]}]} }""";
}
