namespace Lianxin.Modules.Organizations.Domain;

/// <summary>党组织: a node of the party-organization tree.</summary>
public sealed class PartyOrg : IAuditable
{
    private PartyOrg() { }

    public Guid Id { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Name { get; private set; } = "";
    public OrgKind Kind { get; private set; }
    /// <summary>组织代码 (optional, as used by the 党内统计 system).</summary>
    public string? Code { get; private set; }
    public Guid? RegionId { get; private set; }
    public string? SecretaryName { get; private set; }
    public string Segment { get; private set; } = "";
    public string Path { get; private set; } = "";
    public int Depth { get; private set; }
    public OrgStatus Status { get; private set; }
    /// <summary>
    /// Living members kept directly by this organization. Maintained by database triggers on mem_members
    /// (every write path, bulk and set-based ones included); a subtree's total is the sum over its organizations.
    /// </summary>
    [NotAudited] public int MemberCount { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? CloseReason { get; private set; }

    public string AuditType => "党组织";
    public string AuditLabel => Name;

    public (string Action, string Verb)? NameChange(IReadOnlyCollection<string> changedProperties) =>
        changedProperties.Contains(nameof(Status)) && Status == OrgStatus.Closed ? ("close", "撤销") : null;

    public static PartyOrg CreateRoot(string name, OrgKind kind, DateTime now, Guid? id = null, string? segment = null)
    {
        var seg = segment ?? OrgPath.NewSegment();
        return new PartyOrg
        {
            Id = id ?? Guid.CreateVersion7(), Name = name, Kind = kind, Segment = seg,
            Path = OrgPath.Child(OrgPath.Root, seg), Depth = 0, Status = OrgStatus.Active, CreatedAt = now, UpdatedAt = now,
        };
    }

    public PartyOrg AddChild(string name, OrgKind kind, DateTime now, Guid? id = null, string? segment = null)
    {
        if (Status == OrgStatus.Closed) throw new DomainException("parentId", "上级组织已撤销，不能在其下新建组织");
        if (!OrgKinds.MayContain(Kind, kind))
            throw new DomainException("kind", $"{OrgKinds.Label(Kind)}下不能设立{OrgKinds.Label(kind)}");
        var seg = segment ?? OrgPath.NewSegment();
        return new PartyOrg
        {
            Id = id ?? Guid.CreateVersion7(), ParentId = Id, Name = name, Kind = kind, Segment = seg,
            Path = OrgPath.Child(Path, seg), Depth = Depth + 1, Status = OrgStatus.Active, CreatedAt = now, UpdatedAt = now,
            RegionId = RegionId,
        };
    }

    public void Update(string name, OrgKind kind, string? code, Guid? regionId, string? secretaryName, DateTime now)
    {
        Name = name;
        Kind = kind;
        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        RegionId = regionId;
        SecretaryName = string.IsNullOrWhiteSpace(secretaryName) ? null : secretaryName.Trim();
        UpdatedAt = now;
    }

    /// <summary>Moves this organization under another; the caller rewrites the paths of the subtree.</summary>
    public string MoveUnder(PartyOrg newParent, DateTime now)
    {
        if (newParent.Id == Id || OrgPath.IsWithin(newParent.Path, Path))
            throw new DomainException("newParentId", "不能把组织移动到它自己或它的下级组织之下");
        if (newParent.Status == OrgStatus.Closed) throw new DomainException("newParentId", "目标组织已撤销");
        if (!OrgKinds.MayContain(newParent.Kind, Kind))
            throw new DomainException("newParentId", $"{OrgKinds.Label(newParent.Kind)}下不能设立{OrgKinds.Label(Kind)}");
        if (newParent.Id == ParentId) throw new DomainException("newParentId", "已在该组织之下");
        var oldPath = Path;
        ParentId = newParent.Id;
        Path = OrgPath.Child(newParent.Path, Segment);
        Depth = newParent.Depth + 1;
        UpdatedAt = now;
        return oldPath;
    }

    public void Close(string reason, bool hasActiveChildren, bool hasMembers, DateTime now)
    {
        if (Status == OrgStatus.Closed) throw new DomainException("id", "该组织已撤销");
        if (ParentId is null) throw new DomainException("id", "不能撤销最上级组织");
        if (hasActiveChildren) throw new DomainException("id", "该组织下仍有下级组织，请先撤销或移走下级组织");
        if (hasMembers) throw new DomainException("id", "该组织仍有党员，请先将党员转出");
        Status = OrgStatus.Closed;
        ClosedAt = now;
        CloseReason = reason;
        UpdatedAt = now;
    }
}
