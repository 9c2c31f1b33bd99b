using Microsoft.AspNetCore.Hosting;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>Nolan with West Oxfordshire sending its email through GOV.UK Notify (a <see cref="FakeGovukNotify"/>).</summary>
public sealed class NotifyFactory : NolanFactory
{
    public const string NotifyCouncil = "west-oxfordshire";

    public NotifyFactory()
    {
        // Notify checks the token's iat against its own clock; here the world's clock is the test's fake one.
        Notify = new FakeGovukNotify(() => Clock.GetUtcNow());
    }

    public FakeGovukNotify Notify { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Nolan:Notify:ApiKey", Notify.ApiKey);
        builder.UseSetting("Nolan:Notify:TemplateId", Notify.TemplateId);
        builder.UseSetting("Nolan:Notify:BaseUrl", Notify.BaseUrl);
        builder.UseSetting("Nolan:Notify:Councils:0", NotifyCouncil);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Notify.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
