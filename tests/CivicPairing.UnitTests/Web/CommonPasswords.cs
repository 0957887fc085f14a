using CivicPairing.Web.Identity;

namespace CivicPairing.UnitTests.Web;

/// <summary>The common-password rule: the list, and a common password dressed up to meet the composition rules.</summary>
public sealed class CommonPasswords
{
    [Theory]
    [InlineData("Password1!")]     // a listed word with a digit and a symbol added
    [InlineData("PASSWORD1!")]     // case does not matter
    [InlineData("Aa123456!")]      // a listed password with a symbol
    [InlineData("Qwerty123!")]
    [InlineData("P@ssw0rd2026!")]  // l33t spelling and a year
    [InlineData("!!Welcome2026")]  // decorations before the word too
    [InlineData("Ab1234567890!")]  // two letters on a listed run of digits
    [InlineData("Iloveyou520!")]
    [InlineData("Woaini1314!")]
    [InlineData("1qaz2wsx3edc")]   // a listed keyboard walk as it is
    public void RefusesACommonPassword(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("Demo@2026pass")]  // the demo accounts' password (README)
    [InlineData("Sturdy#Lantern42")]
    [InlineData("Quiet#Harbour58")]
    [InlineData("Liaison@2026x")]
    [InlineData("Right@password1")]
    [InlineData("Handed@Over2026")]
    [InlineData("Own@Choice2026")]
    [InlineData("wenMing#Jindun7Xq")]
    public void AcceptsAPasswordThatIsNotCommon(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void ReadsTheWholeList() =>
        Assert.All(new[] { "123456", "password", "qwerty123", "1qaz2wsx", "woaini1314", "wenmingban" }, p => Assert.True(CommonPasswordValidator.IsCommon(p), p));
}
