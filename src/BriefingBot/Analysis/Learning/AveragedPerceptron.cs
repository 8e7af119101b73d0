using System.IO.Compression;

namespace BriefingBot.Analysis.Learning;

/// <summary>
/// A multi-class averaged perceptron over hashed features (Collins 2002): a feature's weights per class, trained
/// online, and the average of the weights over every step kept as the model (which generalises better than the
/// last weights). Training is deterministic: same examples in the same order, same seed, same weights.
/// </summary>
internal sealed class AveragedPerceptron
{
    private const int FormatVersion = 1;

    private readonly Dictionary<ulong, float[]> weights;

    public AveragedPerceptron(int classes)
        : this(classes, new Dictionary<ulong, float[]>())
    {
    }

    private AveragedPerceptron(int classes, Dictionary<ulong, float[]> weights)
    {
        Classes = classes;
        this.weights = weights;
    }

    public int Classes { get; }

    public int FeatureCount => weights.Count;

    /// <summary>Adds each feature's weights to <paramref name="scores"/> (one slot per class).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            if (weights.TryGetValue(feature, out var row))
            {
                for (int c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c];
                }
            }
        }
    }

    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Loads a model written by <see cref="Save"/> (gzip: version, classes, then hash and weights per feature).</summary>
    public static AveragedPerceptron Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Unknown perceptron model format.");
        }

        int classes = reader.ReadInt32();
        int count = reader.ReadInt32();
        var weights = new Dictionary<ulong, float[]>(count);
        for (int i = 0; i < count; i++)
        {
            ulong feature = reader.ReadUInt64();
            var row = new float[classes];
            int nonZero = reader.ReadByte();
            for (int k = 0; k < nonZero; k++)
            {
                int c = reader.ReadByte();
                row[c] = reader.ReadSingle();
            }

            weights[feature] = row;
        }

        return new AveragedPerceptron(classes, weights);
    }

    /// <summary>Writes the model, features in hash order so the same weights give the same bytes.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(FormatVersion);
        writer.Write(Classes);
        writer.Write(weights.Count);
        foreach (var (feature, row) in weights.OrderBy(pair => pair.Key))
        {
            writer.Write(feature);
            writer.Write((byte)row.Count(w => w != 0));
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] != 0)
                {
                    writer.Write((byte)c);
                    writer.Write(row[c]);
                }
            }
        }
    }

    /// <summary>Online training with weight averaging; <see cref="Finish"/> turns the running weights into the averages.</summary>
    public sealed class Trainer(int classes)
    {
        private readonly Dictionary<ulong, double[]> current = new();
        private readonly Dictionary<ulong, double[]> totals = new();
        private readonly Dictionary<ulong, int[]> stamps = new();
        private int step;

        public int Classes { get; } = classes;

        public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
        {
            scores.Clear();
            foreach (var feature in features)
            {
                if (current.TryGetValue(feature, out var row))
                {
                    for (int c = 0; c < row.Length; c++)
                    {
                        scores[c] += (float)row[c];
                    }
                }
            }
        }

        /// <summary>One example seen: when the guess was wrong, the gold class gains and the guess loses each feature.</summary>
        public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
        {
            step++;
            if (gold == guess)
            {
                return;
            }

            foreach (var feature in features)
            {
                Add(feature, gold, 1);
                Add(feature, guess, -1);
            }
        }

        /// <summary>The averaged model; features whose averaged weights all stay below <paramref name="minimum"/> are dropped.</summary>
        public AveragedPerceptron Finish(double minimum = 1e-3)
        {
            var averaged = new Dictionary<ulong, float[]>();
            foreach (var (feature, row) in current)
            {
                var total = totals[feature];
                var stamp = stamps[feature];
                var result = new float[Classes];
                bool keep = false;
                for (int c = 0; c < Classes; c++)
                {
                    double sum = total[c] + (step - stamp[c]) * row[c];
                    result[c] = (float)(sum / Math.Max(1, step));
                    keep |= Math.Abs(result[c]) >= minimum;
                }

                if (keep)
                {
                    averaged[feature] = result;
                }
            }

            return new AveragedPerceptron(Classes, averaged);
        }

        private void Add(ulong feature, int c, double delta)
        {
            if (!current.TryGetValue(feature, out var row))
            {
                row = new double[Classes];
                current[feature] = row;
                totals[feature] = new double[Classes];
                stamps[feature] = new int[Classes];
            }

            var total = totals[feature];
            var stamp = stamps[feature];
            total[c] += (step - stamp[c]) * row[c];
            stamp[c] = step;
            row[c] += delta;
        }
    }
}
