using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;

namespace GrokContracts.Emulator.Tests;

/// <summary>The emulator's MP4s are well-formed ISO-BMFF files of the asked size and length, with audio when asked.</summary>
public sealed class Mp4VideoTests
{
    [Fact]
    public void Top_level_boxes_are_ftyp_moov_mdat_and_cover_the_file()
    {
        var bytes = Mp4Video.Create(new EmulatedVideo(1280, 720, TimeSpan.FromSeconds(15), true));

        Assert.Equal(new[] { "ftyp", "moov", "mdat" }, Mp4Boxes.Read(bytes).Select(b => b.Type));
    }

    [Theory]
    [InlineData(1280, 720, 15000, true)]
    [InlineData(736, 400, 8000, true)]
    [InlineData(720, 1280, 3000, false)]
    [InlineData(544, 544, 2500, false)]
    [InlineData(1922, 1082, 200, true)]
    public void Carries_the_size_length_and_audio_asked_for(int width, int height, int milliseconds, bool audio)
    {
        var bytes = Mp4Video.Create(new EmulatedVideo(width, height, TimeSpan.FromMilliseconds(milliseconds), audio));

        Assert.Equal((1000u, (uint)milliseconds), Mp4Boxes.MovieHeader(bytes));
        var tracks = Mp4Boxes.Tracks(bytes);
        var video = tracks[0];
        Assert.Equal(("vide", width, height), (video.Handler, video.Width, video.Height));
        Assert.Equal(milliseconds / 1000.0, video.Seconds, 3);
        if (audio)
        {
            var sound = Assert.Single(tracks, t => t.Handler == "soun");
            Assert.Equal((0, 0), (sound.Width, sound.Height));
            Assert.InRange(sound.Seconds, milliseconds / 1000.0, (milliseconds / 1000.0) + (1024.0 / 48000)); // whole AAC frames
        }
        else
        {
            Assert.Single(tracks);
        }

        Assert.True(bytes.Length < 16 * 1024, bytes.Length + " bytes");
    }

    [Fact]
    public void Every_chunk_offset_points_at_its_samples_inside_mdat()
    {
        var bytes = Mp4Video.Create(new EmulatedVideo(736, 400, TimeSpan.FromSeconds(8), true));
        var boxes = Mp4Boxes.Read(bytes);
        var mdat = boxes.Single(b => b.Type == "mdat");
        var stcos = boxes.Single(b => b.Type == "moov").Descendants().Where(b => b.Type == "stco").ToArray();
        Assert.Equal(2, stcos.Length);

        // Video: the first sample is a length-prefixed IDR slice NAL unit (type 5), the second a P slice (type 1).
        var videoOffset = (int)Mp4Boxes.U32(bytes, stcos[0].Offset + 16);
        Assert.Equal(mdat.Offset + 8, videoOffset);
        var idrLength = (int)Mp4Boxes.U32(bytes, videoOffset);
        Assert.Equal(5, bytes[videoOffset + 4] & 0x1F);
        Assert.Equal(1, bytes[videoOffset + 4 + idrLength + 4] & 0x1F);

        // Audio: silent AAC frames after the video samples, up to the end of mdat.
        var audioOffset = (int)Mp4Boxes.U32(bytes, stcos[1].Offset + 16);
        Assert.InRange(audioOffset, videoOffset + idrLength, mdat.Offset + mdat.Size - 4);
        Assert.Equal(new byte[] { 0x01, 0x40, 0x20, 0x07 }, bytes.AsSpan(audioOffset, 4).ToArray());
        var text = Encoding.ASCII.GetString(bytes);
        foreach (var box in new[] { "avc1", "avcC", "stss", "mp4a", "esds", "smhd", "vmhd" })
        {
            Assert.Contains(box, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_SPS_codes_the_size_in_macroblocks_and_crops_the_rest()
    {
        // 1922x1082 = 121x68 macroblocks (1936x1088), cropped by 14 and 6 pixels.
        var bytes = Mp4Video.Create(new EmulatedVideo(1922, 1082, TimeSpan.FromSeconds(1), false));
        var avc1 = Encoding.ASCII.GetString(bytes).IndexOf("avc1", 100, StringComparison.Ordinal);
        Assert.Equal(1922, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(avc1 + 4 + 24)));
        Assert.Equal(1082, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(avc1 + 4 + 26)));
        var avcC = Encoding.ASCII.GetString(bytes).IndexOf("avcC", StringComparison.Ordinal);
        Assert.Equal(66, bytes[avcC + 5]);     // Baseline
        Assert.Equal(42, bytes[avcC + 7]);     // level 4.2 fits 8,228 macroblocks
    }

    [Fact]
    public void Stays_small_for_the_largest_and_longest()
    {
        Assert.InRange(Mp4Video.Create(new EmulatedVideo(3840, 2160, TimeSpan.FromSeconds(15), true)).Length, 1, 40 * 1024);
        Assert.InRange(Mp4Video.Create(new EmulatedVideo(1280, 720, Mp4Video.MaxDuration, true)).Length, 1, 100 * 1024);
    }

    [Theory]
    [InlineData(0, 360, 2000)]
    [InlineData(641, 360, 2000)]
    [InlineData(640, Mp4Video.MaxSide + 2, 2000)]
    [InlineData(640, 360, 0)]
    [InlineData(640, 360, 300001)]
    public void Rejects_shapes_it_cannot_make(int width, int height, int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Mp4Video.Create(new EmulatedVideo(width, height, TimeSpan.FromMilliseconds(milliseconds), false)));
    }

    [Fact]
    public void The_fallback_video_is_the_documented_default()
    {
        var bytes = Mp4Video.Bytes.ToArray();

        Assert.Equal(TimeSpan.FromSeconds(2), Mp4Video.Duration);
        Assert.Equal((1000u, 2000u), Mp4Boxes.MovieHeader(bytes));
        Assert.Equal(("vide", EmulatorDefaults.VideoWidth, EmulatorDefaults.VideoHeight, 2.0), Assert.Single(Mp4Boxes.Tracks(bytes)));
    }
}
