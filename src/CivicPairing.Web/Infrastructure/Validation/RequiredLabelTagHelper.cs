using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Validation;

/// <summary>
/// Marks the label of a field that must be filled in (an asterisk, and "必填" for screen readers): a form's
/// <c>&lt;label class="form-label" for="Title"&gt;</c> whose field is a property of the page's input model (the model itself
/// or its <c>Input</c>) that its validator requires without a condition (NotEmpty, NotNull) or that carries [Required].
/// The one place the mark is decided, so it follows the validators.
/// </summary>
[HtmlTargetElement("label", Attributes = "for")]
public sealed class RequiredLabelTagHelper(IServiceProvider services, IStringLocalizer<SharedResource> l) : TagHelper
{
    private static readonly ConcurrentDictionary<Type, IReadOnlySet<string>> RequiredByType = new();

    [HtmlAttributeName("for")]
    public string For { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the built-in label tag helper (asp-for), so both kinds of labels are marked.</summary>
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("for", For);
        if (ViewContext.ViewData.Model is not { } model || string.IsNullOrEmpty(For) || !IsRequired(model))
        {
            return;
        }
        output.AddClass("required", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.PostContent.AppendHtml($"<span class=\"required-mark\" aria-hidden=\"true\">*</span><span class=\"visually-hidden\"> {System.Net.WebUtility.HtmlEncode(l["(required)"].Value)}</span>");
    }

    private bool IsRequired(object model)
    {
        if (Required(model.GetType()).Contains(For))
        {
            return true;
        }
        return model.GetType().GetProperty("Input")?.PropertyType is { } input && Required(input).Contains(For);
    }

    private IReadOnlySet<string> Required(Type type) => RequiredByType.GetOrAdd(type, t =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                names.Add(property.Name);
            }
        }
        if (services.GetService(typeof(IValidator<>).MakeGenericType(t)) is IValidator validator)
        {
            foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
            {
                if (member.Any(v => v.Options is { HasCondition: false, HasAsyncCondition: false } && v.Validator is INotEmptyValidator or INotNullValidator))
                {
                    names.Add(member.Key);
                }
            }
        }
        return names;
    });
}
