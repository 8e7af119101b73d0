using System.Runtime.CompilerServices;

namespace BriefingBot.Chat;

/// <summary>
/// A platform's rendering of a <see cref="ChatReply.Shared"/> reply, made on its first answer and reused while the
/// reply lives (the table holds it weakly, so an evicted card takes its renderings with it); other replies are
/// rendered each time.
/// </summary>
public static class SharedRendering
{
    public static T Get<T>(ChatReply reply, Func<ChatReply, T> render)
        where T : class
    {
        if (!reply.Shared)
        {
            return render(reply);
        }

        if (Table<T>.Renderings.TryGetValue(reply, out var rendered))
        {
            return rendered;
        }

        rendered = render(reply);
        Table<T>.Renderings.AddOrUpdate(reply, rendered);
        return rendered;
    }

    private static class Table<T>
        where T : class
    {
        public static readonly ConditionalWeakTable<ChatReply, T> Renderings = new();
    }
}
