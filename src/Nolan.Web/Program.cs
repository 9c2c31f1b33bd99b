using Nolan.Web.Hosting;

return await NolanHost.RunAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
