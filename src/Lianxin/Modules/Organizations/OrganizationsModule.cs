using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Modules.Organizations.Features;
using Lianxin.Platform.Access;

namespace Lianxin.Modules.Organizations;

public static class OrganizationsModule
{
    public sealed record Option(string Value, string Label, string? Level = null);
    public sealed record Dictionaries(IReadOnlyList<Option> OrgKinds, IReadOnlyList<Option> Genders, IReadOnlyList<Option> MemberStatuses,
        IReadOnlyList<Option> MemberCategories, IReadOnlyList<Option> Educations, IReadOnlyList<Option> RegionLevels);

    public static void Map(RouteGroupBuilder api)
    {
        var orgs = api.MapGroup("/orgs").WithTags("党组织");
        orgs.MapGet("/children", OrgReads.Children).RequirePermission(Perm.Org.Read);
        orgs.MapGet("/search", OrgReads.Search).RequirePermission(Perm.Org.Read);
        orgs.MapGet("/{id:guid}", OrgReads.Get).RequirePermission(Perm.Org.Read);
        orgs.MapPost("/", OrgWrites.Create).RequirePermission(Perm.Org.Write);
        orgs.MapPut("/{id:guid}", OrgWrites.Update).RequirePermission(Perm.Org.Write);
        orgs.MapPost("/{id:guid}/move", OrgWrites.Move).RequirePermission(Perm.Org.Write);
        orgs.MapPost("/{id:guid}/close", OrgWrites.Close).RequirePermission(Perm.Org.Write);

        var regions = api.MapGroup("/regions").WithTags("行政区划");
        regions.MapGet("/children", RegionFeatures.Children).RequireAuthorization();
        regions.MapPost("/", RegionFeatures.Create).RequirePermission(Perm.Region.Write);
        regions.MapPut("/{id:guid}", RegionFeatures.Rename).RequirePermission(Perm.Region.Write);

        api.MapGet("/meta/dictionaries", GetDictionaries).WithTags("字典").RequireAuthorization();
    }

    private static readonly Dictionaries Dicts = new(
        [.. OrgKinds.All.Select(k => new Option(k.Kind.ToString(), k.Label, k.Level.ToString()))],
        [.. Enum.GetValues<Gender>().Select(g => new Option(g.ToString(), Labels.Of(g)))],
        [.. Enum.GetValues<MemberStatus>().Select(s => new Option(s.ToString(), Labels.Of(s)))],
        [.. Enum.GetValues<MemberCategory>().Select(c => new Option(c.ToString(), Labels.Of(c)))],
        [.. Enum.GetValues<Education>().Select(e => new Option(e.ToString(), Labels.Of(e)))],
        [new("Province", "省"), new("City", "市"), new("County", "区县"), new("Street", "街道乡镇"), new("Community", "社区村")]);

    private static Dictionaries GetDictionaries() => Dicts;
}
