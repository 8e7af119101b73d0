using System.Globalization;

namespace BriefingBot.Follows;

/// <summary>How follows are written in the store: lower-case kind and delivery names, development ids as "1,2,3".</summary>
public static class FollowIds
{
    public static string Name(FollowTargetKind kind) => kind == FollowTargetKind.Actor ? "actor" : "keyword";

    public static string Name(FollowDelivery delivery) => delivery switch
    {
        FollowDelivery.Dm => "dm",
        FollowDelivery.Here => "here",
        FollowDelivery.Role => "role",
        _ => "group",
    };

    public static FollowTargetKind Kind(string name) => name == "actor" ? FollowTargetKind.Actor : FollowTargetKind.Keyword;

    public static FollowDelivery Delivery(string name) => name switch
    {
        "dm" => FollowDelivery.Dm,
        "here" => FollowDelivery.Here,
        "role" => FollowDelivery.Role,
        _ => FollowDelivery.Group,
    };

    public static string Join(IReadOnlyList<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<long> Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, CultureInfo.InvariantCulture))];
}
