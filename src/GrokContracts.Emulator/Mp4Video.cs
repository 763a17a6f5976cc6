using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GrokContracts.Emulator;

/// <summary>
/// A tiny, real, playable MP4 made in code: ISO-BMFF (<c>ftyp</c>, <c>moov</c>, <c>mdat</c>) holding one H.264
/// Constrained Baseline track of uncompressed (I_PCM) macroblocks — no encoder needed, and any player decodes it.
/// The bytes are deterministic.
/// </summary>
public static class Mp4Video
{
    private const int Width = 32;
    private const int Height = 32;
    private const int FramesPerSecond = 5;
    private const int FrameCount = 10;
    private const int Timescale = 1000;

    private static readonly Lazy<byte[]> Cached = new(Build);

    /// <summary>The MP4's bytes (2 seconds, 32x32 pixels, 5 frames per second, a moving colour gradient).</summary>
    public static ReadOnlyMemory<byte> Bytes => Cached.Value;

    /// <summary>The video's length.</summary>
    public static TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / FramesPerSecond);

    private static byte[] Build()
    {
        var sps = Sps();
        var pps = Pps();
        var samples = new List<byte[]>();
        for (var i = 0; i < FrameCount; i++)
        {
            var nal = IdrSlice(i);
            var sample = new byte[4 + nal.Length];
            WriteUInt32(sample, 0, (uint)nal.Length);
            Buffer.BlockCopy(nal, 0, sample, 4, nal.Length);
            samples.Add(sample);
        }

        var ftyp = Box("ftyp", Concat(Ascii("isom"), UInt32(0x200), Ascii("isom"), Ascii("iso2"), Ascii("avc1"), Ascii("mp41")));
        var moovSize = Moov(sps, pps, samples, 0).Length;
        var mdatOffset = (uint)(ftyp.Length + moovSize + 8);
        var moov = Moov(sps, pps, samples, mdatOffset);
        var mdat = Box("mdat", Concat(samples.ToArray()));
        return Concat(ftyp, moov, mdat);
    }

    private static byte[] Moov(byte[] sps, byte[] pps, List<byte[]> samples, uint mdatOffset)
    {
        var durationMs = (uint)(FrameCount * Timescale / FramesPerSecond);
        var mvhd = FullBox("mvhd", 0, 0, Concat(
            UInt32(0), UInt32(0), UInt32(Timescale), UInt32(durationMs),
            UInt32(0x00010000), UInt16(0x0100), new byte[10], Matrix(), new byte[24], UInt32(2)));
        var tkhd = FullBox("tkhd", 0, 3, Concat(
            UInt32(0), UInt32(0), UInt32(1), UInt32(0), UInt32(durationMs), new byte[8],
            UInt16(0), UInt16(0), UInt16(0), UInt16(0), Matrix(), UInt32(Width << 16), UInt32(Height << 16)));
        var mdhd = FullBox("mdhd", 0, 0, Concat(UInt32(0), UInt32(0), UInt32(Timescale), UInt32(durationMs), UInt16(0x55C4), UInt16(0)));
        var hdlr = FullBox("hdlr", 0, 0, Concat(UInt32(0), Ascii("vide"), new byte[12], Ascii("VideoHandler\0")));
        var vmhd = FullBox("vmhd", 0, 1, new byte[8]);
        var dinf = Box("dinf", FullBox("dref", 0, 0, Concat(UInt32(1), FullBox("url ", 0, 1, Array.Empty<byte>()))));
        var avcC = Box("avcC", Concat(
            new byte[] { 1, sps[1], sps[2], sps[3], 0xFF, 0xE1 }, UInt16((ushort)sps.Length), sps,
            new byte[] { 1 }, UInt16((ushort)pps.Length), pps));
        var compressor = new byte[32];
        var avc1 = Box("avc1", Concat(
            new byte[6], UInt16(1), new byte[16], UInt16(Width), UInt16(Height), UInt32(0x00480000), UInt32(0x00480000),
            UInt32(0), UInt16(1), compressor, UInt16(0x0018), UInt16(0xFFFF), avcC));
        var stsd = FullBox("stsd", 0, 0, Concat(UInt32(1), avc1));
        var stts = FullBox("stts", 0, 0, Concat(UInt32(1), UInt32((uint)FrameCount), UInt32(Timescale / FramesPerSecond)));
        var stsc = FullBox("stsc", 0, 0, Concat(UInt32(1), UInt32(1), UInt32((uint)FrameCount), UInt32(1)));
        var sizes = new List<byte[]> { UInt32(0), UInt32((uint)FrameCount) };
        foreach (var sample in samples)
        {
            sizes.Add(UInt32((uint)sample.Length));
        }

        var stsz = FullBox("stsz", 0, 0, Concat(sizes.ToArray()));
        var stco = FullBox("stco", 0, 0, Concat(UInt32(1), UInt32(mdatOffset)));
        var stbl = Box("stbl", Concat(stsd, stts, stsc, stsz, stco));
        var minf = Box("minf", Concat(vmhd, dinf, stbl));
        var mdia = Box("mdia", Concat(mdhd, hdlr, minf));
        var trak = Box("trak", Concat(tkhd, mdia));
        return Box("moov", Concat(mvhd, trak));
    }

    private static byte[] Sps()
    {
        var bits = new BitWriter();
        bits.Bits(66, 8);                  // profile_idc: Baseline
        bits.Bits(0xC0, 8);                // constraint_set0/1 (Constrained Baseline), reserved zeros
        bits.Bits(10, 8);                  // level_idc 1.0
        bits.Ue(0);                        // seq_parameter_set_id
        bits.Ue(0);                        // log2_max_frame_num_minus4
        bits.Ue(2);                        // pic_order_cnt_type 2: output order = decode order
        bits.Ue(1);                        // max_num_ref_frames
        bits.Bit(0);                       // gaps_in_frame_num_value_allowed_flag
        bits.Ue((Width / 16) - 1);         // pic_width_in_mbs_minus1
        bits.Ue((Height / 16) - 1);        // pic_height_in_map_units_minus1
        bits.Bit(1);                       // frame_mbs_only_flag
        bits.Bit(1);                       // direct_8x8_inference_flag
        bits.Bit(0);                       // frame_cropping_flag
        bits.Bit(0);                       // vui_parameters_present_flag
        bits.TrailingBits();
        return Nal(0x67, bits.ToArray());
    }

    private static byte[] Pps()
    {
        var bits = new BitWriter();
        bits.Ue(0);     // pic_parameter_set_id
        bits.Ue(0);     // seq_parameter_set_id
        bits.Bit(0);    // entropy_coding_mode_flag: CAVLC
        bits.Bit(0);    // bottom_field_pic_order_in_frame_present_flag
        bits.Ue(0);     // num_slice_groups_minus1
        bits.Ue(0);     // num_ref_idx_l0_default_active_minus1
        bits.Ue(0);     // num_ref_idx_l1_default_active_minus1
        bits.Bit(0);    // weighted_pred_flag
        bits.Bits(0, 2); // weighted_bipred_idc
        bits.Se(0);     // pic_init_qp_minus26
        bits.Se(0);     // pic_init_qs_minus26
        bits.Se(0);     // chroma_qp_index_offset
        bits.Bit(0);    // deblocking_filter_control_present_flag
        bits.Bit(0);    // constrained_intra_pred_flag
        bits.Bit(0);    // redundant_pic_cnt_present_flag
        bits.TrailingBits();
        return Nal(0x68, bits.ToArray());
    }

    private static byte[] IdrSlice(int frame)
    {
        var bits = new BitWriter();
        bits.Ue(0);              // first_mb_in_slice
        bits.Ue(7);              // slice_type: I (all slices)
        bits.Ue(0);              // pic_parameter_set_id
        bits.Bits(0, 4);         // frame_num (log2_max_frame_num = 4)
        bits.Ue(frame % 2);      // idr_pic_id: consecutive IDR pictures differ
        bits.Bit(0);             // no_output_of_prior_pics_flag
        bits.Bit(0);             // long_term_reference_flag
        bits.Se(0);              // slice_qp_delta
        var mbWidth = Width / 16;
        var mbCount = mbWidth * (Height / 16);
        for (var mb = 0; mb < mbCount; mb++)
        {
            bits.Ue(25);         // mb_type: I_PCM
            bits.AlignZero();    // pcm_alignment_zero_bit
            var mbX = mb % mbWidth;
            var mbY = mb / mbWidth;
            for (var y = 0; y < 16; y++)
            {
                for (var x = 0; x < 16; x++)
                {
                    // A diagonal gradient that moves with the frame; 16..235 keeps to video range (and away from 0x00).
                    var luma = 16 + (((mbX * 16) + x + (mbY * 16) + y + (frame * 12)) * 3 % 220);
                    bits.Bits(luma, 8);
                }
            }

            for (var plane = 0; plane < 2; plane++)
            {
                var chroma = plane == 0 ? 64 + (frame * 12) : 192 - (frame * 12);
                for (var i = 0; i < 64; i++)
                {
                    bits.Bits(chroma, 8);
                }
            }
        }

        bits.TrailingBits();
        return Nal(0x65, bits.ToArray());
    }

    /// <summary>A NAL unit: header byte, then the RBSP with emulation-prevention bytes inserted.</summary>
    private static byte[] Nal(byte header, byte[] rbsp)
    {
        var output = new List<byte>(rbsp.Length + 8) { header };
        var zeros = 0;
        foreach (var b in rbsp)
        {
            if (zeros >= 2 && b <= 3)
            {
                output.Add(3);
                zeros = 0;
            }

            output.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return output.ToArray();
    }

    private static byte[] Matrix() => Concat(UInt32(0x00010000), UInt32(0), UInt32(0), UInt32(0), UInt32(0x00010000), UInt32(0), UInt32(0), UInt32(0), UInt32(0x40000000));

    private static byte[] Box(string type, byte[] payload) => Concat(UInt32((uint)(payload.Length + 8)), Ascii(type), payload);

    private static byte[] FullBox(string type, byte version, uint flags, byte[] payload) =>
        Box(type, Concat(new[] { version, (byte)(flags >> 16), (byte)(flags >> 8), (byte)flags }, payload));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        WriteUInt32(bytes, 0, value);
        return bytes;
    }

    private static byte[] UInt32(int value) => UInt32((uint)value);

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

    /// <summary>MSB-first bit writer with Exp-Golomb codes, as H.264 headers need.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> bytes = new();
        private int current;
        private int count;

        public void Bit(int bit)
        {
            current = (current << 1) | (bit & 1);
            if (++count == 8)
            {
                bytes.Add((byte)current);
                current = 0;
                count = 0;
            }
        }

        public void Bits(int value, int width)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                Bit((value >> i) & 1);
            }
        }

        public void Ue(int value)
        {
            var coded = value + 1;
            var length = 0;
            for (var v = coded; v > 1; v >>= 1)
            {
                length++;
            }

            Bits(0, length);
            Bits(coded, length + 1);
        }

        public void Se(int value) => Ue(value <= 0 ? -2 * value : (2 * value) - 1);

        public void AlignZero()
        {
            while (count != 0)
            {
                Bit(0);
            }
        }

        public void TrailingBits()
        {
            Bit(1);
            AlignZero();
        }

        public byte[] ToArray() => bytes.ToArray();
    }
}
