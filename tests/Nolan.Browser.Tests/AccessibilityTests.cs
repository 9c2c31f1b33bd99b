using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nolan.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nolan.Browser.Tests;

/// <summary>axe-core finds no serious or critical accessibility problem on Nolan's main pages.</summary>
public sealed partial class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MainPages_Axe_NoSeriousOrCriticalViolations()
    {
        var shots = new Screenshots("axe");
        // Only this test bypasses the CSP, so Playwright may inject axe-core inline.
        var page = await browser.NewPageAsync(bypassCsp: true);
        await using var context = page.Context;
        var found = new List<(string Page, AxeViolation Violation)>();
        var problems = new List<string>();
        async Task CheckAsync(string name)
        {
            await shots.TakeAsync(page, name);
            // Text is text: an entity written in a tag helper attribute must not reach the screen as "&#8217;".
            foreach (Match entity in RawEntity().Matches(await page.Locator("body").InnerTextAsync()))
            {
                problems.Add($"{name}: the page shows the raw HTML entity \"{entity.Value}\"");
            }

            foreach (var violation in await Axe.CheckAsync(page))
            {
                found.Add((name, violation));
            }
        }

        await page.GotoAsync("/sign-in");
        await Expect(page).ToHaveTitleAsync(new Regex("^Sign in — Members' enquiries"));
        await CheckAsync("sign-in");

        await page.GetByLabel("Email address").FillAsync("member@west-oxfordshire.demo");
        await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^My enquiries — Members' enquiries"));
        await CheckAsync("enquiry-list");

        await page.GotoAsync("/enquiries/new");
        await Expect(page).ToHaveTitleAsync(new Regex("^Log an enquiry — Members' enquiries"));
        await CheckAsync("new-enquiry");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Log an enquiry — Members' enquiries"));
        await CheckAsync("new-enquiry-errors");

        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync("Streetlight out on Corn Street");
        await page.GetByLabel("Details", new() { Exact = true }).FillAsync("The streetlight outside number 12 has been out for a week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Streetlight out on Corn Street");
        await CheckAsync("enquiry");

        foreach (var (name, violation) in found)
        {
            output.WriteLine($"{name}: {violation}");
        }

        problems.AddRange(found.Where(f => f.Violation.IsSeriousOrCritical).Select(f => $"{f.Page}: {f.Violation}"));
        Assert.True(problems.Count == 0, $"{problems.Count} accessibility problem(s) (axe-core violations of impact serious or critical, raw entities):\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task OfficerAndHubPages_Axe_NoSeriousOrCriticalViolations()
    {
        var shots = new Screenshots("axe-officer");
        var page = await browser.NewPageAsync(bypassCsp: true);
        await using var context = page.Context;
        var problems = new List<string>();
        async Task CheckAsync(string name)
        {
            await shots.TakeAsync(page, name);
            foreach (var violation in await Axe.CheckAsync(page))
            {
                output.WriteLine($"{name}: {violation}");
                if (violation.IsSeriousOrCritical)
                {
                    problems.Add($"{name}: {violation}");
                }
            }
        }

        // An officer records an absence: the form, its error summary, and the saved state.
        await Journeys.SignInAsync(page, shots, "officer2@west-oxfordshire.demo", "Assigned to me");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Out of office" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Out of office — Members' enquiries"));
        await CheckAsync("out-of-office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Out of office — Members' enquiries"));
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the first day you are away");
        await CheckAsync("out-of-office-errors");
        await Journeys.SignOutAsync(page, shots);

        // Democratic Services preview the messages Nolan sends.
        await Journeys.SignInAsync(page, shots, "hub@west-oxfordshire.demo", "Triage queue");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Messages the service sends — Members' enquiries"));
        await CheckAsync("message-templates");
        await page.GetByRole(AriaRole.Link, new() { Name = "enquiry-holding-reply" }).ClickAsync();
        await Expect(page.GetByTestId("preview-html")).ToContainTextAsync("Overflowing bins on Church Road");
        await CheckAsync("message-preview");

        // The council's identity: service settings, a colour refused, a footer page.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Service settings" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Service settings — Members' enquiries — West Oxfordshire"));
        await CheckAsync("service-settings");
        await page.GetByLabel("Header colour (optional)").FillAsync("#ffdd00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a darker colour");
        await CheckAsync("service-settings-errors");
        await page.GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Accessibility statement");
        await CheckAsync("accessibility-statement");

        Assert.True(problems.Count == 0, $"{problems.Count} accessibility problem(s):\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task EveryEnquiryStepPage_Axe_NoSeriousOrCriticalViolations()
    {
        var shots = new Screenshots("axe-steps");
        var page = await browser.NewPageAsync(bypassCsp: true);
        await using var context = page.Context;
        var problems = new List<string>();

        // A member logs an enquiry naming a service; West Oxfordshire sends it to the service's manager (para 33).
        await Journeys.SignInAsync(page, shots, "member@west-oxfordshire.demo", "My enquiries");
        await page.GotoAsync("/enquiries/new");
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync("Overgrown hedge on Mill Lane");
        await page.GetByLabel("Details", new() { Exact = true }).FillAsync("The hedge blocks half the footpath.");
        await page.GetByLabel("Service it concerns (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Waste and recycling" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();
        var id = Journeys.EnquiryIdOf(page);
        await Journeys.SignOutAsync(page, shots);

        // The manager opens every step the enquiry page offers them, each one its own page.
        await Journeys.SignInAsync(page, shots, "manager@west-oxfordshire.demo", "Assigned to me");
        await page.GotoAsync($"/enquiries/{id}");
        var steps = await page.Locator($"a[href^='/enquiries/{id}/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(steps.Length >= 8, $"expected the manager to be offered most steps, got: {string.Join(", ", steps)}");
        foreach (var href in steps)
        {
            await page.GotoAsync(href);
            var name = href[(href.LastIndexOf('/') + 1)..];
            await Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
            await Expect(page.Locator("form[method=post] button, form[method=post] input[type=submit]").First).ToBeVisibleAsync();
            await shots.TakeAsync(page, name);
            foreach (var violation in await Axe.CheckAsync(page))
            {
                output.WriteLine($"{name}: {violation}");
                if (violation.IsSeriousOrCritical)
                {
                    problems.Add($"{name}: {violation}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} accessibility problem(s):\n" + string.Join("\n", problems));
    }

    [GeneratedRegex("&#?[A-Za-z0-9]+;")]
    private static partial Regex RawEntity();
}
