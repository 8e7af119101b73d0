namespace BriefingBot.Platforms.Shell;

/// <summary>The terminal the shell talks to; tests give it a reader and a writer.</summary>
public interface IShellConsole
{
    TextReader Input { get; }

    TextWriter Output { get; }

    /// <summary>True when a person types at a terminal: show a prompt and a banner.</summary>
    bool IsInteractive { get; }
}

internal sealed class SystemShellConsole : IShellConsole
{
    public TextReader Input => Console.In;

    public TextWriter Output => Console.Out;

    public bool IsInteractive => !Console.IsInputRedirected;
}
