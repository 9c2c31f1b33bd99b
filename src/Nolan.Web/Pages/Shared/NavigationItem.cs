namespace Nolan.Web.Pages.Shared;

/// <summary>
/// One link in the GOV.UK service navigation. Pages set <c>ViewData["Navigation"]</c> to an
/// <c>IReadOnlyList&lt;NavigationItem&gt;</c>; the current item is marked with <c>aria-current="page"</c>.
/// </summary>
public sealed record NavigationItem(string Text, string Href, bool IsCurrent);
