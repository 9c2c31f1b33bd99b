namespace Nolan.Web.Tests.Infrastructure;

/// <summary>Nolan exactly as <c>--demo</c> starts it: the directory and a few weeks of sample enquiries.</summary>
public sealed class DemoNolanFactory : NolanFactory
{
    protected override bool SeedDemoEnquiries => true;
}
