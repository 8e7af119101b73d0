using System.Text;
using BriefingBot.Web;

namespace BriefingBot.Tests.Web;

public sealed class WebTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static WebGrant Grant(DateTimeOffset? expires = null) =>
        new("slack", "T1", "U1", "Ann", "C1", Now.ToUnixTimeMilliseconds(), (expires ?? Now.AddDays(7)).ToUnixTimeMilliseconds());

    [Fact]
    public void Verify_SignedToken_ReturnsTheGrant()
    {
        var token = WebToken.Sign(Grant(), Key);

        var (check, grant) = WebToken.Verify(token, Key, Now.AddDays(6));

        Assert.Equal(TokenCheck.Valid, check);
        Assert.Equal(Grant(), grant);
    }

    [Fact]
    public void Verify_AfterExpiry_Expired()
    {
        var token = WebToken.Sign(Grant(Now.AddHours(1)), Key);

        Assert.Equal(TokenCheck.Expired, WebToken.Verify(token, Key, Now.AddHours(1)).Check);
    }

    [Fact]
    public void Verify_OtherKey_BadSignature()
    {
        var token = WebToken.Sign(Grant(), Key);

        Assert.Equal(TokenCheck.BadSignature, WebToken.Verify(token, Encoding.UTF8.GetBytes("another key another key another!"), Now).Check);
    }

    [Fact]
    public void Verify_PayloadNamingAnotherWorkspace_BadSignature()
    {
        var token = WebToken.Sign(Grant(), Key);
        var other = WebToken.Sign(Grant() with { WorkspaceId = "T2" }, Key);
        var spliced = string.Join('.', other.Split('.')[..2]) + "." + token.Split('.')[2];

        Assert.Equal(TokenCheck.BadSignature, WebToken.Verify(spliced, Key, Now).Check);
    }

    [Fact]
    public void Verify_EveryCharacterAltered_NeverValid()
    {
        var token = WebToken.Sign(Grant(), Key);
        for (var i = 0; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];

            Assert.NotEqual(TokenCheck.Valid, WebToken.Verify(altered, Key, Now).Check);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1.abc")]
    [InlineData("v2.abc.def")]
    [InlineData("v1.!!!.???")]
    public void Verify_Garbage_Malformed(string? token) =>
        Assert.Equal(TokenCheck.Malformed, WebToken.Verify(token, Key, Now).Check);
}
