using System.Linq;
using System.Runtime.Versioning;
using GrokContracts;

namespace GrokContracts.NetStandard.Tests;

/// <summary>The tests linked from GrokContracts.Tests only mean something here if the netstandard2.0 build is what runs.</summary>
public sealed class NetStandardBuildTests
{
    [Fact]
    public void The_runtime_under_test_is_the_netstandard20_build()
    {
        var framework = typeof(GrokContractsClient).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false)
            .Cast<TargetFrameworkAttribute>()
            .Single();
        Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
    }
}
