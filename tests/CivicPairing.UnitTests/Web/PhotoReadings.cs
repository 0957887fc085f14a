using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure.Evidence;
using SkiaSharp;

namespace CivicPairing.UnitTests.Web;

/// <summary>Evidence photos: size from the header before any decoding, every row decoded, a small upright thumbnail.</summary>
public sealed class PhotoReadings
{
    private static PhotoReading Read(byte[] file) => Thumbnails.Read(new MemoryStream(file));

    [Theory]
    [InlineData(65_535, 65_535)]
    [InlineData(16_000, 16_000)]
    [InlineData(8_000, 5_001)] // 40,008,000: just over
    public void RefusesMoreThanFortyMegapixelsFromTheHeaderAlone(int width, int height)
    {
        var reading = Read(TestImages.DeclaredPng(width, height));

        Assert.Equal((PhotoVerdict.TooManyPixels, width, height, (byte[]?)null), (reading.Verdict, reading.Width, reading.Height, reading.Thumbnail));
    }

    [Fact]
    public void ReadsTheDeclaredSizeAtTheLimitAndThenFindsTheRowsMissing()
    {
        // 8,000 × 5,000 is exactly 40 MP: allowed, so the rows are read, and most of them are not there.
        var reading = Read(TestImages.DeclaredPng(8_000, 5_000));

        Assert.Equal((PhotoVerdict.Incomplete, 8_000, 5_000), (reading.Verdict, reading.Width, reading.Height));
    }

    [Fact]
    public void RefusesASixteenThousandSquarePngOfAFewKilobytesWithoutDecodingIt()
    {
        var file = TestImages.BlankPng(16_000, 16_000);
        Assert.True(file.Length < 300 * 1024, $"{file.Length} bytes");
        using (var codec = SKCodec.Create(new MemoryStream(file)))
        {
            Assert.Equal(new SKSizeI(16_000, 16_000), codec.Info.Size); // a real, complete image
        }

        Assert.Equal(PhotoVerdict.TooManyPixels, Read(file).Verdict);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void RefusesAJpegCutShort(double kept) =>
        Assert.Equal(PhotoVerdict.Incomplete, Read(TestImages.CutShort(TestImages.Jpeg(1600, 1200), kept)).Verdict);

    [Theory]
    [InlineData(640, 480)] // decoded in one piece
    [InlineData(4000, 3000)] // 48 MB of pixels: decoded a band of rows at a time
    public void RefusesAPngCutShort(int width, int height) =>
        Assert.Equal(PhotoVerdict.Incomplete, Read(TestImages.CutShort(TestImages.Png(width, height), 0.7)).Verdict);

    [Fact]
    public void RefusesBytesThatOnlyStartLikeAPhoto()
    {
        byte[] signatureOnly = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "not really a png"u8];
        Assert.Equal(PhotoVerdict.Damaged, Read(signatureOnly).Verdict);
    }

    [Theory]
    [InlineData("jpeg", 1600, 1200, 320, 240)] // decoded by the JPEG decoder at 2/8 scale
    [InlineData("jpeg", 7000, 5000, 320, 229)] // 35 MP, decoded at 1/8
    [InlineData("png", 1600, 1200, 320, 240)] // small enough for one piece
    [InlineData("png", 5000, 7000, 229, 320)] // 140 MB of pixels in full, decoded in bands of at most 16 MB
    [InlineData("png", 200, 100, 200, 100)] // smaller than a thumbnail: kept at its size
    public void MakesASmallUprightThumbnailThatLooksLikeThePhoto(string format, int width, int height, int thumbWidth, int thumbHeight)
    {
        var reading = Read(format == "png" ? TestImages.Png(width, height) : TestImages.Jpeg(width, height));

        Assert.Equal((PhotoVerdict.Readable, width, height), (reading.Verdict, reading.Width, reading.Height));
        using var thumbnail = SKBitmap.Decode(reading.Thumbnail);
        Assert.Equal((thumbWidth, thumbHeight), (thumbnail.Width, thumbnail.Height));
        AssertNear(TestImages.Background, thumbnail.GetPixel(2, 2)); // the corner keeps the background
        AssertNear(TestImages.Background, thumbnail.GetPixel(thumbWidth - 3, thumbHeight - 3));
        AssertNear(SKColors.White, thumbnail.GetPixel(thumbWidth / 2, thumbHeight / 2)); // the circle stays in the middle
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        var distance = Math.Max(Math.Abs(expected.Red - actual.Red), Math.Max(Math.Abs(expected.Green - actual.Green), Math.Abs(expected.Blue - actual.Blue)));
        Assert.True(distance <= 24, $"expected about {expected}, got {actual}");
    }
}
