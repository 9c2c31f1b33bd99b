namespace Nolan.Core.Common;

/// <summary>Collects field messages before they become a <see cref="ValidationFailed"/>.</summary>
public static class FieldErrorList
{
    public static void AddError(this Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
