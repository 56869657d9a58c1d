using Lianxin.Modules.Members.Features;
using Lianxin.Platform.Access;
using Lianxin.Platform.Http;

namespace Lianxin.Modules.Members;

public static class MembersModule
{
    public static void AddMembers(this IServiceCollection services) => services.AddScoped<PersonWriter>();

    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("党员");
        members.MapGet("/", MemberReads.List).RequirePermission(Perm.Member.Read);
        members.MapGet("/{id:guid}", MemberReads.Get).RequirePermission(Perm.Member.Read);
        members.MapGet("/export", RosterExcel.Export).RequirePermission(Perm.Member.Read).Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        members.MapGet("/import/template", RosterExcel.Template).RequirePermission(Perm.Member.Write).Produces(200, contentType: Platform.Excel.Xlsx.ContentType);
        members.MapPost("/import", RosterExcel.Import).RequirePermission(Perm.Member.Write)
            .DisableAntiforgery().WithBodyLimit(RosterExcel.MaxFileBytes + 1024 * 1024);
        members.MapPost("/", MemberWrites.Create).RequirePermission(Perm.Member.Write);
        members.MapPut("/{id:guid}", MemberWrites.Update).RequirePermission(Perm.Member.Write);
        members.MapDelete("/{id:guid}", MemberWrites.Delete).RequirePermission(Perm.Member.Write);
        members.MapPost("/{id:guid}/reveal", RevealPersonalData.ForMember).RequirePermission(Perm.Member.Reveal);

        var people = api.MapGroup("/people").WithTags("居民");
        people.MapGet("/", PeopleFeatures.List).RequirePermission(Perm.Person.Read);
        people.MapGet("/{id:guid}", PeopleFeatures.Get).RequirePermission(Perm.Person.Read);
        people.MapPost("/", PeopleFeatures.Create).RequirePermission(Perm.Person.Write);
        people.MapPut("/{id:guid}", PeopleFeatures.Update).RequirePermission(Perm.Person.Write);
        people.MapDelete("/{id:guid}", PeopleFeatures.Delete).RequirePermission(Perm.Person.Write);
        people.MapPost("/{id:guid}/reveal", RevealPersonalData.ForPerson).RequirePermission(Perm.Member.Reveal);

        api.MapGet("/tags", MemberReads.Tags).WithTags("标签").RequirePermission(Perm.Person.Read);
    }
}
