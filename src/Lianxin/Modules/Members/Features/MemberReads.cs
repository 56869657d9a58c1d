using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Features;

/// <summary>The member roster: filter by organization subtree, category, status, tag and name; sort; page.</summary>
public static class MemberReads
{
    public sealed record ListQuery(Guid? OrgId, MemberCategory? Category, MemberStatus? Status, string? Tag, string? Name,
        int? Page, int? PageSize, string? Sort);

    public static readonly IReadOnlyList<string> Sorts = ["org", "-org", "name", "-name", "joinedOn", "-joinedOn"];

    public static async Task<Results<Ok<PageOf<MemberRow>>, NotFound, ValidationProblem>> List(
        [AsParameters] ListQuery query, AppDbContext db, CancellationToken ct)
    {
        if (query.Sort is not null && !Sorts.Contains(query.Sort))
            return Problems.Validation("sort", $"排序方式只能是 {string.Join("、", Sorts)}");
        var page = await Query(db, query, ct);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    /// <summary>The list query itself (the benchmark calls this too). Null when the organization is not visible.</summary>
    public static async Task<PageOf<MemberRow>?> Query(AppDbContext db, ListQuery query, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        string? subtree = null;
        if (query.OrgId is { } orgId)
        {
            subtree = await OrgReads.VisiblePath(db, orgId, ct);
            if (subtree is null) return null;
        }
        var members = db.Members.AsNoTracking().WithinSubtree(db.Scope, subtree);
        subtree ??= db.Scope.RootPath;
        var unfiltered = query.Category is null && query.Status is null && string.IsNullOrWhiteSpace(query.Tag) && string.IsNullOrWhiteSpace(query.Name);
        members = Filter(members, db, query.Category, query.Status, query.Tag, query.Name);

        // A whole subtree is counted from the organizations' member counts; a filtered list is counted row by row.
        var total = unfiltered && subtree is not null
            ? await OrgReads.SubtreeMemberCount(db, subtree, ct)
            : await members.CountAsync(ct);
        members = query.Sort switch
        {
            "name" => members.OrderBy(m => m.NameKey).ThenBy(m => m.Id),
            "-name" => members.OrderByDescending(m => m.NameKey).ThenByDescending(m => m.Id),
            "-org" => members.OrderByDescending(m => m.OrgPath).ThenByDescending(m => m.NameKey).ThenByDescending(m => m.Id),
            "joinedOn" => members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id),
            "-joinedOn" => members.OrderByDescending(m => m.JoinedOn).ThenBy(m => m.Id),
            _ => members.OrderBy(m => m.OrgPath).ThenBy(m => m.NameKey).ThenBy(m => m.Id),
        };
        var rows = await members.Skip((page - 1) * size).Take(size)
            .Select(m => new { m.Id, m.PersonId, m.Name, m.OrgId, m.Status, m.Category, m.JoinedOn, m.FullMemberOn }).ToListAsync(ct);

        var personIds = rows.Select(r => r.PersonId).ToList();
        var people = await PeopleOf(db, personIds, ct);
        var tags = await TagsOf(db, personIds, ct);
        var orgNames = await OrgNames(db, rows.Select(r => r.OrgId), ct);
        return new PageOf<MemberRow>([.. rows.Select(r =>
        {
            // A person row can only be missing through a concurrent delete; show the member rather than fail the page.
            var p = people.GetValueOrDefault(r.PersonId) ?? new PersonFacts(default, default, "", null);
            return new MemberRow(r.Id, r.Name, p.Gender, p.BirthDate, p.IdNumberMasked, p.PhoneMasked, r.OrgId,
                orgNames.GetValueOrDefault(r.OrgId, ""), r.Status, r.Category, r.JoinedOn, r.FullMemberOn, [.. tags[r.PersonId]]);
        })], total, page, size);
    }

    /// <summary>The roster filters (shared by the list and the Excel export).</summary>
    internal static IQueryable<Member> Filter(IQueryable<Member> members, AppDbContext db, MemberCategory? category, MemberStatus? status, string? tag, string? name)
    {
        if (category is { } c) members = members.Where(m => m.Category == c);
        if (status is { } s) members = members.Where(m => m.Status == s);
        if (!string.IsNullOrWhiteSpace(name)) { var n = name.Trim(); members = members.Where(m => m.Name.Contains(n)); }
        if (!string.IsNullOrWhiteSpace(tag)) { var t = tag.Trim(); members = members.Where(m => db.PersonTags.Any(x => x.PersonId == m.PersonId && x.Tag == t)); }
        return members;
    }

    internal sealed record PersonFacts(Gender Gender, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked);

    /// <summary>
    /// Personal facts of people reached through a visible membership. The person row itself may be kept by
    /// another organization, so the scope filter is lifted here, for these ids only.
    /// </summary>
    internal static Task<Dictionary<Guid, PersonFacts>> PeopleOf(AppDbContext db, List<Guid> personIds, CancellationToken ct) =>
        db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, Facts = new PersonFacts(p.Gender, p.BirthDate, p.IdNumberMasked, p.PhoneMasked) })
            .ToDictionaryAsync(p => p.Id, p => p.Facts, ct);

    internal static async Task<ILookup<Guid, string>> TagsOf(AppDbContext db, List<Guid> personIds, CancellationToken ct) =>
        (await db.PersonTags.AsNoTracking().Where(t => personIds.Contains(t.PersonId)).OrderBy(t => t.Tag).ToListAsync(ct))
            .ToLookup(t => t.PersonId, t => t.Tag);

    internal static Task<Dictionary<Guid, string>> OrgNames(AppDbContext db, IEnumerable<Guid> orgIds, CancellationToken ct)
    {
        var ids = orgIds.Distinct().ToList();
        return db.PartyOrgs.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public static async Task<Results<Ok<MemberDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var m = await Load(db, id, ct);
        return m is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDetail(db, m, ct));
    }

    /// <summary>A visible member with its person (the person may be kept by another organization).</summary>
    internal static async Task<Member?> Load(AppDbContext db, Guid id, CancellationToken ct)
    {
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Include(p => p.Tags).FirstAsync(p => p.Id == m.PersonId, ct);
        return m;
    }

    internal static async Task<MemberDetail> ToDetail(AppDbContext db, Member m, CancellationToken ct)
    {
        var p = m.Person;
        var orgName = (await OrgNames(db, [m.OrgId], ct)).GetValueOrDefault(m.OrgId, "");
        return new MemberDetail(m.Id, m.Name, p.Gender, p.BirthDate, p.IdNumberMasked, p.PhoneMasked, m.OrgId, orgName, m.Status,
            m.Category, m.JoinedOn, m.FullMemberOn, [.. p.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)], p.Id, p.Address,
            p.Education, p.Ethnicity,
            // 党龄 counts from becoming a full member (党章 art. 7); a probationary member has none yet.
            m.FullMemberOn is { } full ? MembershipRules.PartyAge(full, db.Today) : 0, m.CreatedAt, m.UpdatedAt, m.Version);
    }

    /// <summary>Tags in use within the caller's scope, with how many people carry each.</summary>
    public static async Task<Ok<List<TagCount>>> Tags(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.PersonTags.Where(t => db.People.Any(p => p.Id == t.PersonId))
            .GroupBy(t => t.Tag).Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new TagCount(r.Name, r.Count)).ToList());
    }
}
