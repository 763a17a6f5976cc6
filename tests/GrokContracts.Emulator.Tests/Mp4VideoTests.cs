using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace GrokContracts.Emulator.Tests;

/// <summary>The emulator's MP4 is a well-formed ISO-BMFF file with one H.264 video track.</summary>
public sealed class Mp4VideoTests
{
    [Fact]
    public void Top_level_boxes_are_ftyp_moov_mdat_and_cover_the_file()
    {
        var bytes = Mp4Video.Bytes.Span;
        var boxes = new List<string>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(offset));
            Assert.True(size >= 8 && offset + size <= bytes.Length);
            boxes.Add(Encoding.ASCII.GetString(bytes.Slice(offset + 4, 4)));
            offset += size;
        }

        Assert.Equal(new[] { "ftyp", "moov", "mdat" }, boxes);
        Assert.Equal(bytes.Length, offset);
    }

    [Fact]
    public void Holds_an_avc1_track_whose_chunk_offset_points_into_mdat()
    {
        var bytes = Mp4Video.Bytes.ToArray();
        var text = Encoding.ASCII.GetString(bytes);
        foreach (var box in new[] { "mvhd", "trak", "tkhd", "mdia", "mdhd", "hdlr", "vide", "minf", "vmhd", "stbl", "stsd", "avc1", "avcC", "stts", "stsc", "stsz", "stco" })
        {
            Assert.Contains(box, text, StringComparison.Ordinal);
        }

        var stco = text.IndexOf("stco", StringComparison.Ordinal);
        var chunkOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(stco + 12));
        var mdat = text.IndexOf("mdat", StringComparison.Ordinal);
        Assert.Equal(mdat + 4, chunkOffset);

        // The first sample is a length-prefixed IDR slice NAL unit (type 5).
        var nalLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(chunkOffset));
        Assert.InRange(nalLength, 100, bytes.Length);
        Assert.Equal(5, bytes[chunkOffset + 4] & 0x1F);
        Assert.Equal(TimeSpan.FromSeconds(2), Mp4Video.Duration);
    }
}
