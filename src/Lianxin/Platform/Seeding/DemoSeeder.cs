using System.Diagnostics;
using Lianxin.Modules.Members.Domain;
using Lianxin.Modules.Organizations.Domain;
using Lianxin.Platform.Access;
using Lianxin.Platform.Audit;
using Lianxin.Platform.Persistence;
using Lianxin.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Platform.Seeding;

/// <summary>
/// Generates a realistic district (or a whole city, for benchmarks) deterministically: the same seed gives
/// the same regions, organizations, names, ID numbers and dates. Rows go in through BulkWriter in chunks.
/// </summary>
public static class DemoSeeder
{
    public const string DemoPassword = "Lianxin2026";
    private static readonly DateOnly Reference = new(2026, 11, 1);

    public sealed record Scale(string RootName, string RootRegionCode, (string Code, string Name)[] Counties, string[]? StreetNames,
        int StreetsPerCounty, int CommunitiesPerStreet, int GridsPerCommunity, int Members, int ExtraResidents);

    private static readonly string[] WenshangStreets =
        ["汶上街道", "中都街道", "南站镇", "南旺镇", "次丘镇", "寅寺镇", "郭楼镇", "康驿镇", "苑庄镇", "义桥镇", "杨店镇", "郭仓镇", "白石镇", "军屯乡"];

    private static readonly (string Code, string Name)[] JiningCounties =
    [
        ("370811", "任城区"), ("370812", "兖州区"), ("370826", "微山县"), ("370827", "鱼台县"), ("370828", "金乡县"), ("370829", "嘉祥县"),
        ("370830", "汶上县"), ("370831", "泗水县"), ("370832", "梁山县"), ("370881", "曲阜市"), ("370883", "邹城市"),
    ];

    /// <summary>One county (汶上县): 14 streets and towns, 56 communities, about 3,000 members and 5,000 other residents.</summary>
    public static readonly Scale DemoScale = new("中共汶上县委员会", "370830", [("370830", "汶上县")], WenshangStreets, 14, 4, 2, 3000, 5000);

    /// <summary>A whole city (济宁市, 11 districts and counties) sized for the given number of members.</summary>
    public static Scale CityScale(int members) =>
        new("中共济宁市委员会", "370800", JiningCounties, null, 12, Math.Clamp(members / (11 * 12 * 500), 1, 40), 3, members, members / 10);

    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider sp, Scale scale, bool print, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.PartyOrgs.IgnoreQueryFilters().AnyAsync(ct)) return false;
        var sw = Stopwatch.StartNew();
        var result = await SeedAsync(sp, scale, ct);
        if (scale.Counties.Length == 1)
        {
            await OrgLifeDemo.SeedAsync(sp, result, ct);
            await MobileDemo.SeedAsync(sp, result, ct);
            await GridDemo.SeedAsync(sp, result, ct);
            await WorkforceDemo.SeedAsync(sp, result, ct);
        }
        if (print)
            Console.WriteLine($"已生成演示数据：{result.Regions} 个行政区划、{result.Orgs} 个党组织、{result.Members} 名党员、{result.People} 名居民（含党员），" +
                $"共 {result.Rows} 行，用时 {sw.Elapsed.TotalSeconds:F1} 秒（{result.Rows / Math.Max(0.001, sw.Elapsed.TotalSeconds):F0} 行/秒）");
        return true;
    }

    /// <summary>Generates the data and one user per role (password DemoPassword) into an empty database.</summary>
    public static async Task<Generated> SeedAsync(IServiceProvider sp, Scale scale, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var result = await GenerateAsync(db, sp.GetRequiredService<PersonalDataProtector>(), scale, seed: 20261122, ct);
        await CreateUsersAsync(sp, result);
        db.Audit(AuditActions.Create, "演示数据", null,
            $"生成演示数据：{result.Orgs} 个党组织、{result.Members} 名党员、{result.People} 名居民");
        await db.SaveChangesAsync(ct);
        return result;
    }

    public sealed record Generated(int Regions, int Orgs, int People, int Members, long Rows, Guid RootOrgId, Guid FirstStreetOrgId,
        Guid SecondStreetOrgId, IReadOnlyList<Guid> DistrictOrgIds);

    public static async Task<Generated> GenerateAsync(AppDbContext db, PersonalDataProtector protector, Scale scale, int seed, CancellationToken ct,
        Action<string>? progress = null)
    {
        var r = new Random(seed);
        var now = db.Now;
        var bulk = new BulkWriter(db);
        // Deterministic, time-ordered ids (the layout of UUID version 7, one millisecond apart from a fixed epoch),
        // so that primary-key inserts append to the index as the app's own Guid.CreateVersion7 ids do.
        var idClock = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Guid NewId()
        {
            Span<byte> b = stackalloc byte[16];
            r.NextBytes(b);
            var ms = idClock++;
            for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (40 - 8 * i));
            b[6] = (byte)((b[6] & 0x0F) | 0x70);
            b[8] = (byte)((b[8] & 0x3F) | 0x80);
            return new Guid(b, bigEndian: true);
        }
        string NewSeg() { const string a = "0123456789abcdefghjkmnpqrstvwxyz"; return string.Create(10, r, (s, rr) => { for (var i = 0; i < s.Length; i++) s[i] = a[rr.Next(32)]; }); }

        // Regions and organizations.
        var regions = new List<Region>();
        var orgs = new List<PartyOrg>();
        var holders = new List<(PartyOrg Org, Guid RegionId, string RegionCode)>();  // organizations that keep members
        var residentHomes = new List<(PartyOrg Org, Guid RegionId, string RegionCode)>();
        var province = Region.Create(null, "370000", "山东省", RegionLevel.Province, NewId());
        var city = Region.Create(province, "370800", "济宁市", RegionLevel.City, NewId());
        regions.AddRange([province, city]);

        var cityScale = scale.Counties.Length > 1;
        var root = PartyOrg.CreateRoot(scale.RootName, OrgKind.PartyCommittee, now, NewId(), NewSeg());
        root.Update(root.Name, root.Kind, null, cityScale ? city.Id : null, "王建国", now);
        orgs.Add(root);
        var districtOrgIds = new List<Guid>();
        var streetOrgIds = new List<Guid>();
        var buildingNo = 1;
        var holderSeq = 1;
        foreach (var (countyCode, countyName) in scale.Counties)
        {
            var county = Region.Create(city, countyCode, countyName, RegionLevel.County, NewId());
            regions.Add(county);
            var countyOrg = root;
            if (cityScale)
            {
                countyOrg = root.AddChild($"中共{countyName}委员会", OrgKind.PartyCommittee, now, NewId(), NewSeg());
                orgs.Add(countyOrg);
            }
            else
            {
                root.Update(root.Name, root.Kind, null, county.Id, "王建国", now);
            }
            districtOrgIds.Add(countyOrg.Id);
            Add(countyOrg, OrgKind.RetiredCadreBranch, $"{countyName}委老干部局离退休干部第一党支部", county, holders);
            Add(countyOrg, OrgKind.RetiredCadreBranch, $"{countyName}委老干部局离退休干部第二党支部", county, holders);
            Add(countyOrg, OrgKind.SeniorCollegeTempBranch, $"{countyName}老年大学临时党支部", county, holders);
            var mobile = Add(countyOrg, OrgKind.MobileBranch, $"{countyName}驻北京流动党支部", county, holders);
            Add(mobile, OrgKind.MobileGroup, $"{countyName}驻北京流动党支部海淀党小组", county, holders);

            for (var s = 0; s < scale.StreetsPerCounty; s++)
            {
                var streetName = scale.StreetNames is { } names && s < names.Length ? names[s] : ChineseNames.Street(s) + (s % 3 == 2 ? "镇" : "街道");
                var street = Region.Create(county, $"{countyCode}{s + 1:000}", streetName, RegionLevel.Street, NewId());
                regions.Add(street);
                var isStreet = streetName.EndsWith("街道", StringComparison.Ordinal);
                var streetOrg = countyOrg.AddChild(isStreet ? $"中共{streetName[..^2]}街道工作委员会" : $"中共{streetName}委员会",
                    isStreet ? OrgKind.WorkingCommittee : OrgKind.PartyCommittee, now, NewId(), NewSeg());
                streetOrg.Update(streetOrg.Name, streetOrg.Kind, null, street.Id, ChineseNames.Person(r, true), now);
                orgs.Add(streetOrg);
                streetOrgIds.Add(streetOrg.Id);
                for (var c = 0; c < scale.CommunitiesPerStreet; c++)
                {
                    var word = ChineseNames.Community(s, c);
                    var community = Region.Create(street, $"{street.Code}{c + 1:000}", $"{word}社区", RegionLevel.Community, NewId());
                    regions.Add(community);
                    var commOrg = streetOrg.AddChild($"中共{word}社区委员会", OrgKind.PartyCommittee, now, NewId(), NewSeg());
                    commOrg.Update(commOrg.Name, commOrg.Kind, null, community.Id, ChineseNames.Person(r, r.Next(2) == 0), now);
                    orgs.Add(commOrg);
                    for (var g = 1; g <= scale.GridsPerCommunity; g++)
                    {
                        var grid = Add(commOrg, OrgKind.GridBranch, $"{word}社区第{Ordinal(g)}网格党支部", community, holders);
                        residentHomes.Add((grid, community.Id, countyCode));
                        Add(grid, OrgKind.BuildingGroup, $"{word}社区{buildingNo++}号楼党小组", community, holders);
                    }
                    Add(commOrg, OrgKind.CompoundBranch, $"{word}家园小区党支部", community, holders);
                    if (c % 4 == 0) Add(commOrg, OrgKind.PropertyBranch, $"{word}社区物业党支部", community, holders);
                }
            }
        }

        PartyOrg Add(PartyOrg parent, OrgKind kind, string name, Region region, List<(PartyOrg, Guid, string)> list)
        {
            var o = parent.AddChild(name, kind, now, NewId(), NewSeg());
            // 组织编码: the county's code and a sequence number, so that names repeated across communities stay distinguishable.
            o.Update(o.Name, o.Kind, $"{region.Code[..6]}{holderSeq++:00000}", region.Id, ChineseNames.Person(r, r.Next(3) > 0), now);
            orgs.Add(o);
            list.Add((o, region.Id, region.Code[..6]));
            return o;
        }

        // One connection for the whole load; on SQLite a 1 GB page cache while indexes grow far past the default.
        await db.Database.OpenConnectionAsync(ct);
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-1000000; PRAGMA threads=4", ct); // sorter threads for index builds
        try
        {
            return await LoadAsync(db, protector, scale, r, NewId, regions, orgs, holders, residentHomes, root, streetOrgIds, districtOrgIds, progress, ct);
        }
        finally
        {
            if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-65536; PRAGMA threads=0", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Generated> LoadAsync(AppDbContext db, PersonalDataProtector protector, Scale scale, Random r, Func<Guid> NewId,
        List<Region> regions, List<PartyOrg> orgs, List<(PartyOrg Org, Guid RegionId, string RegionCode)> holders,
        List<(PartyOrg Org, Guid RegionId, string RegionCode)> residentHomes, PartyOrg root, List<Guid> streetOrgIds, List<Guid> districtOrgIds,
        Action<string>? progress, CancellationToken ct)
    {
        var now = db.Now;
        var bulk = new BulkWriter(db);
        long rows = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            rows += await bulk.InsertAsync(regions.OrderBy(x => x.Path.Length), ct);
            rows += await bulk.InsertAsync(orgs, ct);
            await tx.CommitAsync(ct);
        }

        // People and members, in chunks so that a city-scale run keeps little in memory; their indexes and the
        // member-count triggers are rebuilt once at the end, and the counts recomputed.
        var phase = Stopwatch.StartNew();
        var suspended = await BulkLoad.SuspendIndexesAsync(db, ["mem_people", "mem_members", "mem_person_tags"], ct);
        await using (suspended)
        {
            rows += await LoadPeopleAsync(db, protector, scale, r, NewId, holders, residentHomes, now, bulk, ct);
            progress?.Invoke($"  people, members, tags written: {phase.Elapsed.TotalSeconds:F1} s");
            phase.Restart();
        }
        progress?.Invoke($"  indexes and triggers rebuilt: {phase.Elapsed.TotalSeconds:F1} s");
        phase.Restart();
        await db.Database.ExecuteSqlRawAsync(Migrations.OrgMemberCounts.BackfillSql, ct);
        progress?.Invoke($"  member counts recomputed: {phase.Elapsed.TotalSeconds:F1} s");
        return new Generated(regions.Count, orgs.Count, scale.Members + scale.ExtraResidents, scale.Members, rows, root.Id, streetOrgIds[0],
            streetOrgIds.Count > 1 ? streetOrgIds[1] : streetOrgIds[0], districtOrgIds);
    }

    private sealed record Chunk(List<Person> People, List<Member> Members, List<PersonTag> Tags);

    /// <summary>
    /// Generates chunks on one thread (names, ID numbers, encryption, collation keys) while this one writes the
    /// previous chunk: the two cores work at once, and a single producer keeps the output deterministic.
    /// </summary>
    private static async Task<long> LoadPeopleAsync(AppDbContext db, PersonalDataProtector protector, Scale scale, Random r, Func<Guid> NewId,
        List<(PartyOrg Org, Guid RegionId, string RegionCode)> holders, List<(PartyOrg Org, Guid RegionId, string RegionCode)> residentHomes,
        DateTime now, BulkWriter bulk, CancellationToken ct)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<Chunk>(1);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var c in ProduceChunks(protector, scale, r, NewId, holders, residentHomes, now)) await channel.Writer.WriteAsync(c, ct);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);
        long rows = 0;
        await foreach (var c in channel.Reader.ReadAllAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            rows += await bulk.InsertAsync(c.People, ct);
            rows += await bulk.InsertAsync(c.Tags, ct);
            rows += await bulk.InsertAsync(c.Members, ct);
            await tx.CommitAsync(ct);
        }
        await producer;
        return rows;
    }

    private static IEnumerable<Chunk> ProduceChunks(PersonalDataProtector protector, Scale scale, Random r, Func<Guid> NewId,
        List<(PartyOrg Org, Guid RegionId, string RegionCode)> holders, List<(PartyOrg Org, Guid RegionId, string RegionCode)> residentHomes,
        DateTime now)
    {
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var totalPeople = scale.Members + scale.ExtraResidents;
        const int chunk = 20_000;
        for (var start = 0; start < totalPeople; start += chunk)
        {
            var people = new List<Person>(chunk);
            var members = new List<Member>(chunk);
            var tags = new List<PersonTag>();
            for (var i = start; i < Math.Min(totalPeople, start + chunk); i++)
            {
                var isMember = i < scale.Members;
                var home = isMember ? holders[r.Next(holders.Count)] : residentHomes[r.Next(residentHomes.Count)];
                var kind = home.Org.Kind;
                var category = !isMember ? MemberCategory.Other
                    : kind is OrgKind.RetiredCadreBranch or OrgKind.SeniorCollegeTempBranch ? MemberCategory.RetiredCadre
                    : kind is OrgKind.MobileBranch or OrgKind.MobileGroup ? MemberCategory.Mobile
                    : r.Next(100) < 70 ? MemberCategory.InService : r.Next(100) < 50 ? MemberCategory.RetiredCadre : MemberCategory.Other;
                var male = r.Next(100) < (isMember ? 68 : 50);
                var birth = category == MemberCategory.RetiredCadre
                    ? Reference.AddDays(-r.Next(60 * 365, 92 * 365)) : Reference.AddDays(-r.Next(isMember ? 22 * 365 : 1 * 365, isMember ? 70 * 365 : 95 * 365));
                string idNumber;
                do idNumber = ChineseIdNumber.Compose(home.RegionCode, birth, r.Next(1000), male ? Gender.Male : Gender.Female);
                while (!usedIds.Add(idNumber));
                var person = Person.Create(NewId(), ChineseNames.Person(r, male), now);
                person.SetIdentity(person.Name, male ? Gender.Male : Gender.Female, birth,
                    $"{home.Org.Name[..Math.Min(4, home.Org.Name.Length)]}{r.Next(1, 40)}号楼{r.Next(1, 6)}单元{r.Next(1, 19)}0{r.Next(1, 5)}室",
                    (Education)r.Next(6), r.Next(100) < 97 ? "汉族" : "回族", now);
                person.SetIdNumber(protector.Encrypt(idNumber), protector.BlindIndex(idNumber), Mask.IdNumber(idNumber));
                if (isMember || r.Next(100) < 80)
                {
                    var phone = ChineseNames.Mobile(r);
                    person.SetPhone(protector.Encrypt(phone), protector.BlindIndex(phone), Mask.Phone(phone));
                }
                person.AssignTo(home.Org.Id, home.Org.Path, home.RegionId);
                people.Add(person);
                var age = Reference.Year - birth.Year;
                if (r.Next(100) < 5) tags.Add(new PersonTag(person.Id, "退役军人"));
                if (age >= 80) tags.Add(new PersonTag(person.Id, "高龄老人"));
                if (age >= 65 && r.Next(100) < 8) tags.Add(new PersonTag(person.Id, "独居"));
                if (age >= 70 && r.Next(100) < 4) tags.Add(new PersonTag(person.Id, "失能"));
                if (r.Next(100) < 2) tags.Add(new PersonTag(person.Id, "低保"));
                if (r.Next(100) < 2) tags.Add(new PersonTag(person.Id, "残疾"));
                if (isMember && r.Next(100) < 3) tags.Add(new PersonTag(person.Id, "党员中心户"));

                if (!isMember) continue;
                var probationary = r.Next(100) < 3;
                var joined = probationary ? Reference.AddDays(-r.Next(40, 330))
                    : birth.AddYears(18).AddDays(r.Next(0, Math.Max(1, Math.Min(27 * 365, Reference.DayNumber - birth.AddYears(18).DayNumber - 400))));
                var member = Member.Create(NewId(), person, now);
                member.SetMembership(home.Org.Id, home.Org.Path, joined, probationary ? null : MembershipRules.Anniversary(joined, 1),
                    probationary ? MemberStatus.Probationary : MemberStatus.Full, category, now);
                members.Add(member);
            }
            yield return new Chunk(people, members, tags);
        }
    }

    private static string Ordinal(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public sealed record DemoLogin(string UserName, string DisplayName, string Role, string Scope);

    private static readonly List<DemoLogin> Logins = [];

    private static async Task CreateUsersAsync(IServiceProvider sp, Generated g)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var names = await db.PartyOrgs.IgnoreQueryFilters().Where(o => o.Id == g.RootOrgId || o.Id == g.FirstStreetOrgId || o.Id == g.SecondStreetOrgId)
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        (string User, string Display, string Role, Guid Org)[] accounts =
        [
            ("sysadmin", "系统管理员", Roles.SystemAdmin, g.RootOrgId),
            ("secadmin", "安全管理员", Roles.SecurityAdmin, g.RootOrgId),
            ("auditor", "审计管理员", Roles.AuditAdmin, g.RootOrgId),
            ("orgadmin", "张组织", Roles.OrgAdmin, g.RootOrgId),
            ("staff", "李工作", Roles.Staff, g.FirstStreetOrgId),
            ("staff2", "赵工作", Roles.Staff, g.SecondStreetOrgId),
        ];
        Logins.Clear();
        foreach (var (user, display, role, org) in accounts)
        {
            var u = new AppUser { Id = Guid.CreateVersion7(), UserName = user, DisplayName = display, OrgId = org, CreatedAt = db.Now, LockoutEnabled = true };
            var created = await users.CreateAsync(u, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, role);
            Logins.Add(new DemoLogin(user, display, role, names[org]));
        }
    }

    internal static void AddLogin(DemoLogin login) => Logins.Add(login);

    public static void PrintLogins()
    {
        if (Logins.Count == 0) { Console.WriteLine($"演示账号：sysadmin / secadmin / auditor / orgadmin / staff / staff2 / zhibu / liudong，密码均为 {DemoPassword}"); return; }
        Console.WriteLine($"演示账号（密码均为 {DemoPassword}）：");
        foreach (var l in Logins) Console.WriteLine($"  {l.UserName,-10} {l.Role,-6}  {l.Scope}");
    }
}
