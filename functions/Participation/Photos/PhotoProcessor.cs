using SkiaSharp;

namespace Participation.App.Photos;

/// <summary>
/// Turns what a resident uploads into pictures the site can serve: the bytes must be a JPEG, PNG or WebP by their content
/// (never by a file name), small enough in bytes and in pixels, and decodable. The pixels are then drawn upright (the EXIF
/// orientation applied), scaled to at most <see cref="MaxSide"/> px with a thumbnail of <see cref="ThumbnailSide"/> px, and
/// encoded afresh from pixels: nothing of the original file travels on, so EXIF, GPS, XMP and comments are gone.
/// </summary>
public sealed class PhotoProcessor
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 1600;
    public const int ThumbnailSide = 400;
    /// <summary>A 48-megapixel phone photo fits; a crafted header claiming more is refused before anything is allocated.</summary>
    public const long MaxPixels = 50_000_000;
    public const int MaxDimension = 12_000;

    public abstract record Outcome;
    public sealed record Processed(Picture Large, Picture Thumbnail) : Outcome;
    public sealed record Refused(string Code) : Outcome;

    public sealed record Picture(byte[] Bytes, string ContentType, int Width, int Height);

    public static class Codes
    {
        public const string Empty = "photo.empty";
        public const string TooLarge = "photo.too_large";
        public const string UnsupportedType = "photo.unsupported_type";
        public const string NotDecodable = "photo.not_decodable";
        public const string TooManyPixels = "photo.too_many_pixels";
    }

    public Outcome Process(ReadOnlySpan<byte> upload)
    {
        if (upload.IsEmpty)
        {
            return new Refused(Codes.Empty);
        }

        if (upload.Length > MaxBytes)
        {
            return new Refused(Codes.TooLarge);
        }

        if (Sniff(upload) is not { } format)
        {
            return new Refused(Codes.UnsupportedType);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return new Refused(Codes.NotDecodable);
        }

        // The header's dimensions, read before any pixel memory exists: a few hundred bytes can claim 100,000 × 100,000.
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || info.Width > MaxDimension || info.Height > MaxDimension
            || (long)info.Width * info.Height > MaxPixels)
        {
            return new Refused(Codes.TooManyPixels);
        }

        using var decoded = Decode(codec, info);
        if (decoded is null)
        {
            return new Refused(Codes.NotDecodable);
        }

        var origin = codec.EncodedOrigin;
        return new Processed(Render(decoded, origin, MaxSide, format), Render(decoded, origin, ThumbnailSide, format));
    }

    /// <summary>The format by the file's first bytes; the extension and the declared content type are not trusted.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return SKEncodedImageFormat.Jpeg;
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return SKEncodedImageFormat.Png;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return SKEncodedImageFormat.Webp;
        return null;
    }

    public static string ContentTypeOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "image/png",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => "image/jpeg",
    };

    private static SKBitmap? Decode(SKCodec codec, SKImageInfo header)
    {
        // A large JPEG decodes at 1/2, 1/4 or 1/8 of its size directly, which saves most of the memory, as long as the
        // result is still at least as large as the biggest picture we make from it.
        var longSide = Math.Max(header.Width, header.Height);
        var size = new SKSizeI(header.Width, header.Height);
        if (longSide > MaxSide)
        {
            var scaled = codec.GetScaledDimensions((float)MaxSide / longSide);
            if (Math.Max(scaled.Width, scaled.Height) >= MaxSide)
            {
                size = scaled;
            }
        }

        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    private static Picture Render(SKBitmap source, SKEncodedOrigin origin, int maxSide, SKEncodedImageFormat format)
    {
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = turned ? (source.Height, source.Width) : (source.Width, source.Height);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(uprightWidth, uprightHeight));
        var width = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        var height = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("No drawing surface for a picture within the size limits.");
        var canvas = surface.Canvas;
        canvas.Clear(format == SKEncodedImageFormat.Jpeg ? SKColors.White : SKColors.Transparent);
        canvas.Scale((float)width / uprightWidth, (float)height / uprightHeight);
        canvas.Concat(Upright(origin, source.Width, source.Height));
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint();
        canvas.DrawImage(image, SKRect.Create(source.Width, source.Height), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(format, 85) ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format}.");
        return new Picture(encoded.ToArray(), ContentTypeOf(format), width, height);
    }

    /// <summary>
    /// Maps the stored pixels (w × h) onto the upright picture, per the eight EXIF orientations:
    /// x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.
    /// </summary>
    internal static SKMatrix Upright(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
