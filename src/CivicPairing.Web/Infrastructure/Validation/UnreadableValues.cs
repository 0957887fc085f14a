using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Validation;

/// <summary>
/// A value that cannot be read ("2026-02-30" for a date, "abc" for a number or a quarter) is refused with a message,
/// never replaced by a default. Forms bound to an input model show the message by the field (their actions check the
/// model state); an action taking only plain values (a reason, a date, a quarter) has no form of its own to show, so
/// this filter refuses it here and says why on the page the user came from, or on a 400 page.
/// </summary>
public sealed class UnreadableValuesFilter(IStringLocalizer<SharedResource> l) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method)
            || context.ModelState.IsValid
            || context.Controller is Features.Errors.ErrorController
            || context.ActionDescriptor.EndpointMetadata.OfType<ShowsUnreadableValuesAttribute>().Any()
            || context.ActionDescriptor.Parameters.Any(p => !IsPlain(p.ParameterType)))
        {
            await next();
            return;
        }
        var (field, entry) = context.ModelState.First(e => e.Value?.ValidationState == ModelValidationState.Invalid);
        var message = entry!.Errors.Select(e => e.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m))
            ?? l["'{0}' is not a valid value for {1}.", entry.AttemptedValue ?? "", field].Value;
        if (context.Controller is Controller controller && LocalReferrer(context.HttpContext.Request) is { } back)
        {
            controller.TempData["Error"] = l["Nothing was changed: {0}", message].Value;
            context.Result = new RedirectResult(back);
            return;
        }
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    /// <summary>The page the form was on, when it is this portal's.</summary>
    private static string? LocalReferrer(HttpRequest request)
    {
        var referrer = request.Headers.Referer.ToString();
        return Uri.TryCreate(referrer, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && uri.PathAndQuery.StartsWith('/') && !uri.PathAndQuery.StartsWith("//", StringComparison.Ordinal)
                ? uri.PathAndQuery
                : null;
    }

    private static bool IsPlain(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
        {
            t = t.GetGenericArguments()[0];
        }
        return t.IsPrimitive || t.IsEnum || t.IsDefined(typeof(PlainValuesAttribute), inherit: false) || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(Guid)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(t);
    }
}

/// <summary>
/// Marks a small input type whose action never re-renders a form (a decision's reason and date): an unreadable value
/// in it is refused by <see cref="UnreadableValuesFilter"/> as if it were a plain parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PlainValuesAttribute : Attribute;

/// <summary>An action or controller that shows unreadable values beside their fields itself (its form is on its own page).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ShowsUnreadableValuesAttribute : Attribute;
