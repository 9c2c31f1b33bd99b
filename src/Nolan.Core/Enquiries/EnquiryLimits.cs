namespace Nolan.Core.Enquiries;

/// <summary>Sizes the database and the forms agree on.</summary>
public static class EnquiryLimits
{
    public const int SubjectMax = 200;
    public const int DetailsMax = 20_000;
    public const int TextMax = 4_000;
}
