using System.Text;
using CivicPairing.Web.Infrastructure.Evidence;

namespace CivicPairing.UnitTests.Web;

public sealed class EvidenceTypes
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg", ".jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png", ".png")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf", ".pdf")]
    public void RecognisesPhotosAndPdfByTheirFirstBytes(byte[] head, string contentType, string extension) =>
        Assert.Equal((contentType, extension), EvidenceUploads.Detect(head));

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("<!DOCTYPE html><html>")]
    [InlineData("MZ\u0090\0")]
    [InlineData("GIF89a")]
    [InlineData("")]
    public void RefusesEverythingElse(string head) => Assert.Null(EvidenceUploads.Detect(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void RefusesATruncatedPngSignature() => Assert.Null(EvidenceUploads.Detect(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
}
