using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nolan.Browser.Tests.Infrastructure;

/// <summary>Steps that several browser tests take, done as a person would: by labels and button text.</summary>
public static partial class Journeys
{
    /// <summary>
    /// Signs in on /sign-in (going there unless signing out already did; screenshot of the form) and checks the
    /// title of the page it lands on.
    /// </summary>
    public static async Task SignInAsync(IPage page, Screenshots shots, string email, string landsOnTitle)
    {
        if (!SignInUrl().IsMatch(page.Url))
        {
            await page.GotoAsync("/sign-in");
            await Expect(page).ToHaveTitleAsync(new Regex("^Sign in — Members' enquiries"));
            await shots.TakeAsync(page, "sign-in");
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(landsOnTitle) + " — Members' enquiries"));
    }

    /// <summary>Signs out with the header's "Sign out" button; lands on the sign-in page (screenshot).</summary>
    public static async Task SignOutAsync(IPage page, Screenshots shots)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "signed-out");
    }

    /// <summary>The id in an enquiry page's URL (/enquiries/{id}).</summary>
    public static Guid EnquiryIdOf(IPage page)
    {
        var match = EnquiryUrl().Match(page.Url);
        Assert.True(match.Success, $"not an enquiry page: {page.Url}");
        return Guid.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex("/sign-in$")]
    public static partial Regex SignInUrl();

    [GeneratedRegex("/enquiries/([0-9a-f-]{36})$")]
    public static partial Regex EnquiryUrl();
}
