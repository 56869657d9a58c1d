namespace Lianxin;

/// <summary>A business rule refused the operation; Field names the request field (camelCase) it concerns.</summary>
public sealed class DomainException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>An entity whose creation, changes and deletion the audit log records automatically.</summary>
public interface IAuditable
{
    /// <summary>Chinese name of the record type, e.g. 党员.</summary>
    string AuditType { get; }
    /// <summary>What a clerk would call this record (never a full ID or phone number).</summary>
    string AuditLabel { get; }

    /// <summary>An update that is better named by another action (e.g. 撤销); null keeps "update".</summary>
    (string Action, string Verb)? NameChange(IReadOnlyCollection<string> changedProperties) => null;
}

/// <summary>A record that belongs to one party organization and is visible only inside that organization's subtree.</summary>
public interface IOrgScoped
{
    Guid OrgId { get; }
    string OrgPath { get; }
}

/// <summary>
/// A record that one organization owns (OrgPath) and a second co-manages (CoOrgPath, optional): it is visible inside
/// either organization's subtree (双向管理: the home and the flow-in organization of a mobile member).
/// </summary>
public interface ICoManaged : IOrgScoped
{
    Guid? CoOrgId { get; }
    string? CoOrgPath { get; }
}

/// <summary>Marks a property whose value must never appear in the audit log (ciphertexts, keyed hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
