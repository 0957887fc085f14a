using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure;

public static class Localization
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly IReadOnlyList<CultureInfo> Cultures = [new(Chinese), new(English)];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = [.. Cultures];
            o.SupportedUICultures = [.. Cultures];
            // Chinese unless the user switched: the browser's Accept-Language is deliberately not consulted.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>FluentValidation names fields by their [Display] name, translated like every label.</summary>
    public static void UseLocalizedValidatorNames(IStringLocalizer localizer)
    {
        var messages = new ChineseMessages();
        // FluentValidation's Chinese for a missing value says "不能为Null"; a clerk should read 不能为空.
        foreach (var culture in new[] { "zh-CN", "zh" })
        {
            messages.AddTranslation(culture, "NotNullValidator", "'{PropertyName}'不能为空。");
        }
        ValidatorOptions.Global.LanguageManager = messages;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : localizer[member.GetCustomAttribute<DisplayAttribute>()?.Name ?? member.Name].Value;
    }

    /// <summary>
    /// FluentValidation's Chinese messages with Chinese quotation marks: “标题”不能为空。 rather than '标题' 不能为空。 (the
    /// English ones keep theirs).
    /// </summary>
    internal sealed class ChineseMessages : FluentValidation.Resources.LanguageManager
    {
        public override string GetString(string key, CultureInfo? culture = null)
        {
            var text = base.GetString(key, culture);
            culture ??= CultureInfo.CurrentUICulture;
            return culture.Name.StartsWith("zh", StringComparison.Ordinal) ? Quoted(text) : text;
        }

        /// <summary>'{PropertyName}' 不能为空 → “{PropertyName}”不能为空: each pair of ASCII quotes becomes “…”, and the space beside it goes.</summary>
        internal static string Quoted(string text) =>
            System.Text.RegularExpressions.Regex.Replace(text, @"\s*'([^']*)'\s*", m => "“" + m.Groups[1].Value + "”");
    }
}
