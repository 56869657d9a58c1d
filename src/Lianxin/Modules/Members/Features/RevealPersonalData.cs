using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Http;
using Lianxin.Platform.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Features;

/// <summary>Shows one full ID or phone number to a user with the permission, and records that it was shown.</summary>
public static class RevealPersonalData
{
    private static readonly Dictionary<string, string> FieldLabels = new() { ["idNumber"] = "身份证号", ["phone"] = "手机号" };

    public static async Task<Results<Ok<RevealResponse>, NotFound, ValidationProblem>> ForMember(
        Guid id, RevealRequest request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var member = await MemberReads.Load(db, id, ct);
        return member is null ? TypedResults.NotFound() : await Reveal(db, writer, member.Person, "党员", member.Id, request, ct);
    }

    public static async Task<Results<Ok<RevealResponse>, NotFound, ValidationProblem>> ForPerson(
        Guid id, RevealRequest request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        return person is null ? TypedResults.NotFound() : await Reveal(db, writer, person, "居民", person.Id, request, ct);
    }

    /// <summary>For another module's record about a person (e.g. 社区工作者): the audit names that record.</summary>
    public static async Task<Results<Ok<RevealResponse>, NotFound, ValidationProblem>> ForRecord(
        Guid personId, string type, Guid recordId, RevealRequest request, AppDbContext db, PersonWriter writer, CancellationToken ct)
    {
        var person = await db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).FirstOrDefaultAsync(p => p.Id == personId, ct);
        return person is null ? TypedResults.NotFound() : await Reveal(db, writer, person, type, recordId, request, ct);
    }

    private static async Task<Results<Ok<RevealResponse>, NotFound, ValidationProblem>> Reveal(
        AppDbContext db, PersonWriter writer, Person person, string type, Guid recordId, RevealRequest request, CancellationToken ct)
    {
        if (request.Field is null || !FieldLabels.TryGetValue(request.Field, out var label))
            return Problems.Validation("field", "只能查看 idNumber（身份证号）或 phone（手机号）");
        var value = writer.Reveal(person, request.Field);
        db.Audit(AuditActions.Reveal, type, recordId.ToString(), $"查看{type} {person.Name} 的{label}明文");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RevealResponse(request.Field, value));
    }
}
