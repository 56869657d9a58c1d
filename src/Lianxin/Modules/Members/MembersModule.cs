using Lianxin.Modules.Members.Features;
using Lianxin.Platform.Access;

namespace Lianxin.Modules.Members;

public static class MembersModule
{
    public static void AddMembers(this IServiceCollection services) => services.AddScoped<PersonWriter>();

    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("党员");
        members.MapGet("/", MemberReads.List).RequirePermission(Perm.Member.Read);
        members.MapGet("/{id:guid}", MemberReads.Get).RequirePermission(Perm.Member.Read);
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
