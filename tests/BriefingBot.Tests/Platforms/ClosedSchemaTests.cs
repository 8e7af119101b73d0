using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Platforms;

/// <summary>
/// Every message shape the features produce, rendered for Discord and Slack and checked against the platform's
/// documented schema read as closed, in every body it travels in; and proof that the checks catch an unknown field.
/// </summary>
public sealed class ClosedSchemaTests
{
    public static TheoryData<string> Shapes => [.. RenderedShapes.Names];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DiscordRender_EveryShape_EveryBodyMatchesClosedOpenApiSpec(string shape)
    {
        var messages = DiscordRenderer.Render(RenderedShapes.Get(shape));

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            var payload = JsonSerializer.Serialize(message.Payload, DiscordJsonContext.Default.MessagePayload);
            var data = InteractionCallbackData.From(message.Payload);
            var bodies = new (string Method, string Path, string Body)[]
            {
                ("POST", "/channels/1/messages", payload),
                ("PATCH", "/channels/1/messages/2", payload),
                ("POST", "/webhooks/1/token/", payload),
                ("PATCH", "/webhooks/1/token/messages/@original", payload),
                ("POST", "/interactions/1/token/callback", Response(InteractionCallbackType.ChannelMessageWithSource, data)),
                ("POST", "/interactions/1/token/callback", Response(InteractionCallbackType.UpdateMessage, data)),
            };
            foreach (var (method, path, body) in bodies)
            {
                var errors = DiscordSchema.Validate(method, path.TrimEnd('/'), body);
                Assert.True(errors.Count == 0, $"{shape}: {method} {path}: {string.Join("; ", errors)}\n{body}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SlackRender_EveryShape_EveryBodyMatchesClosedBlockKitSchema(string shape)
    {
        var messages = SlackRenderer.Render(RenderedShapes.Get(shape));

        Assert.NotEmpty(messages);
        var json = SlackJsonContext.Default;
        foreach (var message in messages)
        {
            var response = new SlashCommandResponse("ephemeral", message.Text, message.Blocks, ReplaceOriginal: true);
            var bodies = new (string Shape, string Body)[]
            {
                (SlackSchema.PostMessage, JsonSerializer.Serialize(new PostMessageRequest("C1", message.Text, message.Blocks, "1.2"), json.PostMessageRequest)),
                (SlackSchema.Update, JsonSerializer.Serialize(new UpdateMessageRequest("C1", "1.2", message.Text, message.Blocks), json.UpdateMessageRequest)),
                (SlackSchema.PostEphemeral, JsonSerializer.Serialize(new PostEphemeralRequest("C1", "U1", message.Text, message.Blocks), json.PostEphemeralRequest)),
                (SlackSchema.ResponseUrl, JsonSerializer.Serialize(response, json.SlashCommandResponse)),
                (SlackSchema.SocketAck, JsonSerializer.Serialize(new SocketAck("e1", response), json.SocketAck)),
            };
            foreach (var (kind, body) in bodies)
            {
                var errors = SlackSchema.Validate(kind, body);
                Assert.True(errors.Count == 0, $"{shape}: {kind}: {string.Join("; ", errors)}\n{body}");
            }
        }
    }

    [Fact]
    public void DiscordRender_Digest_EmbedsCarryNoCharacterCount()
    {
        var payload = DiscordRenderer.Render(RenderedShapes.Get("digest part 1"))[0].Payload;

        var json = JsonNode.Parse(JsonSerializer.Serialize(payload, DiscordJsonContext.Default.MessagePayload))!;

        var embed = Assert.IsType<JsonObject>(json["embeds"]![0]);
        Assert.DoesNotContain("character_count", embed.Select(p => p.Key));
        Assert.True(payload.Embeds![0].CharacterCount() > 0);
    }

    [Theory]
    [InlineData("/embeds/0/character_count")]
    [InlineData("/components/0/components/0/colour")]
    [InlineData("/allowed_mentions/ping")]
    [InlineData("/made_up")]
    public void DiscordSchema_BodyWithUndocumentedField_Fails(string pointer)
    {
        var payload = DiscordRenderer.Render(RenderedShapes.Get("poll open"))[0].Payload;
        var body = JsonNode.Parse(JsonSerializer.Serialize(payload, DiscordJsonContext.Default.MessagePayload))!;
        Assert.Empty(DiscordSchema.Validate("POST", "/channels/1/messages", body.ToJsonString()));

        Add(body, pointer, 12);
        var callback = new JsonObject { ["type"] = 4, ["data"] = body.DeepClone() };

        Assert.Contains($"{pointer}: not a field the spec lists", DiscordSchema.Validate("POST", "/channels/1/messages", body.ToJsonString()));
        Assert.Contains($"/data{pointer}: not a field the spec lists", DiscordSchema.Validate("POST", "/interactions/1/t/callback", callback.ToJsonString()));
    }

    [Theory]
    [InlineData("/blocks/0/character_count")]
    [InlineData("/blocks/0/text/colour")]
    [InlineData("/unfurl")]
    public void SlackSchema_BodyWithUndocumentedField_Fails(string pointer)
    {
        var message = SlackRenderer.Render(RenderedShapes.Get("poll open"))[0];
        var body = JsonNode.Parse(JsonSerializer.Serialize(new PostMessageRequest("C1", message.Text, message.Blocks), SlackJsonContext.Default.PostMessageRequest))!;
        Assert.Empty(SlackSchema.Validate(SlackSchema.PostMessage, body.ToJsonString()));

        Add(body, pointer, 12);

        Assert.NotEmpty(SlackSchema.Validate(SlackSchema.PostMessage, body.ToJsonString()));
    }

    [Fact]
    public void SlackSchema_BlockTypeWeDoNotRender_Fails()
    {
        var body = """{"channel":"C1","text":"t","blocks":[{"type":"header","text":{"type":"plain_text","text":"t"}}]}""";

        Assert.NotEmpty(SlackSchema.Validate(SlackSchema.PostMessage, body));
    }

    [Fact]
    public async Task FakeDiscord_PostWithUndocumentedField_Answers400Code50035()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        using var documented = await http.PostAsJsonAsync("/api/v10/channels/1/messages", new { content = "hi", embeds = new[] { new { title = "t" } } }, TestContext.Current.CancellationToken);
        using var undocumented = await http.PostAsJsonAsync("/api/v10/channels/1/messages", new { content = "hi", embeds = new[] { new { title = "t", character_count = 1 } } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, documented.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, undocumented.StatusCode);
        var error = await undocumented.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(50035, error.GetProperty("code").GetInt32());
        Assert.Equal(["/embeds/0/character_count"], fake.Requests.Single(r => r.Status == 400).UndocumentedFields);
    }

    [Fact]
    public async Task FakeSlack_PostWithUndocumentedBlockField_AnswersInvalidBlocks()
    {
        await using var fake = await FakeSlack.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = fake.ApiBaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", FakeSlack.BotToken);
        var block = new { type = "section", text = new { type = "mrkdwn", text = "hi" } };
        var extra = new { type = "section", text = new { type = "mrkdwn", text = "hi" }, character_count = 2 };

        using var documented = await http.PostAsJsonAsync("chat.postMessage", new { channel = "C1", text = "hi", blocks = new[] { block } }, TestContext.Current.CancellationToken);
        using var undocumented = await http.PostAsJsonAsync("chat.postMessage", new { channel = "C1", text = "hi", blocks = new[] { extra } }, TestContext.Current.CancellationToken);

        Assert.True((await documented.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("ok").GetBoolean());
        var refused = await undocumented.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("invalid_blocks", refused.GetProperty("error").GetString());
        Assert.NotEmpty(fake.CallsTo("chat.postMessage")[1].SchemaErrors);
    }

    private static string Response(InteractionCallbackType type, InteractionCallbackData data) =>
        JsonSerializer.Serialize(new InteractionResponse(type, data), DiscordJsonContext.Default.InteractionResponse);

    /// <summary>Sets the property at a JSON Pointer whose parent exists.</summary>
    private static void Add(JsonNode root, string pointer, int value)
    {
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        parent.AsObject()[parts[^1]] = value;
    }
}
