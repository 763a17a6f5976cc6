using System;
using System.IO;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>The shipped specs (copied next to the test assembly from spec/) and spec inputs for the driver.</summary>
internal static class TestSpecs
{
    public const string OfficialPath = "/specs/grok-imagine-video-1.5-official.yaml";
    public const string BetaPath = "/specs/grok-imagine-video-1.5-beta.yaml";

    public static string OfficialText => Read("grok-imagine-video-1.5-official.yaml");

    public static string BetaText => Read("grok-imagine-video-1.5-beta.yaml");

    public static SpecInput Official => new(OfficialPath, OfficialText, Shipped: true);

    public static SpecInput Beta => new(BetaPath, BetaText, Shipped: true);

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", name));
}

/// <summary>One additional file for the driver, with its MSBuild metadata.</summary>
internal sealed record SpecInput(string Path, string Text, bool Shipped = false, string? Namespace = null, string? Visibility = null, bool IsContract = true, bool Generate = true);
