using Lianxin.Modules.Organizations.Domain;

namespace Lianxin.UnitTests.Modules;

public sealed class OrganizationTreeTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(OrgKind.PartyCommittee, OrgKind.WorkingCommittee, true)]
    [InlineData(OrgKind.WorkingCommittee, OrgKind.GridBranch, true)]
    [InlineData(OrgKind.GeneralBranch, OrgKind.Branch, true)]
    [InlineData(OrgKind.GeneralBranch, OrgKind.PartyCommittee, false)]
    [InlineData(OrgKind.Branch, OrgKind.BuildingGroup, true)]
    [InlineData(OrgKind.GridBranch, OrgKind.CompoundBranch, false)]
    [InlineData(OrgKind.Group, OrgKind.Group, false)]
    public void What_may_be_placed_under_what(OrgKind parent, OrgKind child, bool allowed) =>
        Assert.Equal(allowed, OrgKinds.MayContain(parent, child));

    [Fact]
    public void Every_kind_has_a_Chinese_label() =>
        Assert.All(Enum.GetValues<OrgKind>(), k => Assert.False(string.IsNullOrWhiteSpace(OrgKinds.Label(k))));

    [Fact]
    public void Children_extend_the_parents_path_and_depth()
    {
        var root = PartyOrg.CreateRoot("中共某县委员会", OrgKind.PartyCommittee, Now);
        var street = root.AddChild("中共某街道工作委员会", OrgKind.WorkingCommittee, Now);
        var branch = street.AddChild("某社区第一网格党支部", OrgKind.GridBranch, Now);
        Assert.StartsWith(street.Path, branch.Path, StringComparison.Ordinal);
        Assert.Equal(2, branch.Depth);
        Assert.Equal(3, branch.Path.Trim('/').Split('/').Length);
    }

    [Fact]
    public void A_subtree_is_exactly_the_half_open_path_range()
    {
        var a = "/aaaaaaaaaa/";
        var hi = OrgPath.UpperBound(a);
        Assert.True(string.CompareOrdinal("/aaaaaaaaaa/zzzzzzzzzz/", hi) < 0);
        Assert.True(string.CompareOrdinal("/aaaaaaaaaa/", a) >= 0);
        Assert.False(string.CompareOrdinal("/aaaaaaaaab/", hi) < 0);  // a sibling sorts after the range
        Assert.False(string.CompareOrdinal("/aaaaaaaaa/", a) >= 0);   // a shorter sibling sorts before it
    }

    [Fact]
    public void Moving_under_a_descendant_is_refused()
    {
        var root = PartyOrg.CreateRoot("县委", OrgKind.PartyCommittee, Now);
        var street = root.AddChild("街道党工委", OrgKind.WorkingCommittee, Now);
        var community = street.AddChild("社区党委", OrgKind.PartyCommittee, Now);
        var e = Assert.Throws<Lianxin.DomainException>(() => street.MoveUnder(community, Now));
        Assert.Equal("newParentId", e.Field);
    }

    [Fact]
    public void A_move_rewrites_the_path_and_returns_the_old_one()
    {
        var root = PartyOrg.CreateRoot("县委", OrgKind.PartyCommittee, Now);
        var a = root.AddChild("甲街道党工委", OrgKind.WorkingCommittee, Now);
        var b = root.AddChild("乙街道党工委", OrgKind.WorkingCommittee, Now);
        var branch = a.AddChild("某支部", OrgKind.Branch, Now);
        var old = branch.MoveUnder(b, Now);
        Assert.StartsWith(a.Path, old, StringComparison.Ordinal);
        Assert.StartsWith(b.Path, branch.Path, StringComparison.Ordinal);
        Assert.Equal(b.Id, branch.ParentId);
    }

    [Fact]
    public void Closing_needs_an_empty_organization()
    {
        var root = PartyOrg.CreateRoot("县委", OrgKind.PartyCommittee, Now);
        var branch = root.AddChild("某支部", OrgKind.Branch, Now);
        Assert.Throws<Lianxin.DomainException>(() => branch.Close("合并", hasActiveChildren: false, hasMembers: true, Now));
        branch.Close("合并", false, false, Now);
        Assert.Equal(OrgStatus.Closed, branch.Status);
        Assert.Throws<Lianxin.DomainException>(() => branch.AddChild("小组", OrgKind.Group, Now));
    }

    [Fact]
    public void Segments_are_ten_characters_of_the_path_alphabet() =>
        Assert.All(Enumerable.Range(0, 100).Select(_ => OrgPath.NewSegment()),
            s => Assert.Matches("^[0-9a-hjkmnp-tv-z]{10}$", s));
}
