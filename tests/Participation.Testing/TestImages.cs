using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Participation.Testing;

/// <summary>Pictures made in the test instead of committed binaries: a camera-like JPEG with EXIF GPS and orientation, a PNG bomb.</summary>
public static class TestImages
{
    /// <summary>A w × h picture, grey with a red block in its top-left corner (so a rotation can be seen in the output).</summary>
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, byte shade = 128)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(shade, shade, shade));
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(SKRect.Create(width / 5f, height / 5f), red);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF APP1 segment as a phone writes it: orientation (6 = turn 90° clockwise to view) and a GPS
    /// position (52°5'12.34" N, 5°7'8.9" E), in a big-endian TIFF structure.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[140];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        // IFD0 at 8: orientation and the pointer to the GPS IFD (at 38).
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 2);
        Entry(span[10..], 0x0112, 3, 1, (uint)orientation << 16);
        Entry(span[22..], 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt32BigEndian(span[34..], 0);
        // GPS IFD at 38: latitude ref and value (rationals at 92), longitude ref and value (rationals at 116).
        BinaryPrimitives.WriteUInt16BigEndian(span[38..], 4);
        Entry(span[40..], 0x0001, 2, 2, (uint)'N' << 24);
        Entry(span[52..], 0x0002, 5, 3, 92);
        Entry(span[64..], 0x0003, 2, 2, (uint)'E' << 24);
        Entry(span[76..], 0x0004, 5, 3, 116);
        BinaryPrimitives.WriteUInt32BigEndian(span[88..], 0);
        Rationals(span[92..], (52, 1), (5, 1), (1234, 100));
        Rationals(span[116..], (5, 1), (7, 1), (890, 100));

        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = (ushort)(2 + 6 + tiff.Length);
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);

        // After SOI and, when there is one, the JFIF APP0 segment.
        var insertAt = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            insertAt = 4 + (jpeg[4] << 8 | jpeg[5]);
        }

        return [.. jpeg[..insertAt], .. app1, .. jpeg[insertAt..]];
    }

    /// <summary>The markers of a JPEG up to its image data: what metadata segments (APPn, COM) it carries.</summary>
    public static IReadOnlyList<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            if (marker == 0xDA) break; // start of scan: pixels follow
            var length = jpeg[at + 2] << 8 | jpeg[at + 3];
            segments.Add((marker, jpeg[(at + 4)..(at + 2 + length)]));
            at += 2 + length;
        }

        return segments;
    }

    /// <summary>A valid PNG header claiming width × height pixels, with almost no data: a decompression bomb's shape.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(bytes, "IHDR", header);
        Chunk(bytes, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(bytes, "IEND", []);
        return [.. bytes];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    private static void Rationals(Span<byte> at, params (uint Numerator, uint Denominator)[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(at[(i * 8)..], values[i].Numerator);
            BinaryPrimitives.WriteUInt32BigEndian(at[(i * 8 + 4)..], values[i].Denominator);
        }
    }

    private static void Chunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.AddRange(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.AddRange(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.AddRange(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        return ~crc;
    }
}
