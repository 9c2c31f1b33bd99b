using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nolan.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Nolan.Browser.Tests;

/// <summary>Nolan in a real browser (headless Chromium) against a real server, as members and officers use it.</summary>
public sealed partial class EnquiryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Member = "member@west-oxfordshire.demo";
    private const string Manager = "manager@west-oxfordshire.demo";
    private const string WasteService = "Waste and recycling";

    [Fact]
    public async Task EnquiryJourney_MemberLogsOfficerAnswers_MemberSeesAnswer()
    {
        var shots = new Screenshots("journey");
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        var subject = "Missed bin collection on Church Green " + Unique();
        const string details = "Residents of Church Green tell me their grey bins were not collected on Monday.\nCan the crew return this week?";
        const string answer = "The crew missed Church Green because a car blocked the road. They will collect the grey bins on Wednesday 4 November.";
        var managerName = await browser.Server.DisplayNameAsync(Manager);

        // The member logs the enquiry, naming the service.
        await Journeys.SignInAsync(page, shots, Member, "My enquiries");
        await shots.TakeAsync(page, "member-my-enquiries");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log an enquiry" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Log an enquiry — Members' enquiries"));
        await Expect(page.Locator("#Subject-hint")).ToHaveTextAsync("A short summary, for example ‘Missed bin collection on Victoria Road’");
        await shots.TakeAsync(page, "new-enquiry");
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync(subject);
        await page.GetByLabel("Details", new() { Exact = true }).FillAsync(details);
        await page.GetByLabel("Service it concerns (optional)").SelectOptionAsync(new SelectOptionValue { Label = WasteService });
        await shots.TakeAsync(page, "new-enquiry-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(subject);
        var reference = (await page.Locator(".govuk-caption-l").InnerTextAsync()).Trim();
        Assert.Matches(ReferencePattern(), reference);
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Enquiry {reference} logged");
        await Expect(SummaryValue(page, "Service")).ToHaveTextAsync(WasteService);
        // West Oxfordshire sends an enquiry naming a service straight to the service's manager.
        await Expect(SummaryValue(page, "With")).ToHaveTextAsync(managerName);
        var id = Journeys.EnquiryIdOf(page);
        await shots.TakeAsync(page, "enquiry-logged");
        await Journeys.SignOutAsync(page, shots);

        // The manager finds it in "Assigned to me", accepts it and responds.
        await Journeys.SignInAsync(page, shots, Manager, "Assigned to me");
        await shots.TakeAsync(page, "manager-assigned-to-me");
        await page.GetByTestId("enquiry-list").GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/enquiries/{id}$"));
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync(reference);
        await shots.TakeAsync(page, "manager-enquiry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept enquiry" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have accepted this enquiry");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept enquiry" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "manager-accepted");
        await page.GetByRole(AriaRole.Link, new() { Name = "Send the response" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/enquiries/{id}/respond$"));
        await Expect(page).ToHaveTitleAsync(new Regex("^Send the response — Members' enquiries"));
        await shots.TakeAsync(page, "respond");
        await page.GetByLabel("Response to the member").FillAsync(answer);
        await shots.TakeAsync(page, "respond-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Response sent");
        await Expect(page.Locator("h1 + p .govuk-tag").First).ToHaveTextAsync("Answered");
        await shots.TakeAsync(page, "manager-responded");
        await Journeys.SignOutAsync(page, shots);

        // The member sees the answer in the enquiry's history.
        await Journeys.SignInAsync(page, shots, Member, "My enquiries");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "My enquiries" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^My enquiries — Members' enquiries"));
        await shots.TakeAsync(page, "member-my-enquiries-open");
        // Answered enquiries are listed under "Finished".
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by stage" }).GetByRole(AriaRole.Link, new() { Name = "Finished" }).ClickAsync();
        await Expect(page.GetByTestId("enquiry-list")).ToContainTextAsync(reference);
        await shots.TakeAsync(page, "member-my-enquiries-finished");
        await page.GetByTestId("enquiry-list").GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(subject);
        var response = page.GetByTestId("timeline").Locator("li").Filter(new() { Has = page.Locator("h3", new() { HasTextString = "Response" }) });
        await Expect(response).ToHaveCountAsync(1);
        await Expect(response).ToContainTextAsync(answer);
        await Expect(response).ToContainTextAsync(managerName);
        await shots.TakeAsync(page, "member-sees-answer");
    }

    [Fact]
    public async Task NewEnquiry_EmptySubject_ShowsGovukErrorSummary()
    {
        var shots = new Screenshots("error-summary");
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await Journeys.SignInAsync(page, shots, Member, "My enquiries");
        await page.GotoAsync("/enquiries/new");
        await Expect(page).ToHaveTitleAsync(new Regex("^Log an enquiry — Members' enquiries"));
        await shots.TakeAsync(page, "new-enquiry");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();

        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Log an enquiry — Members' enquiries"));
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.Locator("h2")).ToHaveTextAsync("There is a problem");
        // GOV.UK Frontend's JavaScript (allowed by the CSP) moves focus to the summary so screen readers announce it.
        await Expect(summary).ToBeFocusedAsync();
        var links = summary.Locator(".govuk-error-summary__list a");
        await Expect(links).ToHaveTextAsync(["Enter a subject", "Enter the details of the enquiry"]);
        await Expect(links.Nth(0)).ToHaveAttributeAsync("href", "#Subject");
        await Expect(links.Nth(1)).ToHaveAttributeAsync("href", "#Details");
        // Each field shows its own message, with the hidden "Error:" prefix, tied to the field by aria-describedby.
        await Expect(page.Locator("#Subject-error")).ToHaveTextAsync("Error: Enter a subject");
        await Expect(page.Locator("#Subject")).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bSubject-error\b"));
        await Expect(page.Locator("#Details-error")).ToHaveTextAsync("Error: Enter the details of the enquiry");
        await shots.TakeAsync(page, "errors");

        // Following a link in the summary puts the cursor in that field.
        await links.Nth(0).ClickAsync();
        await Expect(page.Locator("#Subject")).ToBeFocusedAsync();
        await links.Nth(1).ClickAsync();
        await Expect(page.Locator("#Details")).ToBeFocusedAsync();

        // Fixing the subject alone leaves only the details error.
        await page.Locator("#Subject").FillAsync("Fly-tipping behind the library " + Unique());
        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();
        await Expect(links).ToHaveTextAsync(["Enter the details of the enquiry"]);
        await Expect(page.Locator("#Subject")).ToHaveValueAsync(new Regex("^Fly-tipping behind the library"));
        await shots.TakeAsync(page, "one-error-left");
    }

    [Fact]
    public async Task Pages_WorkWithoutJavaScript()
    {
        var shots = new Screenshots("no-js");
        var page = await browser.NewPageAsync(javaScript: false);
        await using var context = page.Context;
        var subject = "Overgrown hedge on the Burford Road footpath " + Unique();

        await Journeys.SignInAsync(page, shots, Member, "My enquiries");
        // Proof that no script ran: init.mjs would have marked the body as supported by GOV.UK Frontend.
        await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex(@"\bgovuk-frontend-supported\b"));
        await shots.TakeAsync(page, "my-enquiries");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log an enquiry" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Log an enquiry — Members' enquiries"));
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync(subject);
        await page.GetByLabel("Details", new() { Exact = true }).FillAsync("The hedge blocks half the footpath; pushchairs have to use the road.");
        await page.GetByLabel("Service it concerns (optional)").SelectOptionAsync(new SelectOptionValue { Label = WasteService });
        await shots.TakeAsync(page, "new-enquiry-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log enquiry" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(subject);
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(new Regex(@"Enquiry \S+ logged"));
        Journeys.EnquiryIdOf(page);
        await shots.TakeAsync(page, "enquiry-logged");

        // The list's pages are plain links; a page past the end shows the last page and says which enquiries it holds
        // (page 2 of 30 is tested in CaseloadListTests).
        await page.GotoAsync("/enquiries?scope=mine&stage=all");
        await Expect(page.GetByTestId("enquiry-list")).ToContainTextAsync(subject);
        await page.GotoAsync("/enquiries?scope=mine&stage=all&page=2");
        await Expect(page).ToHaveTitleAsync(new Regex("^My enquiries — Members' enquiries"));
        await Expect(page.GetByTestId("list-total")).ToContainTextAsync(new Regex(@"Showing\s+1\s+to\s+1\s+of\s+1\s+enquiry"));
        await shots.TakeAsync(page, "my-enquiries-page-2");
        await Journeys.SignOutAsync(page, shots);
    }

    private static ILocator SummaryValue(IPage page, string key) =>
        page.Locator(".govuk-summary-list__row")
            .Filter(new() { Has = page.Locator(".govuk-summary-list__key", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(key)}\\s*$") }) })
            .Locator(".govuk-summary-list__value");

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9/-]+$")]
    private static partial Regex ReferencePattern();
}
