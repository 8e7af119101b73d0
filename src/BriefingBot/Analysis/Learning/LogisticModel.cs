using System.IO.Compression;

namespace BriefingBot.Analysis.Learning;

/// <summary>
/// Binary logistic regression over hashed features, with the decision threshold it was tuned with. Trained by
/// AdaGrad on the log loss with L2 regularisation, examples visited in an order shuffled by a seeded generator,
/// so training is deterministic.
/// </summary>
internal sealed class LogisticModel
{
    private const int FormatVersion = 1;

    private readonly Dictionary<ulong, float> weights;

    private LogisticModel(Dictionary<ulong, float> weights, float bias, float threshold)
    {
        this.weights = weights;
        Bias = bias;
        Threshold = threshold;
    }

    public float Bias { get; }

    /// <summary>Probability at or above which the answer is yes.</summary>
    public float Threshold { get; private init; }

    public int FeatureCount => weights.Count;

    public LogisticModel WithThreshold(double threshold) => new(weights, Bias, (float)threshold);

    public double Probability(ReadOnlySpan<ulong> features) => 1 / (1 + Math.Exp(-Margin(features)));

    public double Margin(ReadOnlySpan<ulong> features)
    {
        double z = Bias;
        foreach (var feature in features)
        {
            z += weights.GetValueOrDefault(feature);
        }

        return z;
    }

    public bool Decide(ReadOnlySpan<ulong> features) => Probability(features) >= Threshold;

    /// <summary>Whether training gave the feature a weight (it was seen, and mattered).</summary>
    public bool Knows(ulong feature) => weights.ContainsKey(feature);

    public static LogisticModel Train(IReadOnlyList<(ulong[] Features, bool Label, double Weight)> examples, int epochs, double l2, int seed) =>
        Train(examples.Select(e => (e.Features, e.Label ? 1.0 : 0.0, e.Weight)).ToList(), epochs, l2, seed);

    /// <summary>Trains on soft targets in [0, 1] (cross-entropy against the target), such as a graded relevance.</summary>
    public static LogisticModel Train(IReadOnlyList<(ulong[] Features, double Target, double Weight)> examples, int epochs, double l2, int seed)
    {
        var w = new Dictionary<ulong, double>();
        var g2 = new Dictionary<ulong, double>();
        double bias = 0, biasG2 = 0;
        const double rate = 0.3;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int e in order)
            {
                var (features, target, weight) = examples[e];
                double z = bias;
                foreach (var f in features)
                {
                    z += w.GetValueOrDefault(f);
                }

                double p = 1 / (1 + Math.Exp(-z));
                double gradient = (p - target) * weight;
                biasG2 += gradient * gradient;
                bias -= rate * gradient / Math.Sqrt(biasG2 + 1e-8);
                foreach (var f in features)
                {
                    double current = w.GetValueOrDefault(f);
                    double g = gradient + l2 * current;
                    double acc = g2.GetValueOrDefault(f) + g * g;
                    g2[f] = acc;
                    w[f] = current - rate * g / Math.Sqrt(acc + 1e-8);
                }
            }
        }

        var kept = w.Where(pair => Math.Abs(pair.Value) >= 1e-4).ToDictionary(pair => pair.Key, pair => (float)pair.Value);
        return new LogisticModel(kept, (float)bias, 0.5f);
    }

    public static LogisticModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Unknown logistic model format.");
        }

        float bias = reader.ReadSingle();
        float threshold = reader.ReadSingle();
        int count = reader.ReadInt32();
        var weights = new Dictionary<ulong, float>(count);
        for (int i = 0; i < count; i++)
        {
            weights[reader.ReadUInt64()] = reader.ReadSingle();
        }

        return new LogisticModel(weights, bias, threshold);
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(FormatVersion);
        writer.Write(Bias);
        writer.Write(Threshold);
        writer.Write(weights.Count);
        foreach (var (feature, weight) in weights.OrderBy(pair => pair.Key))
        {
            writer.Write(feature);
            writer.Write(weight);
        }
    }
}
