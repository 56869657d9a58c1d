namespace Lianxin.Modules.Organizations.Domain;

/// <summary>How high an organization stands: it decides what may be placed under it.</summary>
public enum OrgLevel { Committee, GeneralBranch, Branch, Group }

/// <summary>The kinds of party organization (DOMAIN.md §1).</summary>
public enum OrgKind
{
    PartyCommittee,
    WorkingCommittee,
    IndustryChainCommittee,
    GeneralBranch,
    Branch,
    RetiredCadreBranch,
    MobileBranch,
    GridBranch,
    CompoundBranch,
    PropertyBranch,
    SeniorCollegeTempBranch,
    Group,
    BuildingGroup,
    MobileGroup,
}

public enum OrgStatus { Active, Closed }

public static class OrgKinds
{
    public static readonly IReadOnlyList<(OrgKind Kind, string Label, OrgLevel Level)> All =
    [
        (OrgKind.PartyCommittee, "党委", OrgLevel.Committee),
        (OrgKind.WorkingCommittee, "党工委", OrgLevel.Committee),
        (OrgKind.IndustryChainCommittee, "产业链党委", OrgLevel.Committee),
        (OrgKind.GeneralBranch, "党总支", OrgLevel.GeneralBranch),
        (OrgKind.Branch, "党支部", OrgLevel.Branch),
        (OrgKind.RetiredCadreBranch, "离退休干部党支部", OrgLevel.Branch),
        (OrgKind.MobileBranch, "流动党支部", OrgLevel.Branch),
        (OrgKind.GridBranch, "网格党支部", OrgLevel.Branch),
        (OrgKind.CompoundBranch, "小区党支部", OrgLevel.Branch),
        (OrgKind.PropertyBranch, "物业党支部", OrgLevel.Branch),
        (OrgKind.SeniorCollegeTempBranch, "老年大学临时党支部", OrgLevel.Branch),
        (OrgKind.Group, "党小组", OrgLevel.Group),
        (OrgKind.BuildingGroup, "楼栋党小组", OrgLevel.Group),
        (OrgKind.MobileGroup, "流动党小组", OrgLevel.Group),
    ];

    private static readonly Dictionary<OrgKind, (string Label, OrgLevel Level)> ByKind =
        All.ToDictionary(k => k.Kind, k => (k.Label, k.Level));

    public static string Label(OrgKind kind) => ByKind[kind].Label;

    public static OrgLevel Level(OrgKind kind) => ByKind[kind].Level;

    /// <summary>
    /// 党委/党工委 may hold anything; a 党总支 holds branches and groups; a 党支部 holds only 党小组;
    /// a 党小组 holds nothing.
    /// </summary>
    public static bool MayContain(OrgKind parent, OrgKind child) => (Level(parent), Level(child)) switch
    {
        (OrgLevel.Committee, _) => true,
        (OrgLevel.GeneralBranch, OrgLevel.Branch or OrgLevel.Group) => true,
        (OrgLevel.Branch, OrgLevel.Group) => true,
        _ => false,
    };

    /// <summary>Members are kept by branches, general branches and groups, not by committees.</summary>
    public static bool HoldsMembers(OrgKind kind) => Level(kind) != OrgLevel.Committee;
}
