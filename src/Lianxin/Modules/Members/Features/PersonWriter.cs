using Lianxin.Modules.Members.Domain;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Modules.Members.Features;

/// <summary>
/// Writes the personal part of a member or resident: encryption, blind index, masks, and the
/// duplicate-ID check across the whole database (not only the caller's scope — an ID number is unique
/// everywhere, but a clerk is not told where else it is registered).
/// </summary>
public sealed class PersonWriter(AppDbContext db, PersonalDataProtector protector)
{
    public string HashIdNumber(string idNumber) => protector.BlindIndex(ChineseIdNumber.Normalize(idNumber));

    /// <summary>The living person with this ID number, anywhere (scope ignored); null if none.</summary>
    public Task<Person?> FindByIdNumber(string idNumber, CancellationToken ct)
    {
        var hash = HashIdNumber(idNumber);
        return db.People.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Include(p => p.Tags)
            .FirstOrDefaultAsync(p => p.IdNumberHash == hash, ct);
    }

    public void Apply(Person person, IPersonFields input)
    {
        person.SetIdentity(input.Name!.Trim(), input.Gender!.Value, input.BirthDate!.Value,
            Trim(input.Address), input.Education, Trim(input.Ethnicity), db.Now);
        if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            var id = ChineseIdNumber.Normalize(input.IdNumber);
            person.SetIdNumber(protector.Encrypt(id), protector.BlindIndex(id), Mask.IdNumber(id));
        }
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            var phone = MobileNumber.Normalize(input.Phone);
            person.SetPhone(protector.Encrypt(phone), protector.BlindIndex(phone), Mask.Phone(phone));
        }
        if (input.Tags is not null)
        {
            // Tags are rows of their own, not audited fields of the person: record the change explicitly.
            var before = person.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();
            person.SetTags(input.Tags);
            var after = person.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();
            if (!before.SequenceEqual(after))
                db.Audit(Platform.Audit.AuditActions.Update, "居民", person.Id.ToString(), $"修改标签：{person.Name}", new { Tags = before }, new { Tags = after });
        }
    }

    public string? Reveal(Person person, string field) => field switch
    {
        "idNumber" => protector.Decrypt(person.IdNumberCipher),
        "phone" => person.PhoneCipher is null ? null : protector.Decrypt(person.PhoneCipher),
        _ => null,
    };

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
