using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Features;

/// <summary>居民: residents kept by a community or grid organization.</summary>
public static class PeopleFeatures
{
    public sealed record ListQuery(Guid? OrgId, string? Name, string? Tag, bool? IsMember, int? Page, int? PageSize);

    public static async Task<Results<Ok<PageOf<PersonRow>>, NotFound>> List([AsParameters] ListQuery query, AppDbContext db, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        string? subtree = null;
        if (query.OrgId is { } orgId)
        {
            subtree = await OrgReads.VisiblePath(db, orgId, ct);
            if (subtree is null) return TypedResults.NotFound();
        }
        var people = db.People.AsNoTracking().WithinSubtree(db.Scope, subtree);
        if (!string.IsNullOrWhiteSpace(query.Name)) { var n = query.Name.Trim(); people = people.Where(p => p.Name.Contains(n)); }
        if (!string.IsNullOrWhiteSpace(query.Tag)) { var t = query.Tag.Trim(); people = people.Where(p => p.Tags.Any(x => x.Tag == t)); }
        var memberIds = db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Select(m => m.PersonId);
        if (query.IsMember is { } isMember) people = people.Where(p => memberIds.Contains(p.Id) == isMember);

        var total = await people.CountAsync(ct);
        var rows = await people.OrderBy(p => p.OrgPath).ThenBy(p => p.NameKey).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new { Person = p, IsMember = memberIds.Contains(p.Id) }).ToListAsync(ct);
        var ids = rows.Select(r => r.Person.Id).ToList();
        var tags = await MemberReads.TagsOf(db, ids, ct);
        var orgNames = await MemberReads.OrgNames(db, rows.Select(r => r.Person.OrgId), ct);
        var regionNames = await RegionNames(db, rows.Select(r => r.Person.RegionId), ct);
        return TypedResults.Ok(new PageOf<PersonRow>([.. rows.Select(r => new PersonRow(r.Person.Id, r.Person.Name, r.Person.Gender,
            r.Person.BirthDate, r.Person.IdNumberMasked, r.Person.PhoneMasked, r.Person.OrgId, orgNames.GetValueOrDefault(r.Person.OrgId, ""),
            r.Person.Address, r.IsMember, [.. tags[r.Person.Id]], r.Person.RegionId,
            r.Person.RegionId is { } rid ? regionNames.GetValueOrDefault(rid) : null))], total, page, size));
    }

    private static Task<Dictionary<Guid, string>> RegionNames(AppDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return db.Regions.Where(r => list.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }

    public static async Task<Results<Ok<PersonDetail>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct)
    {
        var p = await db.People.Include(x => x.Tags).FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDetail(db, p, ct));
    }

    private static async Task<PersonDetail> ToDetail(AppDbContext db, Person p, CancellationToken ct)
    {
        var memberId = await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(m => m.PersonId == p.Id)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        var orgName = (await MemberReads.OrgNames(db, [p.OrgId], ct)).GetValueOrDefault(p.OrgId, "");
        var regionName = p.RegionId is { } rid ? (await RegionNames(db, [rid], ct)).GetValueOrDefault(rid) : null;
        return new PersonDetail(p.Id, p.Name, p.Gender, p.BirthDate, p.IdNumberMasked, p.PhoneMasked, p.OrgId, orgName, p.Address,
            memberId is not null, [.. p.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)], p.Education, p.Ethnicity, p.RegionId,
            regionName, memberId, p.CreatedAt, p.UpdatedAt, p.Version);
    }

    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Org)> Check(PersonInput r, AppDbContext db, bool creating, CancellationToken ct)
    {
        var result = await new PersonFieldsValidator<PersonInput>(db.Today, creating, phoneRequired: false).ValidateAsync(r, ct);
        var errors = Problems.Errors(result);
        PartyOrg? org = null;
        if (r.OrgId is { } orgId)
        {
            org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == orgId && o.Status == OrgStatus.Active, ct);
            if (org is null) errors["orgId"] = ["所选组织不存在、已撤销或不在您的管辖范围内"];
        }
        if (r.RegionId is { } rid && !await db.Regions.AnyAsync(x => x.Id == rid, ct)) errors["regionId"] = ["所选行政区划不存在"];
        return (errors, org);
    }

    public static async Task<Results<Created<PersonDetail>, ValidationProblem, ProblemHttpResult>> Create(
        PersonInput request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var (errors, org) = await Check(request, db, creating: true, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await writer.FindByIdNumber(request.IdNumber!, ct) is { } existing)
            return Problems.Conflict(db.Scope.Contains(existing.OrgPath)
                ? "该身份证号已登记，请在居民列表中查找，勿重复录入。" : "该身份证号已在其他组织登记。");
        var person = Person.Create(Guid.CreateVersion7(), request.Name!.Trim(), db.Now);
        person.AssignTo(org!.Id, org.Path, request.RegionId);
        writer.Apply(person, request);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{person.Id}", await ToDetail(db, person, ct));
    }

    public static async Task<Results<Ok<PersonDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, PersonInput request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var person = await db.People.Include(x => x.Tags).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (person is null) return TypedResults.NotFound();
        var (errors, org) = await Check(request, db, creating: false, ct);
        if (errors.Count == 0 && string.IsNullOrWhiteSpace(request.IdNumber)
            && (request.BirthDate != person.BirthDate || request.Gender != person.Gender))
            errors["birthDate"] = ["出生日期和性别由身份证号确定；如需更正，请同时重新填写身份证号"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!string.IsNullOrWhiteSpace(request.IdNumber) && await writer.FindByIdNumber(request.IdNumber, ct) is { } other && other.Id != person.Id)
            return Problems.Conflict("该身份证号已被其他人员使用。");
        // A resident who is a party member: the membership rules still hold, and the roster's copy of the name follows.
        var member = await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstOrDefaultAsync(m => m.PersonId == person.Id, ct);
        if (member is not null && request.BirthDate is { } birth)
        {
            var ruleErrors = MembershipRules.Check(birth, member.JoinedOn, member.FullMemberOn, member.Status, db.Today)
                .Where(e => e.Field == "joinedOn").Select(e => e.Message).ToArray();
            if (ruleErrors.Length > 0)
                return Problems.Validation("birthDate", $"此人是党员，新的出生日期与其入党日期不符：{string.Join("；", ruleErrors)}");
        }
        db.ExpectVersion(person, request.Version);
        writer.Apply(person, request);
        person.AssignTo(org!.Id, org.Path, request.RegionId);
        member?.FollowPersonName(db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDetail(db, person, ct));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string? reason, AppDbContext db, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return TypedResults.NotFound();
        if (await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(m => m.PersonId == id, ct))
            return Problems.Validation("id", "该居民是党员，请先在党员管理中处理其党员信息");
        if (reason?.Length > 200) return Problems.Validation("reason", "原因不能超过200个字");
        person.SoftDelete(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
