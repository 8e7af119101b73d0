using BriefingBot.Web.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BriefingBot.Web;

/// <summary>
/// The routes under <c>/web</c>. Every page needs a session (401 and a short page on how to get a link otherwise); a page
/// of another workspace, or of nothing, is 404. No page has a script: the CSP forbids them.
/// </summary>
public static class WebEndpoints
{
    private const string Policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication MapWeb(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebOptions>>().Value.Enabled || app.Services.GetService<WebAccess>() is null)
        {
            return app;
        }

        var web = app.MapGroup("/web");
        web.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers.XFrameOptions = "DENY";
            return await next(context);
        });

        web.MapGet("/site.css", () => Results.Text(WebStyle.Css, "text/css; charset=utf-8"));
        web.MapGet("/login", LinkPageAsync);
        web.MapPost("/login", LoginAsync).DisableAntiforgery();
        web.MapGet("/", (HttpContext http, WebPages pages, CancellationToken ct) =>
            PageAsync<HomePage, HomeModel>(http, session => pages.HomeAsync(session, ct)!, ct));
        web.MapGet("/channels/{channelId}/digests", (HttpContext http, WebPages pages, string channelId, int? page, CancellationToken ct) =>
            PageAsync<DigestArchivePage, DigestArchiveModel>(http, session => pages.DigestsAsync(session, channelId, page ?? 1, ct), ct));
        web.MapGet("/channels/{channelId}/forecasts", (HttpContext http, WebPages pages, string channelId, CancellationToken ct) =>
            PageAsync<ForecastsPage, ForecastsModel>(http, session => pages.ForecastsAsync(session, channelId, ct), ct));
        web.MapGet("/forecasters/{userId}", (HttpContext http, WebPages pages, string userId, CancellationToken ct) =>
            PageAsync<ForecasterPage, ForecasterModel>(http, session => pages.ForecasterAsync(session, userId, ct), ct));
        web.MapGet("/stories/{storyId:long}", (HttpContext http, WebPages pages, long storyId, CancellationToken ct) =>
            PageAsync<StoryPage, StoryModel>(http, session => pages.StoryAsync(session, storyId, ct), ct));
        web.MapGet("/actors/{actorId}", (HttpContext http, WebPages pages, string actorId, int? range, int? page, CancellationToken ct) =>
            PageAsync<ActorPage, ActorModel>(http, session => pages.ActorAsync(session, actorId, range ?? 30, page ?? 1, ct), ct));
        web.MapGet("/polls/{pollId:long}", (HttpContext http, WebPages pages, long pollId, CancellationToken ct) =>
            PageAsync<PollPage, PollModel>(http, session => pages.PollAsync(session, pollId, ct), ct));
        web.MapPost("/logout", LogoutAsync).DisableAntiforgery();
        web.MapFallback(async (HttpContext http, WebAccess access, CancellationToken ct) =>
            await access.AuthenticateAsync(http.Request.Cookies[WebAccess.CookieName], ct) is null ? Unauthorized() : NotFound());
        return app;
    }

    /// <summary>
    /// A GET of the link opens no session: chat link previews and mail scanners fetch links too. It shows whom the link is
    /// for and a button that posts the token back.
    /// </summary>
    private static async Task<IResult> LinkPageAsync(WebAccess access, string? token, CancellationToken ct)
    {
        var (check, grant) = await access.CheckLinkAsync(token, ct);
        return grant is null
            ? LinkRefused(check)
            : new RazorComponentResult<LoginPage>(new Dictionary<string, object?>
            {
                ["Model"] = new LoginModel(grant.UserName, grant.Platform, token!, grant.Expires),
            });
    }

    private static async Task<IResult> LoginAsync(HttpContext http, WebAccess access, IOptions<WebOptions> options, CancellationToken ct)
    {
        // A page on another site must not sign this browser in to someone else's session (login CSRF).
        if (http.Request.Headers["Sec-Fetch-Site"] == "cross-site" || !http.Request.HasFormContentType)
        {
            return Message(StatusCodes.Status400BadRequest, new MessageModel("This sign-in did not come from the link's page",
                "Open the link from chat again and press the button on its page.", ShowHowToGetLink: true));
        }

        var form = await http.Request.ReadFormAsync(ct);
        var (check, cookie, session) = await access.LoginAsync(form["token"].ToString(), ct);
        if (cookie is null || session is null)
        {
            return LinkRefused(check);
        }

        http.Response.Cookies.Append(WebAccess.CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps || options.Value.BaseUri?.Scheme == Uri.UriSchemeHttps,
            Path = "/web",
            Expires = session.ExpiresAt,
            IsEssential = true,
        });
        return Results.Redirect("/web/", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, WebAccess access, CancellationToken ct)
    {
        http.Response.Cookies.Delete(WebAccess.CookieName, new CookieOptions { Path = "/web" });
        return await access.AuthenticateAsync(http.Request.Cookies[WebAccess.CookieName], ct) is null
            ? Unauthorized()
            : Message(StatusCodes.Status200OK, new MessageModel("Signed out", "This browser no longer has your session. /web revoke in chat ends them everywhere.", true));
    }

    private static async Task<IResult> PageAsync<TPage, TModel>(HttpContext http, Func<WebSession, Task<TModel?>> load, CancellationToken ct)
        where TPage : IComponent
        where TModel : class
    {
        var access = http.RequestServices.GetRequiredService<WebAccess>();
        if (await access.AuthenticateAsync(http.Request.Cookies[WebAccess.CookieName], ct) is not { } session)
        {
            return Unauthorized();
        }

        return await load(session) is { } model
            ? new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Model"] = model })
            : NotFound();
    }

    private static RazorComponentResult<MessagePage> LinkRefused(TokenCheck check) => Message(StatusCodes.Status401Unauthorized, new MessageModel(
        check == TokenCheck.Expired ? "This link has expired" : "This link is not valid",
        check == TokenCheck.Expired
            ? "Links last a few days and end when you type /web revoke."
            : "The link was changed or cut short. Copy the whole link from the bot's message.",
        ShowHowToGetLink: true));

    private static RazorComponentResult<MessagePage> Unauthorized() => Message(StatusCodes.Status401Unauthorized, new MessageModel(
        "Sign in with a link from chat", "These pages open with a personal link.", ShowHowToGetLink: true));

    private static RazorComponentResult<MessagePage> NotFound() => Message(StatusCodes.Status404NotFound, new MessageModel(
        "Not found", "There is no such page in your workspace.", ShowHowToGetLink: true));

    private static RazorComponentResult<MessagePage> Message(int status, MessageModel model) =>
        new(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };
}
