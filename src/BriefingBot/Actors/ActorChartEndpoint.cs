using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BriefingBot.Actors;

/// <summary>
/// <c>GET /charts/actors/{actor}/{day}/{version}.png?for={scope}</c>: the chart of an actor card as one workspace sees it, for Discord
/// and Slack to fetch when <see cref="ActorsOptions.ChartBaseUrl"/> is set. The address names the card's data version, so the answer never
/// changes and may be cached for good; an unknown actor, another day or an older version is 404 (nothing is built for it).
/// </summary>
public static class ActorChartEndpoint
{
    public static IEndpointRouteBuilder MapActorCharts(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IOptions<ActorsOptions>>()?.Value.ChartBaseUrl is { Length: > 0 })
        {
            app.MapGet("/charts/actors/{actorId}/{day:int}/{version:long}.png", GetAsync);
        }

        return app;
    }

    private static async Task<IResult> GetAsync(string actorId, int day, long version, ActorCardCache cards, HttpContext http, [FromQuery(Name = "for")] string? scope = null)
    {
        // Charts are posted for workspaces only: the operator's view of everything is never served.
        if (day is < 0 or > 3_652_058 || scope is null or "*")
        {
            return Results.NotFound();
        }

        var png = await cards.GetChartAsync(actorId, scope, DateOnly.FromDayNumber(day), version, http.RequestAborted);
        if (png is not { } bytes)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(bytes, "image/png");
    }
}
