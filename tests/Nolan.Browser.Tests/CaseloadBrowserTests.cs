using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nolan.Browser.Tests.Infrastructure;
using Nolan.Core.DataStore;
using Nolan.Core.Demo;
using Nolan.Core.Enquiries;
using Nolan.Core.Monitoring;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nolan.Browser.Tests;

/// <summary>
/// The filtered caseload list at desktop and phone widths, and the monitoring dashboard with its charts, in Chromium:
/// axe-core finds nothing serious, nothing sits off-screen at 390 px, and the filters work without JavaScript.
/// </summary>
public sealed class CaseloadBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task SeedAsync()
    {
        using var scope = browser.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        if (!db.Enquiries.Any())
        {
            await DemoEnquiries.SeedAsync(db, scope.ServiceProvider.GetRequiredService<EnquiryService>(), browser.Server.Clock);
        }

        await scope.ServiceProvider.GetRequiredService<MonthlyFigures>().RefreshAsync();
    }

    private async Task<List<string>> AxeAsync(IPage page, Screenshots shots, string name)
    {
        await shots.TakeAsync(page, name);
        var problems = new List<string>();
        foreach (var violation in await Axe.CheckAsync(page))
        {
            output.WriteLine($"{name}: {violation}");
            if (violation.IsSeriousOrCritical)
            {
                problems.Add($"{name}: {violation}");
            }
        }

        return problems;
    }

    [Fact]
    public async Task FilteredOfficerList_DesktopAndPhone_AndDashboardCharts()
    {
        await SeedAsync();
        var shots = new Screenshots("caseload");
        var page = await browser.NewPageAsync(bypassCsp: true);
        await using var context = page.Context;
        var problems = new List<string>();

        // The officer's list, filtered through the form (a plain GET) to what is overdue, most overdue first.
        await Journeys.SignInAsync(page, shots, "officer@west-oxfordshire.demo", "Assigned to me");
        await page.Locator("summary", new() { HasText = "Filter and sort" }).ClickAsync();
        await page.GetByLabel("Due", new() { Exact = true }).SelectOptionAsync("overdue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("due=overdue"));
        var rows = page.Locator("[data-testid=enquiry-list] tbody tr");
        Assert.True(await rows.CountAsync() >= 1, "the demo officer has overdue enquiries");
        await Expect(rows.First.Locator("strong.govuk-tag, .govuk-tag").Last).ToContainTextAsync("overdue by");
        await Expect(page.GetByTestId("list-total")).ToContainTextAsync("Showing");
        problems.AddRange(await AxeAsync(page, shots, "officer-overdue-desktop"));

        // At 390 px each row stacks into a card: nothing wider than the screen, and each cell names its column.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the list is {overflow}px wider than a 390px screen");
        var due = rows.First.Locator("td[data-label=Due]");
        await Expect(due).ToBeVisibleAsync();
        var box = await due.BoundingBoxAsync();
        Assert.True(box is not null && box.X + box.Width <= 390, "the Due cell is on screen");
        problems.AddRange(await AxeAsync(page, shots, "officer-overdue-390"));
        await page.SetViewportSizeAsync(1024, 768);
        await Journeys.SignOutAsync(page, shots);

        // The Monitoring Officer's dashboard: two charts, each with the table of its figures.
        await Journeys.SignInAsync(page, shots, "mo@west-oxfordshire.demo", "Assigned to me");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Monitoring" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Monitoring");
        await Expect(page.Locator("svg.nolan-chart[role=img]")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("months")).ToBeVisibleAsync();
        problems.AddRange(await AxeAsync(page, shots, "dashboard"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Quarterly report" }).ClickAsync();
        await Expect(page.GetByTestId("period-figures")).ToBeVisibleAsync();
        problems.AddRange(await AxeAsync(page, shots, "quarterly-report"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header").First).ToBeHiddenAsync();
        await shots.TakeAsync(page, "quarterly-report-print");

        Assert.True(problems.Count == 0, $"{problems.Count} accessibility problem(s):\n" + string.Join("\n", problems));
    }
}
