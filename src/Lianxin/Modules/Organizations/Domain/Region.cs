namespace Lianxin.Modules.Organizations.Domain;

public enum RegionLevel { Province, City, County, Street, Community }

/// <summary>行政区划: provinces, cities and counties carry GB/T 2260 codes; streets and communities extend them.</summary>
public sealed class Region : IAuditable
{
    private Region() { }

    public Guid Id { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public RegionLevel Level { get; private set; }
    /// <summary>"/37/3708/370830/…/": the codes from the top down.</summary>
    public string Path { get; private set; } = "";

    public string AuditType => "行政区划";
    public string AuditLabel => $"{Name}（{Code}）";

    public static Region Create(Region? parent, string code, string name, RegionLevel level, Guid? id = null)
    {
        if (parent is not null)
        {
            if (level <= parent.Level) throw new DomainException("level", "下级区划的层级必须低于上级");
            if (!code.StartsWith(TrimZeros(parent), StringComparison.Ordinal))
                throw new DomainException("code", $"区划代码应以上级代码 {TrimZeros(parent)} 开头");
        }
        return new Region
        {
            Id = id ?? Guid.CreateVersion7(), ParentId = parent?.Id, Code = code, Name = name, Level = level,
            Path = (parent?.Path ?? "/") + code + "/",
        };
    }

    /// <summary>The significant prefix of a code: 370000 → 37, 370800 → 3708.</summary>
    private static string TrimZeros(Region r) => r.Level switch
    {
        RegionLevel.Province => r.Code[..2],
        RegionLevel.City => r.Code[..4],
        _ => r.Code,
    };

    public void Rename(string name) => Name = name;
}
