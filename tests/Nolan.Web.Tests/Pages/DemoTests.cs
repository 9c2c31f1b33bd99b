using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Core.Enquiries;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Pages;

/// <summary>The demo a new user sees: every council has enquiries in every state, on every dashboard.</summary>
public sealed class DemoTests(DemoNolanFactory f) : IClassFixture<DemoNolanFactory>
{
    [Fact]
    public async Task Demo_EveryCouncilHasEnquiriesInSeveralStates()
    {
        var byCouncil = await f.WithDbAsync(db => db.Enquiries.GroupBy(e => e.CouncilId)
            .Select(g => new { g.Key, States = g.Select(e => e.Status).Distinct().Count(), Count = g.Count() }).ToListAsync());
        Assert.Equal(6, byCouncil.Count);
        Assert.All(byCouncil, c => Assert.True(c.States >= 4 && c.Count >= 10, $"{c.Key}: {c.Count} enquiries in {c.States} states"));
        Assert.True((await f.WithDbAsync(db => AuditChain.VerifyAsync(db, f.AuditTrust))).Ok);
    }

    [Theory]
    [InlineData("member@southend-on-sea.demo", "/enquiries?scope=mine&stage=all")]
    [InlineData("officer@southend-on-sea.demo", "/enquiries?scope=assigned-to-me")]
    [InlineData("hub@southend-on-sea.demo", "/enquiries?scope=triage")]
    [InlineData("manager@west-oxfordshire.demo", "/enquiries?scope=assigned-to-me&stage=all")]
    public async Task Demo_DashboardsAreNotEmpty(string email, string url)
    {
        var page = await f.SignInAsync(email);
        var (response, doc) = await page.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(doc.QuerySelectorAll("[data-testid=enquiry-list] tbody tr"));
    }

    [Fact]
    public async Task Demo_SomeEnquiriesAreOverdue()
    {
        var today = Core.Calendar.LondonTime.ToLocalDate(f.Clock.GetUtcNow());
        var overdue = await f.WithDbAsync(db => db.Enquiries.AsNoTracking().ToListAsync());
        Assert.Contains(overdue, e => e.TimelinessOn(today) is Timeliness.Overdue or Timeliness.VeryOverdue);
    }
}
