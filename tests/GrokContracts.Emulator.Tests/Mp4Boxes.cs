using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GrokContracts.Emulator.Tests;

/// <summary>Reads an MP4's box tree (ISO/IEC 14496-12) as far as the tests need: no ffprobe.</summary>
internal sealed record Mp4Boxes(string Type, int Offset, int Size, IReadOnlyList<Mp4Boxes> Children)
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "dinf"];

    public static IReadOnlyList<Mp4Boxes> Read(byte[] file) => ReadRange(file, 0, file.Length);

    /// <summary>The track summaries: handler type, tkhd width × height, mdhd duration in seconds.</summary>
    public static IReadOnlyList<(string Handler, int Width, int Height, double Seconds)> Tracks(byte[] file)
    {
        var moov = Read(file).Single(b => b.Type == "moov");
        return moov.Children.Where(b => b.Type == "trak").Select(trak =>
        {
            var tkhd = trak.Child("tkhd");
            var mdia = trak.Child("mdia");
            var hdlr = mdia.Child("hdlr");
            var mdhd = mdia.Child("mdhd");
            var handler = Encoding.ASCII.GetString(file, hdlr.Offset + 16, 4);
            var width = (int)(U32(file, tkhd.Offset + tkhd.Size - 8) >> 16);
            var height = (int)(U32(file, tkhd.Offset + tkhd.Size - 4) >> 16);
            var seconds = (double)U32(file, mdhd.Offset + 24) / U32(file, mdhd.Offset + 20);
            return (handler, width, height, seconds);
        }).ToArray();
    }

    /// <summary>The mvhd timescale and duration.</summary>
    public static (uint Timescale, uint Duration) MovieHeader(byte[] file)
    {
        var mvhd = Read(file).Single(b => b.Type == "moov").Child("mvhd");
        return (U32(file, mvhd.Offset + 20), U32(file, mvhd.Offset + 24));
    }

    public static uint U32(byte[] file, int offset) => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));

    public Mp4Boxes Child(string type) => Children.Single(c => c.Type == type);

    public IEnumerable<Mp4Boxes> Descendants() => Children.SelectMany(c => new[] { c }.Concat(c.Descendants()));

    private static List<Mp4Boxes> ReadRange(byte[] file, int start, int end)
    {
        var boxes = new List<Mp4Boxes>();
        var offset = start;
        while (offset < end)
        {
            var size = (int)U32(file, offset);
            Assert.True(size >= 8 && offset + size <= end, "box at " + offset + " overruns its parent");
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var children = Containers.Contains(type) ? ReadRange(file, offset + 8, offset + size) : [];
            boxes.Add(new Mp4Boxes(type, offset, size, children));
            offset += size;
        }

        Assert.Equal(end, offset);
        return boxes;
    }
}
