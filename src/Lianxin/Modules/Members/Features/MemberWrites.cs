using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Features;

public static class MemberWrites
{
    /// <summary>Field rules, membership date rules and the organization check; empty when all is well.</summary>
    private static async Task<(Dictionary<string, string[]> Errors, PartyOrg? Org)> Check(
        MemberInput r, AppDbContext db, bool creating, DateOnly? storedBirthDate, CancellationToken ct)
    {
        var today = db.Today;
        var result = await new PersonFieldsValidator<MemberInput>(today, creating, phoneRequired: true).ValidateAsync(r, ct);
        var errors = Problems.Errors(result).ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        void Add(string f, string m) { if (!errors.TryGetValue(f, out var l)) errors[f] = l = []; if (!l.Contains(m)) l.Add(m); }

        if (r.JoinedOn is null) Add("joinedOn", "请填写入党日期");
        if (r.Status is null) Add("status", "请选择党员状态");
        if (r.Category is null) Add("category", "请选择党员类别");
        var birth = r.BirthDate ?? storedBirthDate;
        if (birth is { } b && r.JoinedOn is { } j && r.Status is { } s)
            foreach (var (f, m) in MembershipRules.Check(b, j, r.FullMemberOn, s, today)) Add(f, m);

        PartyOrg? org = null;
        if (r.OrgId is { } orgId)
        {
            org = await db.PartyOrgs.FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null) Add("orgId", "所选组织不存在或不在您的管辖范围内");
            else if (org.Status == OrgStatus.Closed) Add("orgId", "所选组织已撤销");
            else if (!OrgKinds.HoldsMembers(org.Kind)) Add("orgId", $"党员应编入党支部、党总支或党小组，不能直接编入{OrgKinds.Label(org.Kind)}");
        }
        return (errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), org);
    }

    public static async Task<Results<Created<MemberDetail>, ValidationProblem, ProblemHttpResult>> Create(
        MemberInput request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var (errors, org) = await Check(request, db, creating: true, null, ct);
        if (errors.Count > 0) return Problems.Validation(errors);

        var person = await writer.FindByIdNumber(request.IdNumber!, ct);
        if (person is not null)
        {
            var existing = await db.Members.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(m => m.PersonId == person.Id)
                .Select(m => new { m.OrgPath }).FirstOrDefaultAsync(ct);
            if (existing is not null)
                return Problems.Conflict(db.Scope.Contains(existing.OrgPath)
                    ? "该身份证号已登记为党员，请在党员列表中查找，勿重复录入。"
                    : "该身份证号已在其他组织登记为党员。如需转入，请办理组织关系转接。");
            if (!db.Scope.Contains(person.OrgPath))
                return Problems.Conflict("该身份证号已作为居民登记在其他组织，请联系上级组织处理。");
        }
        else
        {
            person = Person.Create(Guid.CreateVersion7(), request.Name!.Trim(), db.Now);
            person.AssignTo(org!.Id, org.Path, null);
            db.People.Add(person);
        }
        writer.Apply(person, request);
        var member = Member.Create(Guid.CreateVersion7(), person, db.Now);
        member.SetMembership(org!.Id, org.Path, request.JoinedOn!.Value, request.FullMemberOn, request.Status!.Value, request.Category!.Value, db.Now);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/members/{member.Id}", await MemberReads.ToDetail(db, member, ct));
    }

    public static async Task<Results<Ok<MemberDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, MemberInput request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var member = await MemberReads.Load(db, id, ct);
        if (member is null) return TypedResults.NotFound();
        var (errors, org) = await Check(request, db, creating: false, member.Person.BirthDate, ct);
        // Without a new ID number, birth date and gender must still agree with the stored one.
        if (errors.Count == 0 && string.IsNullOrWhiteSpace(request.IdNumber)
            && (request.BirthDate != member.Person.BirthDate || request.Gender != member.Person.Gender))
            errors["birthDate"] = ["出生日期和性别由身份证号确定；如需更正，请同时重新填写身份证号"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            var other = await writer.FindByIdNumber(request.IdNumber, ct);
            if (other is not null && other.Id != member.PersonId) return Problems.Conflict("该身份证号已被其他人员使用。");
        }
        db.ExpectVersion(member, request.Version);
        writer.Apply(member.Person, request);
        member.SetMembership(org!.Id, org.Path, request.JoinedOn!.Value, request.FullMemberOn, request.Status!.Value, request.Category!.Value, db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await MemberReads.ToDetail(db, member, ct));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string? reason, AppDbContext db, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return TypedResults.NotFound();
        if (reason?.Length > 200) return Problems.Validation("reason", "原因不能超过200个字");
        member.SoftDelete(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), db.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
