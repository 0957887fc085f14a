using System.Net;
using System.Text.RegularExpressions;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, reads the anti-forgery token from the page it posts from.</summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public const string DemoPassword = "Demo@2026pass";

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password = DemoPassword)
    {
        var response = await PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        return response;
    }

    public static async Task<PortalClient> SignedInAsync(PortalFactory factory, string userName)
    {
        var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(userName);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {response.StatusCode}");
        }
        return client;
    }

    /// <summary>
    /// Signs in an account the administrator created or reset and chooses the user's own password, as the portal
    /// requires before any other page; fails the test if either step does not go through.
    /// </summary>
    public static async Task<PortalClient> FirstSignInAsync(PortalFactory factory, string userName, string initialPassword, string ownPassword = OwnPassword)
    {
        var client = factory.CreatePortalClient();
        var login = await client.LoginAsync(userName, initialPassword);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {login.StatusCode}");
        }
        var change = await client.ChangePasswordAsync(initialPassword, ownPassword);
        if (change.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{userName} could not choose a password: {change.StatusCode}");
        }
        return client;
    }

    /// <summary>The password a test user chooses at first sign-in.</summary>
    public const string OwnPassword = "Own@Choice2026";

    /// <summary>Posts the change-password form of the signed-in user.</summary>
    public Task<HttpResponseMessage> ChangePasswordAsync(string current, string next, string? confirm = null) =>
        PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm ?? next,
        });

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}");
        }
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs the page holding the form, then posts the fields with that page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = TokenFrom(await GetPageAsync(formPage));
        return await PostWithTokenAsync(action, fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), token);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = TokenFrom(await GetPageAsync(formPage));
        return await PostWithTokenAsync(action, fields, token);
    }

    public Task<HttpResponseMessage> PostWithTokenAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(KeyValuePair.Create("__RequestVerificationToken", token));
        }
        return http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public async Task<HttpResponseMessage> PostFileAsync(string formPage, string action, string fileName, byte[] content)
    {
        var token = TokenFrom(await GetPageAsync(formPage));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await http.PostAsync(action, form);
    }

    /// <summary>Posts a multipart form (fields and files) with the token of the page it was on.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, Dictionary<string, string> fields, params (string Name, string FileName, byte[] Content)[] files)
    {
        var token = TokenFrom(await GetPageAsync(formPage));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        foreach (var (name, fileName, content) in files)
        {
            form.Add(new ByteArrayContent(content), name, fileName);
        }
        return await http.PostAsync(action, form);
    }

    public static string TokenFrom(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token on the page.");

    /// <summary>The text of the validation message shown beside a field.</summary>
    public static string? FieldError(string html, string field)
    {
        var m = Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</(?:span|div)>", RegexOptions.Singleline);
        if (m.Success && m.Groups[1].Value.Trim().Length > 0)
        {
            return WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim();
        }
        var feedback = Regex.Match(html, $"id=\"{Regex.Escape(field)}-?[Ee]rror\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        return feedback.Success && feedback.Groups[1].Value.Trim().Length > 0 ? WebUtility.HtmlDecode(feedback.Groups[1].Value).Trim() : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => http.Dispose();
}
