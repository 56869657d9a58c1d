using Lianxin.Modules.Members.Domain;

namespace Lianxin.ApiTests.Infrastructure;

/// <summary>Valid member input by default; each With… changes one thing.</summary>
public sealed class MemberBuilder
{
    private static int _sequence = 100;
    private readonly Dictionary<string, object?> _fields;

    public MemberBuilder(Guid orgId)
    {
        var seq = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1985, 1, 1).AddDays(seq % 3000);
        _fields = new()
        {
            ["name"] = "测试党员" + seq,
            ["idNumber"] = ChineseIdNumber.Compose("110101", birth, seq % 1000, Gender.Male),
            ["gender"] = "Male",
            ["birthDate"] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["phone"] = "139" + (10_000_000 + seq).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["address"] = "汶上县中都街道和平社区1号楼",
            ["education"] = "Bachelor",
            ["ethnicity"] = "汉族",
            ["orgId"] = orgId,
            ["joinedOn"] = "2010-07-01",
            ["fullMemberOn"] = "2011-07-01",
            ["status"] = "Full",
            ["category"] = "InService",
            ["tags"] = new[] { "退役军人" },
        };
    }

    public MemberBuilder With(string field, object? value) { _fields[field] = value; return this; }

    public MemberBuilder WithIdNumber(string id, DateOnly birth, string gender) =>
        With("idNumber", id).With("birthDate", birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).With("gender", gender);

    public string IdNumber => (string)_fields["idNumber"]!;
    public string Phone => (string)_fields["phone"]!;
    public string Name => (string)_fields["name"]!;

    public Dictionary<string, object?> Build() => new(_fields);
}

/// <summary>Valid community-worker input by default (a 专职网格员 hired in 2022, 五岗一级一档); each With… changes one thing.</summary>
public sealed class WorkerBuilder
{
    private static int _sequence = 5000;
    private readonly Dictionary<string, object?> _fields;

    public WorkerBuilder(Guid orgId, DateOnly? birth = null)
    {
        var seq = Interlocked.Increment(ref _sequence);
        var born = birth ?? new DateOnly(1994, 1, 1).AddDays(seq % 2000);
        _fields = new()
        {
            ["name"] = "测试社工" + seq,
            ["idNumber"] = ChineseIdNumber.Compose("520201", born, seq % 1000, Gender.Female),
            ["gender"] = "Female",
            ["birthDate"] = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["phone"] = "137" + (10_000_000 + seq).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["education"] = "College",
            ["orgId"] = orgId,
            ["politicalStatus"] = "PartyMember",
            ["hireDate"] = "2022-03-01",
            ["post"] = "GridWorker",
            ["payPost"] = 5,
            ["level"] = 1,
            ["step"] = 1,
        };
    }

    public WorkerBuilder With(string field, object? value) { _fields[field] = value; return this; }

    public string IdNumber => (string)_fields["idNumber"]!;
    public string Name => (string)_fields["name"]!;

    public Dictionary<string, object?> Build() => new(_fields);
}
