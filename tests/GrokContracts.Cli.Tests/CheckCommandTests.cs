using System.IO;
using System.Threading.Tasks;

namespace GrokContracts.Cli.Tests;

public sealed class CheckCommandTests
{
    private const string Official = "grok-imagine-video-1.5-official";
    private const string Image = "\"image_urls\":[\"https://example.com/cat.png\"]";
    private readonly string _directory = Files.NewDirectory();

    /// <summary>Every row of the reference's validation table (official channel), plus the wrongly typed duration it mentions.</summary>
    [Theory]
    [InlineData("prompt missing", "{\"model\":\"M\"," + Image + "}", 20002, "prompt is required")]
    [InlineData("prompt empty", "{\"model\":\"M\",\"prompt\":\"\"," + Image + "}", 20002, "prompt is required")]
    [InlineData("image_urls missing", "{\"model\":\"M\",\"prompt\":\"a cat\"}", 20002, "image_urls is required")]
    [InlineData("image_urls two entries", "{\"model\":\"M\",\"prompt\":\"a cat\",\"image_urls\":[\"https://example.com/a.png\",\"https://example.com/b.png\"]}", 20003, "image_urls allows at most 1 entry")]
    [InlineData("duration below 3", "{\"model\":\"M\",\"prompt\":\"a cat\"," + Image + ",\"duration\":2}", 20003, "duration must be 3-15 seconds")]
    [InlineData("duration above 15", "{\"model\":\"M\",\"prompt\":\"a cat\"," + Image + ",\"duration\":16}", 20003, "duration must be 3-15 seconds")]
    [InlineData("unknown resolution", "{\"model\":\"M\",\"prompt\":\"a cat\"," + Image + ",\"resolution\":\"1080p\"}", 20003, "invalid resolution (allowed: 480p / 720p)")]
    [InlineData("aspect_ratio auto", "{\"model\":\"M\",\"prompt\":\"a cat\"," + Image + ",\"aspect_ratio\":\"auto\"}", 20003, "invalid aspect_ratio")]
    [InlineData("aspect_ratio 4:3", "{\"model\":\"M\",\"prompt\":\"a cat\"," + Image + ",\"aspect_ratio\":\"4:3\"}", 20003, "invalid aspect_ratio")]
    [InlineData("data: URI", "{\"model\":\"M\",\"prompt\":\"a cat\",\"image_urls\":[\"data:image/png;base64,iVBORw0KGgo=\"]}", 20003, "image_urls entries must be public http(s) URLs")]
    [InlineData("ftp URL", "{\"model\":\"M\",\"prompt\":\"a cat\",\"image_urls\":[\"ftp://example.com/cat.png\"]}", 20003, "image_urls entries must be public http(s) URLs")]
    [InlineData("duration as a string", "{\"model\":\"M\",\"prompt\":\"a cat\"," + Image + ",\"duration\":\"8\"}", 20003, "duration must be a JSON integer")]
    public async Task Each_validation_table_row_prints_the_APIs_envelope_and_exits_1(string row, string payload, int code, string message)
    {
        var path = Files.Write(_directory, "payload.json", payload.Replace("\"M\"", "\"" + Official + "\"", System.StringComparison.Ordinal));

        var run = await Cli.RunAsync("check", path);

        Assert.True(run.ExitCode == 1, row + ": " + run.Error);
        Assert.Equal(["{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}"], run.OutLines);
    }

    [Fact]
    public async Task The_first_violation_in_the_APIs_order_is_the_answer_and_all_lists_every_one()
    {
        var path = Files.Write(_directory, "many.json", "{\"model\":\"" + Official + "\",\"aspect_ratio\":\"4:3\",\"duration\":99,\"prompt\":\"\"," + Image + "}");

        var first = await Cli.RunAsync("check", path);
        var all = await Cli.RunAsync("check", "--all", path);

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":20002,\"message\":\"prompt is required\"}}"], first.OutLines);
        Assert.Equal(1, all.ExitCode);
        Assert.Equal(
            [
                "{\"error\":{\"code\":20002,\"message\":\"prompt is required\"}}",
                "{\"error\":{\"code\":20003,\"message\":\"duration must be 3-15 seconds\"}}",
                "{\"error\":{\"code\":20003,\"message\":\"invalid aspect_ratio\"}}",
            ],
            all.OutLines);
    }

    [Theory]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"a cat\"," + Image + "}")]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"a cat\"," + Image + ",\"aspect_ratio\":\"9:16\",\"resolution\":\"720p\",\"duration\":15,\"audio\":false}")]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-beta\"," + Image + ",\"aspect_ratio\":\"auto\",\"duration\":1,\"nsfw_checker\":true}")]
    public async Task A_valid_payload_exits_0_with_OK_on_stderr_and_nothing_on_stdout(string payload)
    {
        var run = await Cli.RunAsync("check", Files.Write(_directory, "valid.json", payload));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("OK: ", run.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_the_channel_lacks_is_a_warning_not_a_rejection()
    {
        var run = await Cli.RunAsync("check", Files.Write(_directory, "extra.json", "{\"model\":\"" + Official + "\",\"prompt\":\"a cat\"," + Image + ",\"nsfw_checker\":true}"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: $.nsfw_checker:", run.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dash_reads_the_payload_from_stdin()
    {
        var invalid = await Cli.RunAsync(["check", "-"], "{\"model\":\"" + Official + "\",\"prompt\":\"a cat\"," + Image + ",\"resolution\":\"4k\"}");
        var valid = await Cli.RunAsync(["check", "-"], "{\"model\":\"" + Official + "\",\"prompt\":\"a cat\"," + Image + "}");

        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":20003,\"message\":\"invalid resolution (allowed: 480p / 720p)\"}}"], invalid.OutLines);
        Assert.Equal(0, valid.ExitCode);
        Assert.Contains("standard input", valid.Error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-official\",", "is not valid JSON")]
    [InlineData("{\"model\":'grok'}", "is not valid JSON")]
    [InlineData("", "is not valid JSON")]
    [InlineData("[1,2]", "is not a JSON object")]
    [InlineData("{\"prompt\":\"a cat\"}", "has no \"model\"")]
    [InlineData("{\"model\":null}", "has no \"model\"")]
    [InlineData("{\"model\":7}", "\"model\" must be a string")]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-oficial\"}", "unknown model 'grok-imagine-video-1.5-oficial' (did you mean 'grok-imagine-video-1.5-official'?)")]
    [InlineData("{\"model\":\"sora\"}", "unknown model 'sora' (known models: grok-imagine-video-1.5-beta, grok-imagine-video-1.5-official)")]
    public async Task Unreadable_input_exits_2_with_one_line_on_stderr(string payload, string expected)
    {
        var run = await Cli.RunAsync("check", Files.Write(_directory, "bad.json", payload));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(expected, line, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_a_directory_exits_2()
    {
        var missing = await Cli.RunAsync("check", Path.Combine(_directory, "nope.json"));
        var folder = await Cli.RunAsync("check", _directory);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), System.StringComparison.Ordinal);
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a directory", Assert.Single(folder.ErrorLines), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_option_overrides_the_shipped_contract_of_its_model()
    {
        var longer = Files.EditedOfficial(_directory, "longer.yaml", "    maximum: 15\n", "    maximum: 30\n");
        var payload = Files.Write(_directory, "twenty.json", "{\"model\":\"" + Official + "\",\"prompt\":\"a cat\"," + Image + ",\"duration\":20}");

        var shipped = await Cli.RunAsync("check", payload);
        var overridden = await Cli.RunAsync("check", "--spec", longer, payload);
        var tooLong = await Cli.RunAsync("check", "--spec", longer, Files.Write(_directory, "forty.json", "{\"model\":\"" + Official + "\",\"prompt\":\"a cat\"," + Image + ",\"duration\":40}"));

        Assert.Equal(1, shipped.ExitCode);
        Assert.Equal(0, overridden.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":20003,\"message\":\"duration must be 3-30 seconds\"}}"], tooLong.OutLines);
    }

    [Fact]
    public async Task A_spec_option_adds_a_model()
    {
        var other = Files.EditedOfficial(_directory, "other.yaml", "model: grok-imagine-video-1.5-official\n", "model: my-video-model\n");
        var payload = Files.Write(_directory, "mine.json", "{\"model\":\"my-video-model\"," + Image + "}");

        var run = await Cli.RunAsync("check", "--spec", other, payload);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":20002,\"message\":\"prompt is required\"}}"], run.OutLines);
    }

    [Fact]
    public async Task A_broken_or_missing_spec_option_exits_2_naming_the_first_diagnostic()
    {
        var broken = Files.EditedOfficial(_directory, "broken.yaml", "    minimum: 3\n", "    minimum: three\n");
        var payload = Files.Write(_directory, "ok.json", "{\"model\":\"" + Official + "\",\"prompt\":\"a cat\"," + Image + "}");

        var run = await Cli.RunAsync("check", "--spec", broken, payload);
        var missing = await Cli.RunAsync("check", "--spec", Path.Combine(_directory, "none.yaml"), payload);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(broken + "(", Assert.Single(run.ErrorLines), System.StringComparison.Ordinal);
        Assert.Contains("error GRK101", run.Error, System.StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.ErrorLines);
    }
}
