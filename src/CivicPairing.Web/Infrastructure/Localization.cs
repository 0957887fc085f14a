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
        // FluentValidation's Chinese for a missing value says "不能为Null"; a clerk should read 不能为空.
        foreach (var culture in new[] { "zh-CN", "zh" })
        {
            ((FluentValidation.Resources.LanguageManager)ValidatorOptions.Global.LanguageManager).AddTranslation(culture, "NotNullValidator", "'{PropertyName}' 不能为空。");
        }
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : localizer[member.GetCustomAttribute<DisplayAttribute>()?.Name ?? member.Name].Value;
    }
}
