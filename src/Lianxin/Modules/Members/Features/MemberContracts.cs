using Lianxin.Modules.Members.Domain;

namespace Lianxin.Modules.Members.Features;

public sealed record MemberInput(string? Name, string? IdNumber, Gender? Gender, DateOnly? BirthDate, string? Phone,
    string? Address, Education? Education, string? Ethnicity, Guid? OrgId, DateOnly? JoinedOn, DateOnly? FullMemberOn,
    MemberStatus? Status, MemberCategory? Category, IReadOnlyList<string>? Tags, Guid? Version = null) : IPersonFields;

public sealed record MemberRow(Guid Id, string Name, Gender Gender, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
    Guid OrgId, string OrgName, MemberStatus Status, MemberCategory Category, DateOnly JoinedOn, DateOnly? FullMemberOn,
    IReadOnlyList<string> Tags);

public sealed record MemberDetail(Guid Id, string Name, Gender Gender, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
    Guid OrgId, string OrgName, MemberStatus Status, MemberCategory Category, DateOnly JoinedOn, DateOnly? FullMemberOn,
    IReadOnlyList<string> Tags, Guid PersonId, string? Address, Education? Education, string? Ethnicity, int PartyAge,
    DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

public sealed record PersonInput(string? Name, string? IdNumber, Gender? Gender, DateOnly? BirthDate, string? Phone,
    string? Address, Education? Education, string? Ethnicity, Guid? OrgId, Guid? RegionId, IReadOnlyList<string>? Tags, Guid? Version = null) : IPersonFields;

public sealed record PersonRow(Guid Id, string Name, Gender Gender, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
    Guid OrgId, string OrgName, string? Address, bool IsMember, IReadOnlyList<string> Tags, Guid? RegionId, string? RegionName);

public sealed record PersonDetail(Guid Id, string Name, Gender Gender, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
    Guid OrgId, string OrgName, string? Address, bool IsMember, IReadOnlyList<string> Tags, Education? Education, string? Ethnicity,
    Guid? RegionId, string? RegionName, Guid? MemberId, DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

public sealed record RevealRequest(string? Field);
public sealed record RevealResponse(string Field, string? Value);
public sealed record TagCount(string Name, int Count);
