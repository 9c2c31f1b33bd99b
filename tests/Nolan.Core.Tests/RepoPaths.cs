namespace Nolan.Core.Tests;

/// <summary>
/// Folders of the repository, found from the test binaries: walks up from <see cref="AppContext.BaseDirectory"/> to
/// the folder holding <c>protocols/southend-on-sea.yaml</c>. <c>NOLAN_REPO_ROOT</c>, when set, names the root instead
/// (for test projects built outside the repository).
/// </summary>
internal static class RepoPaths
{
    public const string RootVariable = "NOLAN_REPO_ROOT";

    private const string Marker = "protocols/southend-on-sea.yaml";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The preset folder, <c>protocols/</c>.</summary>
    public static string Protocols => Path.Combine(Root, "protocols");

    /// <summary>The seed protocol texts, kept beside the repository in <c>../shared/seeds</c>.</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(Path.Combine(fromEnvironment, Marker))
                ? Path.GetFullPath(fromEnvironment)
                : throw new InvalidOperationException($"{RootVariable} is '{fromEnvironment}', which holds no {Marker}.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds {Marker}; set {RootVariable} to the repository root.");
    }
}
