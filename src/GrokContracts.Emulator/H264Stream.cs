using System;
using System.Collections.Generic;

namespace GrokContracts.Emulator;

/// <summary>
/// A tiny H.264 Constrained Baseline stream of any even size, made without an encoder: one IDR picture whose
/// macroblocks are all Intra 16x16 with no residual (a flat mid-grey picture, about 6 bits per macroblock), then
/// P pictures that skip every macroblock (a few bytes each). CAVLC, one slice per picture.
/// </summary>
internal sealed class H264Stream
{
    private const int Log2MaxFrameNum = 4;

    public H264Stream(int width, int height)
    {
        Width = width;
        Height = height;
        MbWidth = (width + 15) / 16;
        MbHeight = (height + 15) / 16;
        Sps = BuildSps();
        Pps = BuildPps();
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Sps { get; }

    public byte[] Pps { get; }

    private int MbWidth { get; }

    private int MbHeight { get; }

    private int MbCount => MbWidth * MbHeight;

    /// <summary>The NAL unit of picture <paramref name="index"/>: the IDR picture first, then skipped P pictures.</summary>
    public byte[] Picture(int index) => index == 0 ? IdrSlice() : SkippedPSlice(index);

    private byte[] BuildSps()
    {
        var bits = new BitWriter();
        bits.Bits(66, 8);                   // profile_idc: Baseline
        bits.Bits(0xC0, 8);                 // constraint_set0/1 (Constrained Baseline), reserved zeros
        bits.Bits(LevelIdc(), 8);           // level_idc
        bits.Ue(0);                         // seq_parameter_set_id
        bits.Ue(Log2MaxFrameNum - 4);       // log2_max_frame_num_minus4
        bits.Ue(2);                         // pic_order_cnt_type 2: output order = decode order
        bits.Ue(1);                         // max_num_ref_frames
        bits.Bit(0);                        // gaps_in_frame_num_value_allowed_flag
        bits.Ue(MbWidth - 1);               // pic_width_in_mbs_minus1
        bits.Ue(MbHeight - 1);              // pic_height_in_map_units_minus1
        bits.Bit(1);                        // frame_mbs_only_flag
        bits.Bit(1);                        // direct_8x8_inference_flag
        var cropRight = ((MbWidth * 16) - Width) / 2;   // in 2-pixel units (4:2:0)
        var cropBottom = ((MbHeight * 16) - Height) / 2;
        bits.Bit(cropRight > 0 || cropBottom > 0 ? 1 : 0); // frame_cropping_flag
        if (cropRight > 0 || cropBottom > 0)
        {
            bits.Ue(0);
            bits.Ue(cropRight);
            bits.Ue(0);
            bits.Ue(cropBottom);
        }

        bits.Bit(0);                        // vui_parameters_present_flag
        bits.TrailingBits();
        return Nal(0x67, bits.ToArray());
    }

    private static byte[] BuildPps()
    {
        var bits = new BitWriter();
        bits.Ue(0);      // pic_parameter_set_id
        bits.Ue(0);      // seq_parameter_set_id
        bits.Bit(0);     // entropy_coding_mode_flag: CAVLC
        bits.Bit(0);     // bottom_field_pic_order_in_frame_present_flag
        bits.Ue(0);      // num_slice_groups_minus1
        bits.Ue(0);      // num_ref_idx_l0_default_active_minus1
        bits.Ue(0);      // num_ref_idx_l1_default_active_minus1
        bits.Bit(0);     // weighted_pred_flag
        bits.Bits(0, 2); // weighted_bipred_idc
        bits.Se(0);      // pic_init_qp_minus26
        bits.Se(0);      // pic_init_qs_minus26
        bits.Se(0);      // chroma_qp_index_offset
        bits.Bit(0);     // deblocking_filter_control_present_flag
        bits.Bit(0);     // constrained_intra_pred_flag
        bits.Bit(0);     // redundant_pic_cnt_present_flag
        bits.TrailingBits();
        return Nal(0x68, bits.ToArray());
    }

    private byte[] IdrSlice()
    {
        var bits = new BitWriter();
        bits.Ue(0);                     // first_mb_in_slice
        bits.Ue(7);                     // slice_type: I (all slices)
        bits.Ue(0);                     // pic_parameter_set_id
        bits.Bits(0, Log2MaxFrameNum);  // frame_num
        bits.Ue(0);                     // idr_pic_id
        bits.Bit(0);                    // no_output_of_prior_pics_flag
        bits.Bit(0);                    // long_term_reference_flag
        bits.Se(0);                     // slice_qp_delta
        for (var mb = 0; mb < MbCount; mb++)
        {
            // mb_type I_16x16_<mode>_0_0 (no residual but the luma DC block): DC for the first macroblock (no
            // neighbours), horizontal along the first row, vertical below. Every prediction stays at 128: flat grey.
            bits.Ue(mb == 0 ? 3 : mb < MbWidth ? 2 : 1);
            bits.Ue(0);                 // intra_chroma_pred_mode: DC
            bits.Se(0);                 // mb_qp_delta
            bits.Bit(1);                // Intra16x16DCLevel coeff_token, nC 0..1: TotalCoeff 0
        }

        bits.TrailingBits();
        return Nal(0x65, bits.ToArray());
    }

    private byte[] SkippedPSlice(int index)
    {
        var bits = new BitWriter();
        bits.Ue(0);                                            // first_mb_in_slice
        bits.Ue(5);                                            // slice_type: P (all slices)
        bits.Ue(0);                                            // pic_parameter_set_id
        bits.Bits(index % (1 << Log2MaxFrameNum), Log2MaxFrameNum); // frame_num: each picture is a reference
        bits.Bit(0);                                           // num_ref_idx_active_override_flag
        bits.Bit(0);                                           // ref_pic_list_modification_flag_l0
        bits.Bit(0);                                           // adaptive_ref_pic_marking_mode_flag: sliding window
        bits.Se(0);                                            // slice_qp_delta
        bits.Ue(MbCount);                                      // mb_skip_run: every macroblock
        bits.TrailingBits();
        return Nal(0x61, bits.ToArray());
    }

    /// <summary>The lowest level whose frame size (in macroblocks, and per side) fits; 5 fps keeps every rate limit.</summary>
    private int LevelIdc()
    {
        ReadOnlySpan<(int Idc, int MaxFrameMbs)> levels =
        [
            (10, 99), (20, 396), (21, 792), (30, 1620), (31, 3600), (32, 5120), (40, 8192), (42, 8704), (50, 22080), (51, 36864), (60, 139264),
        ];
        var side = Math.Max(MbWidth, MbHeight);
        foreach (var (idc, maxFrameMbs) in levels)
        {
            if (MbCount <= maxFrameMbs && side * side <= 8 * maxFrameMbs)
            {
                return idc;
            }
        }

        return 62;
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

    /// <summary>MSB-first bit writer with Exp-Golomb codes, as H.264 headers need.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = new();
        private int _current;
        private int _count;

        public void Bit(int bit)
        {
            _current = (_current << 1) | (bit & 1);
            if (++_count == 8)
            {
                _bytes.Add((byte)_current);
                _current = 0;
                _count = 0;
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

        public void TrailingBits()
        {
            Bit(1);
            while (_count != 0)
            {
                Bit(0);
            }
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
