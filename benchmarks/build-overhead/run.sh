#!/usr/bin/env bash
# Issue 12: what a consumer pays at build time for each package, on a realistic project.
#
#   bash benchmarks/build-overhead/run.sh [rounds] [files]     (defaults 9 rounds, 300 files; prints markdown)
#
# Three consumer projects with the same <files> files of ordinary application code (records, LINQ, async streams,
# pattern matching; about 45 lines each) and the same handful of valid raw payloads (anonymous objects, a dictionary,
# a JSON literal):
#   none      no package;
#   contracts GrokContracts (the typed requests of the shipped channels compiled into its runtime library, the
#             generator for project specs, analyzers, code fixes, the shipped specs), 5 requests through the typed API;
#   client    GrokContracts.Client (the above plus the HTTP client and Microsoft.Extensions.Http.Resilience's graph).
# After a restore and a warm-up build of each, builds alternate (none, contracts, client, none, ...) so that load on
# the machine falls on all three alike: an incremental build after touching one file (what a developer waits for)
# and a full rebuild (--no-incremental). Build servers stay on, as in daily use. Reported: medians, ratios against
# "none" and each sample, so the spread is visible; then, from one extra build of each with -p:ReportAnalyzer=true,
# the compiler's own account of the time its generators and analyzers took (ours and the SDK's).
set -euo pipefail
rounds=${1:-9}
files=${2:-300}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/grok-build-overhead.XXXXXX)
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off

for project in GrokContracts GrokContracts.Client; do
  dotnet pack "$repo/src/$project" -c Release -o "$work/feed" --nologo -tl:off >/dev/null
done
version=$(ls "$work/feed"/GrokContracts.Client.*.nupkg | grep -v snupkg | sed -E 's/.*GrokContracts\.Client\.(.*)\.nupkg/\1/')
# Nothing above the consumers may change their build.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$work/$f"; done
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources>
    <clear />
    <add key="feed" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="feed"><package pattern="GrokContracts" /><package pattern="GrokContracts.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

ordinary() { # $1 = index: a file of ordinary application code
  cat <<CS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Consumer.Module$1
{
    public sealed record Order$1(int Id, string Customer, decimal Amount, DateTime Placed, IReadOnlyList<string> Tags);

    public sealed class OrderService$1
    {
        private readonly Dictionary<int, Order$1> _orders = new();

        public void Add(Order$1 order) => _orders[order.Id] = order;

        public decimal Total(string customer) => _orders.Values.Where(o => o.Customer == customer).Sum(o => o.Amount);

        public IEnumerable<IGrouping<string, Order$1>> ByCustomer() =>
            from order in _orders.Values where order.Amount > 10m orderby order.Placed descending group order by order.Customer;

        public string Describe(Order$1 order) => order switch
        {
            { Amount: > 1000m } => "large " + order.Id,
            { Tags.Count: 0 } => "untagged " + order.Id,
            _ => order.ToString(),
        };

        public object Payload(string customer) => new { customer, total = Total(customer), at = DateTime.UtcNow };

        public async Task<int> CountAsync(IAsyncEnumerable<Order$1> orders, CancellationToken cancellationToken)
        {
            var count = 0;
            await foreach (var order in orders.WithCancellation(cancellationToken))
            {
                count += order.Tags.Count(t => t.StartsWith("vip", StringComparison.Ordinal));
            }

            return count;
        }
    }
}
CS
}

payloads() { # $1 = typed|raw: the same five requests, typed or anonymous; plus the same raw payloads in all three
  echo "namespace Consumer;"
  echo "public static class Requests"
  echo "{"
  for i in $(seq 1 5); do
    if [[ $1 == typed ]]; then
      echo "    public static object Typed$i() => new GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest(\"A lighthouse $i\", \"https://images.example.com/$i.jpg\").WithDuration($(( i % 13 + 3 )));"
    else
      echo "    public static object Typed$i() => new { model = \"grok-imagine-video-1.5-official\", prompt = \"A lighthouse $i\", image_urls = new[] { \"https://images.example.com/$i.jpg\" }, duration = $(( i % 13 + 3 )) };"
    fi
  done
  for i in $(seq 1 3); do
    echo "    public static object Raw$i() => new System.Collections.Generic.Dictionary<string, object> { [\"model\"] = \"grok-imagine-video-1.5-beta\", [\"image_urls\"] = new[] { \"https://images.example.com/$i.jpg\" }, [\"duration\"] = 8 };"
    echo "    public const string Json$i = \"{\\\"model\\\":\\\"grok-imagine-video-1.5-official\\\",\\\"prompt\\\":\\\"A cat\\\",\\\"image_urls\\\":[\\\"https://images.example.com/$i.jpg\\\"]}\";"
  done
  echo "}"
}

kinds=(none contracts client)
for kind in "${kinds[@]}"; do
  dir="$work/$kind"
  mkdir -p "$dir"
  reference=""
  [[ $kind == contracts ]] && reference="<ItemGroup><PackageReference Include=\"GrokContracts\" Version=\"$version\" /></ItemGroup>"
  [[ $kind == client ]] && reference="<ItemGroup><PackageReference Include=\"GrokContracts.Client\" Version=\"$version\" /></ItemGroup>"
  cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  $reference
</Project>
XML
  for i in $(seq 1 "$files"); do ordinary "$i" > "$dir/Module$i.cs"; done
  payloads "$( [[ $kind == none ]] && echo raw || echo typed )" > "$dir/Requests.cs"
  (cd "$dir" && dotnet restore --nologo >/dev/null && dotnet build --no-restore --nologo -tl:off -warnaserror >/dev/null)
done

ms() { echo $(( $(date +%s%N) / 1000000 )); }
build() { # $1 = kind, $2.. = extra args; prints elapsed ms
  local start; start=$(ms)
  (cd "$work/$1" && dotnet build --no-restore --nologo -tl:off -v q "${@:2}" >/dev/null)
  echo $(( $(ms) - start ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
quartiles() { sort -n | awk '{a[NR]=$1} END {q1=a[int((NR+3)/4)]; q3=a[int((3*NR+1)/4)]; printf "%d–%d", q1, q3}'; }

declare -A incremental full
for kind in "${kinds[@]}"; do incremental[$kind]=""; full[$kind]=""; done
for round in $(seq 1 "$rounds"); do
  # Rotate the order each round, so no kind always follows the same one.
  offset=$(( round % 3 ))
  for j in 0 1 2; do
    kind=${kinds[$(( (j + offset) % 3 ))]}
    touch "$work/$kind/Module1.cs"
    incremental[$kind]+="$(build "$kind") "
    full[$kind]+="$(build "$kind" --no-incremental) "
  done
done

samples() { tr ' ' '\n' <<<"$1" | grep -v '^$' | tr '\n' ' '; }
med() { tr ' ' '\n' <<<"$1" | grep -v '^$' | median; }
iqr() { tr ' ' '\n' <<<"$1" | grep -v '^$' | quartiles; }
row() { # $1 = label, $2 = none, $3 = contracts, $4 = client samples
  local n c k
  n=$(med "$2"); c=$(med "$3"); k=$(med "$4")
  echo "| $1 | $n ms ($(iqr "$2")) | $c ms ($(iqr "$3")) | $k ms ($(iqr "$4")) | $(awk -v a="$c" -v b="$n" 'BEGIN {printf "%.3f×", a / b}') | $(awk -v a="$k" -v b="$n" 'BEGIN {printf "%.3f×", a / b}') |"
}
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), SDK $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $files files; $rounds alternating rounds"
echo
echo "| build | none: median (IQR) | GrokContracts | GrokContracts.Client | contracts / none | client / none |"
echo "|---|---|---|---|---|---|"
row "incremental (one file touched)" "${incremental[none]}" "${incremental[contracts]}" "${incremental[client]}"
row "full rebuild (--no-incremental)" "${full[none]}" "${full[contracts]}" "${full[client]}"
echo
echo "Samples (ms), in round order:"
echo
for kind in "${kinds[@]}"; do
  echo "- $kind: incremental $(samples "${incremental[$kind]}"); full $(samples "${full[$kind]}")"
done
echo
echo "Compiler's own account (-p:ReportAnalyzer=true, one full rebuild each): generators and analyzers, seconds"
echo
for kind in "${kinds[@]}"; do
  log="$work/$kind.analyzers.log"
  (cd "$work/$kind" && dotnet build --no-restore --nologo -tl:off --no-incremental -v d -p:ReportAnalyzer=true >"$log" 2>&1)
  analyzers=$(grep -m1 -oP 'Total analyzer execution time:\s*\K[0-9.]+' "$log" || echo 0)
  generators=$(grep -m1 -oP 'Total generator execution time:\s*\K[0-9.]+' "$log" || echo 0)
  # Assembly-level lines ("  0.123   4   Name, Version=..."): ours, and the rest for comparison.
  ours=$( (grep -P '^\s+[0-9.]+\s+[<0-9]+\s+GrokContracts[.A-Za-z]*, Version=' "$log" || true) | awk '{printf "%s %s s; ", $3, $1}' | sed 's/,//g')
  foreign=$( (grep -P '^\s+[0-9.]+\s+[<0-9]+\s+[A-Za-z.]+, Version=' "$log" || true) | grep -v GrokContracts | awk '{print $3}' | sed 's/,//' | sort -u | tr '\n' ' ' || true)
  echo "- $kind: all analyzers $analyzers s, all generators $generators s; ours: ${ours:-none}; others: ${foreign:-none}"
done
