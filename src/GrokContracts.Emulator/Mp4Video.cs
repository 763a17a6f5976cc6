using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GrokContracts.Emulator;

/// <summary>
/// Small, real, playable MP4s made in code: ISO-BMFF (<c>ftyp</c>, <c>moov</c>, <c>mdat</c>) with one H.264
/// Constrained Baseline video track (a flat grey picture at 5 frames per second) of the asked size and length, and,
/// when asked, one silent AAC-LC track (48 kHz mono, handler <c>soun</c>). No encoder needed, and the bytes are
/// deterministic: a 1280x720, 15 s file with audio is under 10 KB.
/// </summary>
public static class Mp4Video
{
    /// <summary>The largest width or height <see cref="Create"/> makes.</summary>
    public const int MaxSide = 4096;

    private const int MovieTimescale = 1000;
    private const int FrameMilliseconds = 200;
    private const int AudioRate = 48000;
    private const int AudioFrameSamples = 1024;

    // One AAC-LC raw frame of silence (mono): SCE, global_gain 160, max_sfb 0, then END.
    private static readonly byte[] SilentAacFrame = [0x01, 0x40, 0x20, 0x07];

    // AudioSpecificConfig: AAC-LC (2), 48 kHz (index 3), mono (1), 1024-sample frames.
    private static readonly byte[] AudioSpecificConfig = [0x11, 0x88];

    private static readonly Lazy<byte[]> Fallback = new(() => Create(new EmulatedVideo(EmulatorDefaults.VideoWidth, EmulatorDefaults.VideoHeight, EmulatorDefaults.VideoDuration, false)));

    /// <summary>The shortest length <see cref="Create"/> makes: one frame.</summary>
    public static TimeSpan MinDuration { get; } = TimeSpan.FromMilliseconds(FrameMilliseconds);

    /// <summary>The longest length <see cref="Create"/> makes (longer requests are clamped to it).</summary>
    public static TimeSpan MaxDuration { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The emulator's fallback video (<see cref="EmulatorDefaults.VideoWidth"/> × <see cref="EmulatorDefaults.VideoHeight"/>,
    /// <see cref="EmulatorDefaults.VideoDuration"/>, no audio): what a task gets when its spec states no size or length.
    /// </summary>
    public static ReadOnlyMemory<byte> Bytes => Fallback.Value;

    /// <summary>The length of <see cref="Bytes"/>.</summary>
    public static TimeSpan Duration => EmulatorDefaults.VideoDuration;

    /// <summary>An MP4 of <paramref name="video"/>'s size, length and audio.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An odd or out-of-range size, or a length outside [<see cref="MinDuration"/>, <see cref="MaxDuration"/>].</exception>
    public static byte[] Create(EmulatedVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        CheckSide(video.Width, nameof(video));
        CheckSide(video.Height, nameof(video));
        if (video.Duration < MinDuration || video.Duration > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(video), "the duration must be within [MinDuration, MaxDuration]");
        }

        var durationMs = (int)Math.Round(video.Duration.TotalMilliseconds);
        var stream = new H264Stream(video.Width, video.Height);
        var frameCount = (durationMs + FrameMilliseconds - 1) / FrameMilliseconds;
        var videoSamples = new List<byte[]>(frameCount);
        for (var i = 0; i < frameCount; i++)
        {
            var nal = stream.Picture(i);
            var sample = new byte[4 + nal.Length];
            WriteUInt32(sample, 0, (uint)nal.Length);
            Buffer.BlockCopy(nal, 0, sample, 4, nal.Length);
            videoSamples.Add(sample);
        }

        var audioFrames = video.HasAudio ? (int)(((long)durationMs * AudioRate / 1000 + AudioFrameSamples - 1) / AudioFrameSamples) : 0;
        var videoBytes = Concat(videoSamples.ToArray());
        var audioBytes = new byte[audioFrames * SilentAacFrame.Length];
        for (var i = 0; i < audioFrames; i++)
        {
            Buffer.BlockCopy(SilentAacFrame, 0, audioBytes, i * SilentAacFrame.Length, SilentAacFrame.Length);
        }

        var ftyp = Box("ftyp", Concat(Ascii("isom"), UInt32(0x200), Ascii("isom"), Ascii("iso2"), Ascii("avc1"), Ascii("mp41")));
        var layout = new Layout(stream, videoSamples, durationMs, audioFrames, 0);
        var mdatStart = (uint)(ftyp.Length + Moov(layout).Length + 8);
        var moov = Moov(layout with { MdatStart = mdatStart });
        return Concat(ftyp, moov, Box("mdat", Concat(videoBytes, audioBytes)));
    }

    private static void CheckSide(int side, string name)
    {
        if (side is < 2 or > MaxSide || side % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(name, "width and height must be even and within [2, " + MaxSide + "]");
        }
    }

    private sealed record Layout(H264Stream Stream, List<byte[]> VideoSamples, int DurationMs, int AudioFrames, uint MdatStart);

    private static byte[] Moov(Layout layout)
    {
        var tracks = layout.AudioFrames > 0 ? 2 : 1;
        var mvhd = FullBox("mvhd", 0, 0, Concat(
            UInt32(0), UInt32(0), UInt32(MovieTimescale), UInt32(layout.DurationMs),
            UInt32(0x00010000), UInt16(0x0100), new byte[10], Matrix(), new byte[24], UInt32(tracks + 1)));
        var videoTrak = VideoTrak(layout);
        if (tracks == 1)
        {
            return Box("moov", Concat(mvhd, videoTrak));
        }

        var videoLength = 0;
        foreach (var sample in layout.VideoSamples)
        {
            videoLength += sample.Length;
        }

        return Box("moov", Concat(mvhd, videoTrak, AudioTrak(layout, layout.MdatStart + (uint)videoLength)));
    }

    private static byte[] VideoTrak(Layout layout)
    {
        var stream = layout.Stream;
        var samples = layout.VideoSamples;
        var tkhd = Tkhd(1, layout.DurationMs, volume: 0, stream.Width, stream.Height);
        var mdhd = Mdhd(MovieTimescale, (uint)layout.DurationMs);
        var hdlr = FullBox("hdlr", 0, 0, Concat(UInt32(0), Ascii("vide"), new byte[12], Ascii("VideoHandler\0")));
        var vmhd = FullBox("vmhd", 0, 1, new byte[8]);
        var avcC = Box("avcC", Concat(
            new byte[] { 1, stream.Sps[1], stream.Sps[2], stream.Sps[3], 0xFF, 0xE1 }, UInt16(stream.Sps.Length), stream.Sps,
            new byte[] { 1 }, UInt16(stream.Pps.Length), stream.Pps));
        var avc1 = Box("avc1", Concat(
            new byte[6], UInt16(1), new byte[16], UInt16(stream.Width), UInt16(stream.Height), UInt32(0x00480000), UInt32(0x00480000),
            UInt32(0), UInt16(1), new byte[32], UInt16(0x0018), UInt16(0xFFFF), avcC));

        // Every frame lasts 200 ms but the last, which ends the video on time.
        var lastDelta = layout.DurationMs - ((samples.Count - 1) * FrameMilliseconds);
        var stts = lastDelta == FrameMilliseconds || samples.Count == 1
            ? FullBox("stts", 0, 0, Concat(UInt32(1), UInt32(samples.Count), UInt32(lastDelta)))
            : FullBox("stts", 0, 0, Concat(UInt32(2), UInt32(samples.Count - 1), UInt32(FrameMilliseconds), UInt32(1), UInt32(lastDelta)));
        var stss = FullBox("stss", 0, 0, Concat(UInt32(1), UInt32(1)));  // only the first picture is a sync sample
        var sizes = new List<byte[]> { UInt32(0), UInt32(samples.Count) };
        foreach (var sample in samples)
        {
            sizes.Add(UInt32(sample.Length));
        }

        var stbl = Box("stbl", Concat(
            FullBox("stsd", 0, 0, Concat(UInt32(1), avc1)), stts, stss,
            OneChunk(samples.Count), FullBox("stsz", 0, 0, Concat(sizes.ToArray())), Stco(layout.MdatStart)));
        return Box("trak", Concat(tkhd, Box("mdia", Concat(mdhd, hdlr, Box("minf", Concat(vmhd, Dinf(), stbl))))));
    }

    private static byte[] AudioTrak(Layout layout, uint chunkOffset)
    {
        var tkhd = Tkhd(2, layout.DurationMs, volume: 0x0100, 0, 0);
        var mdhd = Mdhd(AudioRate, (uint)(layout.AudioFrames * AudioFrameSamples));
        var hdlr = FullBox("hdlr", 0, 0, Concat(UInt32(0), Ascii("soun"), new byte[12], Ascii("SoundHandler\0")));
        var smhd = FullBox("smhd", 0, 0, new byte[4]);
        var decoderSpecificInfo = Descriptor(0x05, AudioSpecificConfig);
        var decoderConfig = Descriptor(0x04, Concat(
            new byte[] { 0x40, 0x15, 0, 0x01, 0 }, UInt32(0), UInt32(0), decoderSpecificInfo)); // AAC, audio stream, 256-byte buffer
        var esds = FullBox("esds", 0, 0, Descriptor(0x03, Concat(UInt16(2), new byte[] { 0 }, decoderConfig, Descriptor(0x06, [0x02]))));
        var mp4a = Box("mp4a", Concat(
            new byte[6], UInt16(1), new byte[8], UInt16(1), UInt16(16), UInt16(0), UInt16(0), UInt32(AudioRate << 16), esds));
        var stbl = Box("stbl", Concat(
            FullBox("stsd", 0, 0, Concat(UInt32(1), mp4a)),
            FullBox("stts", 0, 0, Concat(UInt32(1), UInt32(layout.AudioFrames), UInt32(AudioFrameSamples))),
            OneChunk(layout.AudioFrames),
            FullBox("stsz", 0, 0, Concat(UInt32(SilentAacFrame.Length), UInt32(layout.AudioFrames))),
            Stco(chunkOffset)));
        return Box("trak", Concat(tkhd, Box("mdia", Concat(mdhd, hdlr, Box("minf", Concat(smhd, Dinf(), stbl))))));
    }

    private static byte[] Tkhd(int trackId, int durationMs, int volume, int width, int height) => FullBox("tkhd", 0, 3, Concat(
        UInt32(0), UInt32(0), UInt32(trackId), UInt32(0), UInt32(durationMs), new byte[8],
        UInt16(0), UInt16(0), UInt16(volume), UInt16(0), Matrix(), UInt32(width << 16), UInt32(height << 16)));

    private static byte[] Mdhd(int timescale, uint duration) =>
        FullBox("mdhd", 0, 0, Concat(UInt32(0), UInt32(0), UInt32(timescale), UInt32(duration), UInt16(0x55C4), UInt16(0)));

    private static byte[] Dinf() => Box("dinf", FullBox("dref", 0, 0, Concat(UInt32(1), FullBox("url ", 0, 1, Array.Empty<byte>()))));

    private static byte[] OneChunk(int samples) => FullBox("stsc", 0, 0, Concat(UInt32(1), UInt32(1), UInt32(samples), UInt32(1)));

    private static byte[] Stco(uint offset) => FullBox("stco", 0, 0, Concat(UInt32(1), UInt32(offset)));

    /// <summary>An MPEG-4 descriptor (ISO/IEC 14496-1) with a one-byte size: every one here is under 128 bytes.</summary>
    private static byte[] Descriptor(byte tag, byte[] payload) => Concat(new[] { tag, (byte)payload.Length }, payload);

    private static byte[] Matrix() => Concat(UInt32(0x00010000), UInt32(0), UInt32(0), UInt32(0), UInt32(0x00010000), UInt32(0), UInt32(0), UInt32(0), UInt32(0x40000000));

    private static byte[] Box(string type, byte[] payload) => Concat(UInt32(payload.Length + 8), Ascii(type), payload);

    private static byte[] FullBox(string type, byte version, uint flags, byte[] payload) =>
        Box(type, Concat(new[] { version, (byte)(flags >> 16), (byte)(flags >> 8), (byte)flags }, payload));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] UInt32(int value) => UInt32((uint)value);

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        WriteUInt32(bytes, 0, value);
        return bytes;
    }

    private static byte[] UInt16(int value) => new[] { (byte)(value >> 8), (byte)value };

    private static void WriteUInt32(byte[] target, int offset, uint value)
    {
        target[offset] = (byte)(value >> 24);
        target[offset + 1] = (byte)(value >> 16);
        target[offset + 2] = (byte)(value >> 8);
        target[offset + 3] = (byte)value;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        using var stream = new MemoryStream();
        foreach (var part in parts)
        {
            stream.Write(part, 0, part.Length);
        }

        return stream.ToArray();
    }
}
