using System.Security.Cryptography;

namespace Lianxin.Modules.Organizations.Domain;

/// <summary>
/// Materialized path of the party-organization tree: "/seg1/seg2/…/segN/", one random 10-character
/// segment per organization. A subtree is the half-open range [path, path with its last '/' raised to '0'),
/// which a B-tree index answers directly on both databases (the column uses binary collation).
/// </summary>
public static class OrgPath
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public const string Root = "/";

    /// <summary>The exclusive upper bound of a subtree range (paths end with '/', and '0' follows '/').</summary>
    public static string UpperBound(string path) => path[..^1] + "0";

    public static string NewSegment()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < 10; i++) chars[i] = Alphabet[bytes[i] & 31];
        return new string(chars);
    }

    public static string Child(string parentPath, string segment) => parentPath + segment + "/";

    public static bool IsWithin(string path, string ancestorPath) => path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
