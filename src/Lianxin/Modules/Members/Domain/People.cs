using System.Text.RegularExpressions;

namespace Lianxin.Modules.Members.Domain;

public enum Gender { Male, Female }

public enum Education { Postgraduate, Bachelor, College, Vocational, HighSchool, JuniorOrBelow }

public enum MemberStatus { Full, Probationary }

public enum MemberCategory { InService, RetiredCadre, Mobile, Other }

public static partial class Labels
{
    public static string Of(Gender g) => g == Gender.Male ? "男" : "女";

    public static string Of(Education e) => e switch
    {
        Education.Postgraduate => "研究生",
        Education.Bachelor => "大学本科",
        Education.College => "大学专科",
        Education.Vocational => "中专/中技",
        Education.HighSchool => "高中",
        _ => "初中及以下",
    };

    public static string Of(MemberStatus s) => s == MemberStatus.Full ? "正式党员" : "预备党员";

    public static string Of(MemberCategory c) => c switch
    {
        MemberCategory.InService => "在职党员",
        MemberCategory.RetiredCadre => "离退休干部党员",
        MemberCategory.Mobile => "流动党员",
        _ => "其他",
    };
}

public static partial class MobileNumber
{
    [GeneratedRegex("^1[3-9][0-9]{9}$")] // ASCII digits only: \d would also accept full-width ones
    private static partial Regex Pattern();

    public static string Normalize(string raw) => raw.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public static bool IsValid(string normalized) => Pattern().IsMatch(normalized);
}

/// <summary>
/// 居民: one natural person, entered once. A party member is a Person with a Member record.
/// ID and phone numbers are stored encrypted, with a keyed hash for lookup and a precomputed mask for lists.
/// </summary>
public sealed class Person : IAuditable, IOrgScoped
{
    private Person() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Pinyin collation key of Name (see NameOrder).</summary>
    [NotAudited] public string NameKey { get; private set; } = "";
    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }
    [NotAudited] public string IdNumberCipher { get; private set; } = "";
    [NotAudited] public string IdNumberHash { get; private set; } = "";
    public string IdNumberMasked { get; private set; } = "";
    [NotAudited] public string? PhoneCipher { get; private set; }
    [NotAudited] public string? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }
    public string? Address { get; private set; }
    public Education? Education { get; private set; }
    public string? Ethnicity { get; private set; }
    /// <summary>The organization responsible for this resident (a community or grid organization).</summary>
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public Guid? RegionId { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public string? DeleteReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Optimistic-concurrency token: replaced on every save (AppDbContext), checked against what an editor loaded.</summary>
    [NotAudited] public Guid Version { get; private set; }
    public List<PersonTag> Tags { get; private set; } = [];

    public string AuditType => "居民";
    public string AuditLabel => $"{Name}（{IdNumberMasked}）";

    public static Person Create(Guid id, string name, DateTime now) =>
        new() { Id = id, Name = name, NameKey = NameOrder.Key(name), CreatedAt = now, UpdatedAt = now, Version = id };

    public void SetIdentity(string name, Gender gender, DateOnly birthDate, string? address, Education? education, string? ethnicity, DateTime now)
    {
        if (name != Name || NameKey.Length == 0) NameKey = NameOrder.Key(name);
        Name = name;
        Gender = gender;
        BirthDate = birthDate;
        Address = address;
        Education = education;
        Ethnicity = ethnicity;
        UpdatedAt = now;
    }

    public void SetIdNumber(string cipher, string hash, string masked)
    {
        IdNumberCipher = cipher;
        IdNumberHash = hash;
        IdNumberMasked = masked;
    }

    public void SetPhone(string? cipher, string? hash, string? masked)
    {
        PhoneCipher = cipher;
        PhoneHash = hash;
        PhoneMasked = masked;
    }

    public void AssignTo(Guid orgId, string orgPath, Guid? regionId)
    {
        OrgId = orgId;
        OrgPath = orgPath;
        RegionId = regionId;
    }

    public void SetTags(IEnumerable<string> tags)
    {
        var wanted = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        foreach (var t in wanted.Where(w => Tags.All(x => x.Tag != w))) Tags.Add(new PersonTag(Id, t));
    }

    public void SoftDelete(string? reason, DateTime now)
    {
        IsDeleted = true;
        DeletedAt = now;
        DeleteReason = reason;
        UpdatedAt = now;
    }
}

/// <summary>A label on a person (退役军人, 高龄老人, 独居 …); 政策找人 is a query over them.</summary>
public sealed class PersonTag(Guid personId, string tag)
{
    public Guid PersonId { get; private set; } = personId;
    public string Tag { get; private set; } = tag;
}

/// <summary>党员: the membership of one Person in one party organization.</summary>
public sealed class Member : IAuditable, IOrgScoped
{
    private Member() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    /// <summary>The person's name, kept here so the roster can be listed in name order from one index.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Pinyin collation key of Name (see NameOrder).</summary>
    [NotAudited] public string NameKey { get; private set; } = "";
    public Guid OrgId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public DateOnly JoinedOn { get; private set; }
    public DateOnly? FullMemberOn { get; private set; }
    public MemberStatus Status { get; private set; }
    public MemberCategory Category { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public string? DeleteReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Optimistic-concurrency token: replaced on every save (AppDbContext), checked against what an editor loaded.</summary>
    [NotAudited] public Guid Version { get; private set; }

    public string AuditType => "党员";
    public string AuditLabel => Name;

    public static Member Create(Guid id, Person person, DateTime now) =>
        new() { Id = id, PersonId = person.Id, Person = person, Name = person.Name, NameKey = person.NameKey, CreatedAt = now, UpdatedAt = now, Version = id };

    /// <summary>The person's name changed (through the resident register): the roster copy follows.</summary>
    public void FollowPersonName(DateTime now)
    {
        if (Name == Person.Name && NameKey == Person.NameKey) return;
        Name = Person.Name;
        NameKey = Person.NameKey;
        UpdatedAt = now;
    }

    public void SetMembership(Guid orgId, string orgPath, DateOnly joinedOn, DateOnly? fullMemberOn, MemberStatus status, MemberCategory category, DateTime now)
    {
        OrgId = orgId;
        OrgPath = orgPath;
        JoinedOn = joinedOn;
        FullMemberOn = fullMemberOn;
        Status = status;
        Category = category;
        Name = Person.Name;
        NameKey = Person.NameKey;
        UpdatedAt = now;
    }

    public void SoftDelete(string? reason, DateTime now)
    {
        IsDeleted = true;
        DeletedAt = now;
        DeleteReason = reason;
        UpdatedAt = now;
    }
}
