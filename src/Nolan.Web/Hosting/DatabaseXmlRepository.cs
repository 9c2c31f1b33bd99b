using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Nolan.Core.DataStore;

namespace Nolan.Web.Hosting;

/// <summary>
/// Keeps ASP.NET Core data-protection keys (cookie and antiforgery encryption) in the database, so any web node
/// can read a cookie another issued. (Microsoft's EF Core key store package is not on this mirror; this is it.)
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        return [.. db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Where(x => x != null).Select(x => XElement.Parse(x!))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
