using SkiaSharp;

namespace CivicPairing.Web.Infrastructure.Evidence;

/// <summary>Small JPEGs of evidence photos, turned upright the way the phone's camera meant them.</summary>
public static class Thumbnails
{
    public const int MaxSide = 320;

    /// <summary>True when the bytes decode as an image (a file with a photo's first bytes may still be broken).</summary>
    public static bool CanDecode(Stream content)
    {
        using var codec = SKCodec.Create(content);
        return codec is not null && codec.Info.Width > 0 && codec.Info.Height > 0;
    }

    /// <summary>A JPEG no larger than <see cref="MaxSide"/> on its long side, or null if the image cannot be read.</summary>
    public static byte[]? Create(Stream content)
    {
        using var codec = SKCodec.Create(content);
        if (codec is null)
        {
            return null;
        }
        using var original = SKBitmap.Decode(codec);
        if (original is null)
        {
            return null;
        }
        using var upright = Orient(original, codec.EncodedOrigin);
        var scale = Math.Min(1.0, MaxSide / (double)Math.Max(upright.Width, upright.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(upright.Width * scale)), Math.Max(1, (int)(upright.Height * scale)));
        using var small = upright.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (small is null)
        {
            return null;
        }
        using var image = SKImage.FromBitmap(small);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return jpeg.ToArray();
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degrees == 0)
        {
            return bitmap.Copy();
        }
        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return rotated;
    }
}
