#!/usr/bin/env bash
# Issue 6 item 4: whole-build overhead of the GrokContracts package on a realistic consumer.
#
#   bash benchmarks/build-overhead/run.sh [rounds]     (default 7; prints a markdown table)
#
# Three consumer projects with the same 40 files of ordinary code and the same valid raw payloads: "with" references
# the packed GrokContracts package (generator + analyzers + runtime + shipped specs) and builds its requests through
# the generated typed API; "without" has no package and builds the same requests as anonymous objects; "deps" is
# "without" plus the runtime library's one dependency, Microsoft.Extensions.Http.Resilience (what an HTTP client
# project usually references anyway), so "with" vs "deps" isolates what the generator and analyzers cost. After a
# restore and a warm-up build of each, builds alternate (with, without, deps, with, ...): an incremental build after
# touching one file (what a developer waits for), and a full rebuild (--no-incremental). Medians and the ratios are
# reported. Build servers stay on, as in daily use; all projects share them.
set -euo pipefail
rounds=${1:-7}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/grok-build-overhead.XXXXXX)
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off

dotnet pack "$repo/src/GrokContracts" -c Release -o "$work/feed" --nologo -tl:off >/dev/null
version=$(ls "$work/feed"/GrokContracts.*.nupkg | grep -v snupkg | sed -E 's/.*GrokContracts\.(.*)\.nupkg/\1/')
# Nothing above the consumers may change their build.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$work/$f"; done
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources>
    <add key="feed" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="feed"><package pattern="GrokContracts" /></packageSource>
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

payloads() { # $1 = with|without: the same requests, typed or anonymous
  echo "namespace Consumer;"
  echo "public static class Requests"
  echo "{"
  for i in $(seq 1 20); do
    if [[ $1 == with ]]; then
      echo "    public static object Typed$i() => new GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest(\"A lighthouse $i\", \"https://images.example.com/$i.jpg\").WithDuration($(( i % 13 + 3 )));"
    else
      echo "    public static object Typed$i() => new { model = \"grok-imagine-video-1.5-official\", prompt = \"A lighthouse $i\", image_urls = new[] { \"https://images.example.com/$i.jpg\" }, duration = $(( i % 13 + 3 )) };"
    fi
    echo "    public static object Raw$i() => new System.Collections.Generic.Dictionary<string, object> { [\"model\"] = \"grok-imagine-video-1.5-beta\", [\"image_urls\"] = new[] { \"https://images.example.com/$i.jpg\" }, [\"duration\"] = 8 };"
    echo "    public const string Json$i = \"{\\\"model\\\":\\\"grok-imagine-video-1.5-official\\\",\\\"prompt\\\":\\\"A cat\\\",\\\"image_urls\\\":[\\\"https://images.example.com/$i.jpg\\\"]}\";"
  done
  echo "}"
}

resilience=$(grep -oP 'Include="Microsoft.Extensions.Http.Resilience" Version="\K[^"]+' "$repo/Directory.Packages.props")
for kind in with without deps; do
  dir="$work/$kind"
  mkdir -p "$dir"
  reference=""
  [[ $kind == with ]] && reference="<ItemGroup><PackageReference Include=\"GrokContracts\" Version=\"$version\" /></ItemGroup>"
  [[ $kind == deps ]] && reference="<ItemGroup><PackageReference Include=\"Microsoft.Extensions.Http.Resilience\" Version=\"$resilience\" /></ItemGroup>"
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
  for i in $(seq 1 40); do ordinary "$i" > "$dir/Module$i.cs"; done
  payloads "$( [[ $kind == with ]] && echo with || echo without )" > "$dir/Requests.cs"
  (cd "$dir" && dotnet restore --nologo >/dev/null && dotnet build --no-restore --nologo -tl:off -warnaserror >/dev/null)
done

ms() { echo $(( $(date +%s%N) / 1000000 )); }
build() { # $1 = kind, $2.. = extra args; prints elapsed ms
  local start; start=$(ms)
  (cd "$work/$1" && dotnet build --no-restore --nologo -tl:off -v q "${@:2}" >/dev/null)
  echo $(( $(ms) - start ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

declare -A incremental full
for kind in with without deps; do incremental[$kind]=""; full[$kind]=""; done
for round in $(seq 1 "$rounds"); do
  for kind in with without deps; do
    touch "$work/$kind/Module1.cs"
    incremental[$kind]+="$(build "$kind") "
    full[$kind]+="$(build "$kind" --no-incremental) "
  done
done

samples() { tr ' ' '\n' <<<"$1" | grep -v '^$' | tr '\n' ' '; }
med() { tr ' ' '\n' <<<"$1" | grep -v '^$' | median; }
row() { # $1 = label, $2 = with, $3 = without, $4 = deps samples
  local w o d
  w=$(med "$2"); o=$(med "$3"); d=$(med "$4")
  echo "| $1 | $o ms | $d ms | $w ms | $(awk -v w="$w" -v o="$o" 'BEGIN {printf "%.3f×", w / o}') | $(awk -v w="$w" -v d="$d" 'BEGIN {printf "%.3f×", w / d}') | $(samples "$3")| $(samples "$4")| $(samples "$2")|"
}
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), SDK $(dotnet --version); $rounds alternating rounds"
echo
echo "| build | without the package | with Http.Resilience only | with GrokContracts | with / without | with / Http.Resilience only | samples without | samples Http.Resilience only | samples with |"
echo "|---|---|---|---|---|---|---|---|---|"
row "incremental (one file touched)" "${incremental[with]}" "${incremental[without]}" "${incremental[deps]}"
row "full rebuild (--no-incremental)" "${full[with]}" "${full[without]}" "${full[deps]}"
