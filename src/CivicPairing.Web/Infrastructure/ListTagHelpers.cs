using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CivicPairing.Web.Infrastructure;

/// <summary>A column header that sorts the list by its column, keeping every filter: &lt;th sort-by="name" list-query="Model.Query"&gt;.</summary>
[HtmlTargetElement("th", Attributes = "sort-by,list-query")]
public sealed class SortHeaderTagHelper(IUrlHelperFactory urls) : TagHelper
{
    [HtmlAttributeName("sort-by")]
    public string SortBy { get; set; } = "";

    [HtmlAttributeName("list-query")]
    public ListQuery Query { get; set; } = null!;

    /// <summary>The column the list sorts by when none is chosen.</summary>
    [HtmlAttributeName("default-sort")]
    public bool IsDefault { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var label = (await output.GetChildContentAsync()).GetContent();
        var active = Query.Sort == SortBy || (string.IsNullOrEmpty(Query.Sort) && IsDefault);
        var descending = active && Query.Desc;
        var values = Query.With("sort", SortBy);
        values["desc"] = active && !descending ? "true" : null;
        values["page"] = null;
        var href = urls.GetUrlHelper(ViewContext).Action(null, new RouteValueDictionary(values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => (object?)v.Value)));
        output.Attributes.SetAttribute("aria-sort", active ? (descending ? "descending" : "ascending") : "none");
        output.Attributes.SetAttribute("scope", "col");
        var arrow = active ? (descending ? " ▼" : " ▲") : "";
        output.Content.SetHtmlContent($"<a href=\"{System.Net.WebUtility.HtmlEncode(href)}\">{label}{arrow}</a>");
    }
}

/// <summary>
/// Previous / page x of y / next, keeping every filter: &lt;list-pager list-query="Model.Query" page-info="Model.Units" /&gt;.
/// A second list on the same page names its own page parameter and the place it is on the page (page-parameter, fragment).
/// </summary>
[HtmlTargetElement("list-pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ListPagerTagHelper(IUrlHelperFactory urls, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : TagHelper
{
    [HtmlAttributeName("list-query")]
    public ListQuery Query { get; set; } = null!;

    [HtmlAttributeName("page-info")]
    public IPageInfo PageInfo { get; set; } = null!;

    [HtmlAttributeName("page-parameter")]
    public string PageParameter { get; set; } = "page";

    /// <summary>The id of the list on the page, so a link to its next page keeps the reader there.</summary>
    [HtmlAttributeName("fragment")]
    public string? Fragment { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        int page = PageInfo.Page, pageCount = PageInfo.PageCount, total = PageInfo.Total, first = PageInfo.FirstIndex, last = PageInfo.LastIndex;
        var url = urls.GetUrlHelper(ViewContext);
        string Link(int p) => System.Net.WebUtility.HtmlEncode(url.Action(null, null, new RouteValueDictionary(
            Query.With(PageParameter, p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => (object?)v.Value)),
            null, null, Fragment) ?? "");
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-label", l["Pages"].Value);
        output.Attributes.SetAttribute("class", "d-flex flex-wrap align-items-center justify-content-between gap-2 mt-3");
        var capped = PageInfo.TotalIsCapped;
        var summary = System.Net.WebUtility.HtmlEncode((capped
            ? l["Showing {0}–{1} of more than {2}", first, last, total.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]
            : l["Showing {0}–{1} of {2}", first, last, total]).Value);
        var prev = page > 1
            ? $"<li class=\"page-item\"><a class=\"page-link\" rel=\"prev\" href=\"{Link(page - 1)}\">{l["Previous"]}</a></li>"
            : $"<li class=\"page-item disabled\"><span class=\"page-link\">{l["Previous"]}</span></li>";
        var next = page < pageCount
            ? $"<li class=\"page-item\"><a class=\"page-link\" rel=\"next\" href=\"{Link(page + 1)}\">{l["Next"]}</a></li>"
            : $"<li class=\"page-item disabled\"><span class=\"page-link\">{l["Next"]}</span></li>";
        var current = $"<li class=\"page-item active\" aria-current=\"page\"><span class=\"page-link\">{System.Net.WebUtility.HtmlEncode((capped ? l["Page {0}", page] : l["Page {0} of {1}", page, pageCount]).Value)}</span></li>";
        output.Content.SetHtmlContent($"<span class=\"text-muted small\">{summary}</span><ul class=\"pagination pagination-sm mb-0\">{prev}{current}{next}</ul>");
    }
}
