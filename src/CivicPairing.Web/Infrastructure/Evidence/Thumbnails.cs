using System.Runtime.InteropServices;
using SkiaSharp;

namespace CivicPairing.Web.Infrastructure.Evidence;

/// <summary>What reading an uploaded photo found.</summary>
public enum PhotoVerdict
{
    /// <summary>Every pixel decoded; <see cref="PhotoReading.Thumbnail"/> is set.</summary>
    Readable,
    /// <summary>Not an image the decoder understands, or its data is corrupt.</summary>
    Damaged,
    /// <summary>The data stops before the last row (an upload or copy cut short).</summary>
    Incomplete,
    /// <summary>The header declares more than <see cref="Thumbnails.MaxPixels"/> pixels; nothing was decoded.</summary>
    TooManyPixels,
}

public sealed record PhotoReading(PhotoVerdict Verdict, int Width, int Height, byte[]? Thumbnail);

/// <summary>
/// Reads evidence photos without letting a small file claim a large amount of memory: the size comes from the header
/// first and is refused above <see cref="MaxPixels"/>; a JPEG is decoded at a reduced scale (libjpeg's 1/8…8/8), a PNG a
/// band of rows at a time and averaged down as it goes. Every row must decode, so a file cut short is refused. The
/// result is a small JPEG, turned upright the way the phone's camera meant it.
/// </summary>
public static class Thumbnails
{
    public const int MaxSide = 320;

    /// <summary>
    /// 40 megapixels (7,746 × 5,164): more than the photos phones save by default (12 or 50 MP binned to 12.5), far
    /// below what a pixel bomb declares (65,535² is 4,295 MP).
    /// </summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Most bytes of decoded pixels held at once while reading a PNG (a band of full-width rows).</summary>
    internal const int BandBytes = 16 * 1024 * 1024;

    /// <summary>Checks the photo and makes its thumbnail in one reading.</summary>
    public static PhotoReading Read(Stream content)
    {
        using var codec = SKCodec.Create(content, out _);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return new PhotoReading(PhotoVerdict.Damaged, 0, 0, null);
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels)
        {
            return new PhotoReading(PhotoVerdict.TooManyPixels, width, height, null);
        }
        var (verdict, decoded) = DecodeSmall(codec);
        using (decoded)
        {
            if (decoded is null)
            {
                return new PhotoReading(verdict, width, height, null);
            }
            return new PhotoReading(PhotoVerdict.Readable, width, height, Encode(decoded, codec.EncodedOrigin));
        }
    }

    /// <summary>The whole image at a size no smaller than <see cref="MaxSide"/> on its long side (where the image is that big).</summary>
    private static (PhotoVerdict Verdict, SKBitmap? Bitmap) DecodeSmall(SKCodec codec)
    {
        var full = codec.Info;
        var scaled = ScaledSize(codec);
        if (scaled != full.Size || (long)full.Width * full.Height * 4 <= BandBytes)
        {
            // One pass at the scale the decoder offers (a JPEG's DCT scaling), or a small image at full size.
            var info = new SKImageInfo(scaled.Width, scaled.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
            var bitmap = new SKBitmap(info);
            var result = codec.GetPixels(info, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                bitmap.Dispose();
                return (VerdictOf(result), null);
            }
            return (PhotoVerdict.Readable, bitmap);
        }
        return DecodeInBands(codec);
    }

    /// <summary>The smallest size the decoder can produce directly whose long side still reaches <see cref="MaxSide"/>.</summary>
    private static SKSizeI ScaledSize(SKCodec codec)
    {
        var full = codec.Info.Size;
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (size.Width < full.Width && Math.Max(size.Width, size.Height) >= MaxSide)
            {
                return size;
            }
        }
        return full;
    }

    /// <summary>
    /// Decodes a band of full-width rows at a time and averages each k × k block into one pixel, k chosen so the result
    /// keeps at least <see cref="MaxSide"/> on its long side. Memory: one band (≤ <see cref="BandBytes"/>) and the result.
    /// </summary>
    private static (PhotoVerdict Verdict, SKBitmap? Bitmap) DecodeInBands(SKCodec codec)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var k = Math.Max(1, Math.Max(width, height) / MaxSide);
        var outWidth = (width + k - 1) / k;
        var outHeight = (height + k - 1) / k;
        var fullInfo = new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        var rowBytes = fullInfo.RowBytes;
        var bandRows = Math.Min(height, Math.Max(k, BandBytes / rowBytes / k * k));
        var band = GC.AllocateUninitializedArray<byte>(rowBytes * bandRows, pinned: true);
        var result = new byte[outWidth * outHeight * 4];
        var sums = new int[outWidth * 4];
        var bandPixels = Marshal.UnsafeAddrOfPinnedArrayElement(band, 0);
        for (var top = 0; top < height; top += bandRows)
        {
            var rows = Math.Min(bandRows, height - top);
            var options = new SKCodecOptions(new SKRectI(0, top, width, top + rows));
            var started = codec.StartIncrementalDecode(fullInfo, bandPixels, rowBytes, options);
            if (started != SKCodecResult.Success)
            {
                return (VerdictOf(started), null);
            }
            var decoded = codec.IncrementalDecode(out _);
            if (decoded != SKCodecResult.Success)
            {
                return (VerdictOf(decoded), null);
            }
            for (var blockTop = 0; blockTop < rows; blockTop += k)
            {
                AverageBlockRow(band, rowBytes, width, blockTop, Math.Min(k, rows - blockTop), k, sums, result.AsSpan((top + blockTop) / k * outWidth * 4, outWidth * 4));
            }
        }
        var bitmap = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        Marshal.Copy(result, 0, bitmap.GetPixels(), result.Length);
        return (PhotoVerdict.Readable, bitmap);
    }

    /// <summary>One row of the reduced image: the average of each block of <paramref name="blockRows"/> rows × k columns.</summary>
    private static void AverageBlockRow(byte[] band, int rowBytes, int width, int firstRow, int blockRows, int k, int[] sums, Span<byte> output)
    {
        Array.Clear(sums);
        for (var y = firstRow; y < firstRow + blockRows; y++)
        {
            var row = band.AsSpan(y * rowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                var o = x / k * 4;
                var p = x * 4;
                sums[o] += row[p];
                sums[o + 1] += row[p + 1];
                sums[o + 2] += row[p + 2];
                sums[o + 3] += row[p + 3];
            }
        }
        for (var o = 0; o < output.Length; o += 4)
        {
            var columns = Math.Min(k, width - o / 4 * k);
            var count = columns * blockRows;
            for (var c = 0; c < 4; c++)
            {
                output[o + c] = (byte)((sums[o + c] + count / 2) / count);
            }
        }
    }

    private static PhotoVerdict VerdictOf(SKCodecResult result) =>
        result == SKCodecResult.IncompleteInput ? PhotoVerdict.Incomplete : PhotoVerdict.Damaged;

    /// <summary>A JPEG no larger than <see cref="MaxSide"/> on its long side, upright.</summary>
    private static byte[] Encode(SKBitmap decoded, SKEncodedOrigin origin)
    {
        using var upright = Orient(decoded, origin);
        var scale = Math.Min(1.0, MaxSide / (double)Math.Max(upright.Width, upright.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(upright.Width * scale)), Math.Max(1, (int)Math.Round(upright.Height * scale)));
        using var small = upright.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("Resizing a decoded photo failed.");
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
