using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>Real, decodable photos for upload tests, and the broken or hostile files a probe would send.</summary>
public static class TestImages
{
    public static readonly SKColor Background = new(0xB3, 0x26, 0x1E);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        return (bitmap.Width, bitmap.Height);
    }

    /// <summary>The first <paramref name="fraction"/> of the file, as an upload cut short leaves it.</summary>
    public static byte[] CutShort(byte[] image, double fraction) => image[..(int)(image.Length * fraction)];

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels of 8-bit RGB but whose data
    /// holds a couple of rows only: a few hundred bytes that a naive decoder would allocate width × height × 4 bytes for.
    /// </summary>
    public static byte[] DeclaredPng(int width, int height)
    {
        var row = new byte[(int)Math.Min(1 + width * 3L, 1 << 20)];
        return PngFile(width, height, bitDepth: 8, colorType: 2, Deflate(writer =>
        {
            writer.Write(row);
            writer.Write(row);
        }));
    }

    /// <summary>
    /// A complete, valid, black 1-bit greyscale PNG: every row present, and still only a few tens of kilobytes
    /// however many pixels it has (16,000 × 16,000 is about 32 KB), because its rows compress to almost nothing.
    /// </summary>
    public static byte[] BlankPng(int width, int height)
    {
        var row = new byte[1 + (width + 7) / 8];
        return PngFile(width, height, bitDepth: 1, colorType: 0, Deflate(writer =>
        {
            for (var y = 0; y < height; y++)
            {
                writer.Write(row);
            }
        }));
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Background);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 85).ToArray();
    }

    private static byte[] Deflate(Action<Stream> write)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            write(zlib);
        }
        return compressed.ToArray();
    }

    private static byte[] PngFile(int width, int height, byte bitDepth, byte colorType, byte[] idat)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType; // compression, filter and interlace methods stay 0
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", idat);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        file.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
