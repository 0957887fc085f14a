using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CivicPairing.Web.Features.Notifications;

/// <summary>Sends one e-mail over SMTP with MailKit; throws on any failure (the dispatcher records it and tries again later).</summary>
public class EmailSender(IOptions<NotificationOptions> options)
{
    public virtual async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = 15_000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("No SMTP host is configured."), smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// Posts a text message to a WeChat Work (企业微信) or DingTalk (钉钉) group robot. Both take
/// <c>{"msgtype":"text","text":{"content":"…"}}</c> and answer <c>{"errcode":0,…}</c>; a DingTalk robot with a signing secret
/// (加签) also wants <c>timestamp</c> (milliseconds) and <c>sign</c> = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
/// </summary>
public class WebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "webhooks";

    public virtual async Task SendAsync(WebhookTarget target, string text, CancellationToken ct)
    {
        var url = target.Url;
        if (target.Kind == WebhookKind.DingTalk && !string.IsNullOrEmpty(target.Secret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(timestamp, target.Secret))}";
        }
        var content = string.IsNullOrEmpty(target.Keyword) || text.Contains(target.Keyword, StringComparison.Ordinal) ? text : $"{target.Keyword} {text}";
        var client = clients.CreateClient(ClientName);
        using var response = await client.PostAsJsonAsync(url, new { msgtype = "text", text = new { content } }, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The robot answered {(int)response.StatusCode}: {Shorten(answer)}");
        }
        if (ErrorCode(answer) is int code && code != 0)
        {
            throw new HttpRequestException($"The robot refused the message (errcode {code}): {Shorten(answer)}");
        }
    }

    public static string Sign(string timestamp, string secret)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"));
        return Convert.ToBase64String(hash);
    }

    private static int? ErrorCode(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
