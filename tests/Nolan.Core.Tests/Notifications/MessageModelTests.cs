using System.Text.RegularExpressions;
using Nolan.Core.Notifications;

namespace Nolan.Core.Tests.Notifications;

/// <summary>
/// Every message template is filled by its typed model, exactly: each placeholder has a value in the model (a missing
/// one would be a compile error where the model is made), and the model carries no value its template does not use.
/// </summary>
public sealed partial class MessageModelTests
{
    private static readonly IReadOnlyList<Message> Samples = Message.Samples("Test Council");

    public static TheoryData<string> TemplateFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "templates"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Template_IsFilledExactlyByItsModel(string file)
    {
        var key = Path.GetFileNameWithoutExtension(file);
        var model = Samples.SingleOrDefault(m => m.Template == key);
        Assert.True(model is not null, $"{file}: no message model makes '{key}'");
        var used = Placeholder().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, file))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var supplied = model.Values().Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(supplied).Except(Message.Standard));
        if (!file.Contains(Path.DirectorySeparatorChar + "default" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !file.StartsWith("templates/default", StringComparison.Ordinal))
        {
            return; // A council's own wording may leave a value out.
        }

        Assert.Empty(supplied.Except(used));
    }

    [Fact]
    public void EveryModel_HasItsDefaultTemplate_AndRendersWithItsValues()
    {
        var templates = new MessageTemplates(Path.Combine(RepoPaths.Root, "templates"));
        foreach (var m in Samples)
        {
            var values = m.Values();
            values["name"] = "Alex";
            values["link"] = "https://nolan.test/x";
            values["settings"] = "https://nolan.test/account/notifications";
            var rendered = templates.Render("default", m.Template, values);
            Assert.False(string.IsNullOrWhiteSpace(rendered.Subject), m.Template);
        }
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
