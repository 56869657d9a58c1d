namespace Lianxin.Modules.Grids.Domain;

/// <summary>网格层级: 一级/二级/三级 nest inside one another; 专属网格 covers a unit (a school, a market, a hospital).</summary>
public enum GridLevel { First, Second, Third, Dedicated }

/// <summary>网格力量: 网格长, 专职网格员, 兼职网格员, 联户长.</summary>
public enum GridStaffRole { Leader, FullTime, PartTime, HouseholdHead }

public static class GridLabels
{
    public static string Of(GridLevel l) => l switch
    {
        GridLevel.First => "一级网格", GridLevel.Second => "二级网格", GridLevel.Third => "三级网格", _ => "专属网格",
    };

    public static string Of(GridStaffRole r) => r switch
    {
        GridStaffRole.Leader => "网格长", GridStaffRole.FullTime => "专职网格员", GridStaffRole.PartTime => "兼职网格员", _ => "联户长",
    };

    /// <summary>The level a grid directly under this one must have (一级 → 二级 → 三级); 专属网格 may sit anywhere.</summary>
    public static bool MayContain(GridLevel? parent, GridLevel child) => (parent, child) switch
    {
        (_, GridLevel.Dedicated) => parent is not GridLevel.Dedicated,
        (null, GridLevel.First) => true,
        (GridLevel.First, GridLevel.Second) => true,
        (GridLevel.Second, GridLevel.Third) => true,
        _ => false,
    };
}

/// <summary>
/// 网格: a piece of a community with a boundary polygon. It belongs to the community's party organization (OrgId,
/// OrgPath: scoped like everything else), may nest under a grid one level up, and names its grid party branch or group.
/// The boundary is stored as WKB (WGS-84 longitude/latitude) with its bounding box; the spatial index lives in memory.
/// </summary>
public sealed class Grid : IAuditable, IOrgScoped
{
    private Grid() { }

    public Guid Id { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public Guid? ParentId { get; private set; }
    public GridLevel Level { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>网格编码, unique among live grids.</summary>
    public string Code { get; private set; } = "";
    /// <summary>The 网格党支部 or 党小组 of this grid (optional).</summary>
    public Guid? PartyOrgId { get; private set; }
    public int Buildings { get; private set; }
    public int Households { get; private set; }
    [NotAudited] public byte[] Boundary { get; private set; } = [];
    public double MinLon { get; private set; }
    public double MinLat { get; private set; }
    public double MaxLon { get; private set; }
    public double MaxLat { get; private set; }
    /// <summary>Area in square metres (approximate, for display).</summary>
    public double AreaSquareMetres { get; private set; }
    public bool IsDeleted { get; private set; }
    public string? DeleteReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "网格";
    public string AuditLabel => $"{Name}（{Code}）";

    public static Grid Create(Guid orgId, string orgPath, Guid? parentId, GridLevel level, string name, string code, Guid? partyOrgId,
        int buildings, int households, GridShape shape, DateTime now, Guid? id = null)
    {
        var g = new Grid { Id = id ?? Guid.CreateVersion7(), OrgId = orgId, OrgPath = orgPath, CreatedAt = now };
        g.Update(parentId, level, name, code, partyOrgId, buildings, households, shape, now);
        return g;
    }

    public void Update(Guid? parentId, GridLevel level, string name, string code, Guid? partyOrgId, int buildings, int households, GridShape shape, DateTime now)
    {
        ParentId = parentId;
        Level = level;
        Name = name;
        Code = code;
        PartyOrgId = partyOrgId;
        Buildings = buildings;
        Households = households;
        Boundary = shape.Wkb;
        (MinLon, MinLat, MaxLon, MaxLat) = (shape.MinLon, shape.MinLat, shape.MaxLon, shape.MaxLat);
        AreaSquareMetres = shape.AreaSquareMetres;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public void SoftDelete(string reason, DateTime now)
    {
        IsDeleted = true;
        DeleteReason = reason;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>A person serving a grid in one role (网格长, 专职/兼职网格员, 联户长): a Person from the foundation.</summary>
public sealed class GridStaff : IAuditable, IOrgScoped
{
    private GridStaff() { }

    public Guid Id { get; private set; }
    public Guid GridId { get; private set; }
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public Guid PersonId { get; private set; }
    public string Name { get; private set; } = "";
    public GridStaffRole Role { get; private set; }
    public DateOnly Since { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public string AuditType => "网格力量";
    public string AuditLabel => $"{Name}（{GridLabels.Of(Role)}）";

    public static GridStaff Create(Grid grid, Guid personId, string name, GridStaffRole role, DateOnly since, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(), GridId = grid.Id, OrgId = grid.OrgId, OrgPath = grid.OrgPath, PersonId = personId, Name = name,
            Role = role, Since = since, CreatedAt = now,
        };

    public void End(DateOnly on) => EndedOn = on;
}
