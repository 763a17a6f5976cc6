using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.AnalyzerCost;

/// <summary>
/// A synthetic consumer: <c>files</c> C# files of ordinary application code (records, LINQ, async, generics,
/// pattern matching, string building), every second one also holding payloads in every context the analyzer reads
/// — anonymous objects, dictionary indexer and collection initializers, JsonObject, JSON in regular, verbatim and
/// raw literals, and the typed API — half of them valid, half breaking a rule.
/// </summary>
internal static class SyntheticProject
{
    public const int PayloadsPerPayloadFile = 12;

    public static List<SyntaxTree> Create(int files, bool withPayloads, CSharpParseOptions options)
    {
        var trees = new List<SyntaxTree>(files);
        for (var i = 0; i < files; i++)
        {
            var source = Ordinary(i) + (withPayloads && i % 2 == 0 ? Payloads(i) : string.Empty);
            trees.Add(CSharpSyntaxTree.ParseText(source, options, path: "/consumer/File" + i.ToString(CultureInfo.InvariantCulture) + ".cs"));
        }

        return trees;
    }

    public static int PayloadCount(int files, bool withPayloads) => withPayloads ? ((files + 1) / 2) * PayloadsPerPayloadFile : 0;

    private static string Ordinary(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        builder.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Consumer.Module{{n}}
            {
                public sealed record Order{{n}}(int Id, string Customer, decimal Amount, DateTime Placed, IReadOnlyList<string> Tags);

                public interface IRepository{{n}}<T> where T : class
                {
                    Task<T?> FindAsync(int id, CancellationToken cancellationToken);
                    IAsyncEnumerable<T> ListAsync(CancellationToken cancellationToken);
                }

                public sealed class OrderService{{n}}
                {
                    private readonly Dictionary<int, Order{{n}}> _orders = new();
                    private readonly object _gate = new();

                    public void Add(Order{{n}} order)
                    {
                        lock (_gate)
                        {
                            _orders[order.Id] = order;
                        }
                    }

                    public decimal Total(string customer) => _orders.Values.Where(o => o.Customer == customer).Sum(o => o.Amount);

                    public IEnumerable<IGrouping<string, Order{{n}}>> ByCustomer() =>
                        from order in _orders.Values
                        where order.Amount > 10m
                        orderby order.Placed descending
                        group order by order.Customer;

                    public string Describe(Order{{n}} order) => order switch
                    {
                        { Amount: > 1000m } => "large " + order.Id,
                        { Tags.Count: 0 } => "untagged " + order.Id,
                        { Placed.Year: < 2020 } => "old " + order.Id,
                        _ => order.ToString(),
                    };

                    public async Task<int> CountAsync(IRepository{{n}}<Order{{n}}> repository, CancellationToken cancellationToken)
                    {
                        var count = 0;
                        await foreach (var order in repository.ListAsync(cancellationToken).ConfigureAwait(false))
                        {
                            if (order.Tags.Any(t => t.StartsWith("vip", StringComparison.Ordinal)))
                            {
                                count++;
                            }
                        }

                        return count;
                    }

                    public static string Report(IEnumerable<Order{{n}}> orders)
                    {
                        var builder = new StringBuilder();
                        foreach (var (order, index) in orders.Select((o, k) => (o, k)))
                        {
                            builder.Append(index).Append(": ").Append(order.Customer).Append(' ').AppendLine(order.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
                        }

                        return builder.ToString();
                    }

                    public static T Max<T>(IEnumerable<T> items, Func<T, decimal> key) where T : class =>
                        items.Aggregate((best, next) => key(next) > key(best) ? next : best);

                    public static object Settings() => new { retries = 3, timeout = TimeSpan.FromSeconds(30), name = "module{{n}}" };

                    public static Dictionary<string, object> Headers() => new() { ["accept"] = "application/json", ["x-module"] = {{n}} };
                }
            }

            """);
        return builder.ToString();
    }

    private static string Payloads(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var bad = i % 4 == 0;
        var duration = bad ? "20" : "6";
        var ratio = bad ? "\"auto\"" : "\"16:9\"";
        var jsonDuration = bad ? "\\\"8\\\"" : "8";
        return $$""""
            namespace Consumer.Payloads{{n}}
            {
                using System.Collections.Generic;
                using System.Text.Json.Nodes;
                using GrokContracts.GrokImagineVideo15Official;

                public static class Requests{{n}}
                {
                    public const int Duration = {{duration}};

                    public static object Anonymous() => new
                    {
                        model = "grok-imagine-video-1.5-official",
                        prompt = "A lighthouse at dusk {{n}}",
                        image_urls = new[] { "https://images.example.com/{{n}}.jpg" },
                        duration = Duration,
                        aspect_ratio = {{ratio}},
                    };

                    public static object AnonymousBeta() => new { model = "grok-imagine-video-1.5-beta", image_urls = new[] { "https://images.example.com/{{n}}.jpg" }, resolution = "720p" };

                    public static object Indexer() => new Dictionary<string, object>
                    {
                        ["model"] = "grok-imagine-video-1.5-official",
                        ["prompt"] = "A cat",
                        ["image_urls"] = new[] { "https://images.example.com/{{n}}.jpg" },
                        ["duration"] = {{duration}},
                    };

                    public static object Collection() => new Dictionary<string, object>
                    {
                        { "model", "grok-imagine-video-1.5-beta" },
                        { "image_urls", new[] { "https://images.example.com/{{n}}.jpg" } },
                        { "aspect_ratio", {{ratio}} },
                    };

                    public static JsonObject Node() => new JsonObject
                    {
                        ["model"] = "grok-imagine-video-1.5-official",
                        ["prompt"] = "A cat",
                        ["image_urls"] = new JsonArray { "https://images.example.com/{{n}}.jpg" },
                        ["resolution"] = "{{(bad ? "1080p" : "720p")}}",
                    };

                    public const string Regular = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"A cat\",\"image_urls\":[\"https://images.example.com/{{n}}.jpg\"],\"duration\":{{jsonDuration}}}";

                    public const string Verbatim = @"{""model"":""grok-imagine-video-1.5-beta"",""image_urls"":[""https://images.example.com/{{n}}.jpg""],""nsfw_checker"":true}";

                    public const string Raw = """
                        {
                          "model": "grok-imagine-video-1.5-official",
                          "prompt": "A cat",
                          "image_urls": ["{{(bad ? "data:image/png;base64,AAAA" : "https://images.example.com/" + n + ".jpg")}}"]
                        }
                        """;

                    public static object Typed() => new VideoGenerationRequest("A cat", "https://images.example.com/{{n}}.jpg").WithDuration({{duration}}).WithAspectRatio(AspectRatio.Landscape16x9);

                    public static object Parsed() => AspectRatioWire.Parse({{ratio}});

                    public static object Typo() => new { model = "grok-imagine-video-1.5-oficial", prompt = "A cat" };

                    public static object Unknown() => new { model = "grok-imagine-video-1.5-official", prompt = "A cat", image_urls = new[] { "https://images.example.com/{{n}}.jpg" }, nsfw_checker = true };
                }
            }

            """";
    }
}
