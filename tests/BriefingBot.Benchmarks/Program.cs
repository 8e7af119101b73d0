namespace BriefingBot.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: BriefingBot.Benchmarks <ingest|search|idle> (see README.md)");
        return args.Length == 0 ? 2 : 0;
    }
}
