// Memory and time of reading one evidence photo (the upload check and its thumbnail), against a plain full decode.
// Run: bash bench/photos.sh (makes the photos, then reads each in a fresh process so the peak is the reading's own).
#:project ../src/CivicPairing.Web/CivicPairing.Web.csproj
#:property Configuration=Release
using System.Diagnostics;
using System.Globalization;
using CivicPairing.Web.Infrastructure.Evidence;
using SkiaSharp;

static long StatusMegabytes(string field) => long.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal))
    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

if (args[0] == "make") // make <width> <height> <path without extension>: a photo-like picture as PNG and JPEG
{
    int width = int.Parse(args[1], CultureInfo.InvariantCulture), height = int.Parse(args[2], CultureInfo.InvariantCulture);
    using var bitmap = new SKBitmap(width, height);
    using (var canvas = new SKCanvas(bitmap))
    {
        canvas.Clear(new SKColor(0xB3, 0x26, 0x1E));
        using var paint = new SKPaint();
        var random = new Random(1);
        for (var i = 0; i < 3000; i++)
        {
            paint.Color = new SKColor((uint)random.Next() | 0xFF000000);
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(5, 80), paint);
        }
    }
    using var image = SKImage.FromBitmap(bitmap);
    File.WriteAllBytes(args[3] + ".png", image.Encode(SKEncodedImageFormat.Png, 85).ToArray());
    File.WriteAllBytes(args[3] + ".jpg", image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray());
    return;
}

// read|full <file>
var data = File.ReadAllBytes(args[1]);
GC.Collect();
var before = StatusMegabytes("VmRSS");
var clock = Stopwatch.StartNew();
string outcome;
if (args[0] == "full")
{
    using var decoded = SKBitmap.Decode(data);
    outcome = $"full decode {decoded.Width}×{decoded.Height}";
}
else
{
    var reading = Thumbnails.Read(new MemoryStream(data));
    outcome = $"{reading.Verdict} {reading.Width}×{reading.Height}";
}
Console.WriteLine($"{Path.GetFileName(args[1]),-8} {data.Length / 1024,6} KB  {args[0],-4}  {outcome,-28} {clock.ElapsedMilliseconds,5} ms  peak +{StatusMegabytes("VmHWM") - before} MB");
