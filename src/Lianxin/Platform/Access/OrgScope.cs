using Lianxin.Modules.Organizations.Domain;

namespace Lianxin.Platform.Access;

/// <summary>
/// The organization subtree the current request may see, as a half-open path range [Lo, Hi).
/// Every scoped entity carries a materialized path, and AppDbContext filters every query on it
/// (the named query filter "OrgScope"). Until a scope is set, the range is empty: nothing is visible.
/// </summary>
public sealed class OrgScope
{
    private const string Nothing = "~";

    public string Lo { get; private set; } = Nothing;
    public string Hi { get; private set; } = Nothing;
    public Guid? RootOrgId { get; private set; }
    public string? RootPath { get; private set; }
    public bool IsUnrestricted { get; private set; }

    public void RestrictTo(Guid orgId, string orgPath)
    {
        RootOrgId = orgId;
        RootPath = orgPath;
        Lo = orgPath;
        Hi = OrgPath.UpperBound(orgPath);
        IsUnrestricted = false;
    }

    /// <summary>For start-up tasks, the command line and seeding: every organization.</summary>
    public void Unrestricted()
    {
        RootOrgId = null;
        RootPath = null;
        Lo = OrgPath.Root;
        Hi = OrgPath.UpperBound(OrgPath.Root);
        IsUnrestricted = true;
    }

    public bool Contains(string path) => string.CompareOrdinal(path, Lo) >= 0 && string.CompareOrdinal(path, Hi) < 0;
}
