using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Lianxin.Modules.Grids.Domain;

/// <summary>
/// A validated grid boundary: a Polygon or MultiPolygon in WGS-84 longitude/latitude, closed, not self-intersecting,
/// inside China's extent. Every boundary enters the system through <see cref="Parse"/>, so a bad one is refused with a
/// message a clerk can act on and never stored.
/// </summary>
public sealed class GridShape
{
    public const int MaxVertices = 20_000;
    public static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid: 4326);

    private GridShape(Geometry geometry)
    {
        Geometry = geometry;
        var env = geometry.EnvelopeInternal;
        (MinLon, MinLat, MaxLon, MaxLat) = (env.MinX, env.MinY, env.MaxX, env.MaxY);
        var metresPerDegree = 111_320.0;
        AreaSquareMetres = Math.Round(geometry.Area * metresPerDegree * metresPerDegree * Math.Cos(env.Centre.Y * Math.PI / 180), 1);
    }

    public Geometry Geometry { get; }
    public double MinLon { get; }
    public double MinLat { get; }
    public double MaxLon { get; }
    public double MaxLat { get; }
    public double AreaSquareMetres { get; }
    public byte[] Wkb => new WKBWriter().Write(Geometry);

    public static GridShape FromWkb(byte[] wkb)
    {
        var g = new WKBReader(NtsGeometryServices.Instance).Read(wkb);
        g.SRID = 4326;
        return new GridShape(g);
    }

    /// <summary>The serializer options that read and write GeoJSON geometries and features.</summary>
    public static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    /// <summary>Reads a GeoJSON Polygon or MultiPolygon (or a Feature holding one) and checks it; the error is in Chinese.</summary>
    public static (GridShape? Shape, string? Error) Parse(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } element) return (null, "请提供网格边界（GeoJSON 多边形）");
        Geometry? geometry;
        try
        {
            var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "Feature")
            {
                if (!element.TryGetProperty("geometry", out var inner) || inner.ValueKind != JsonValueKind.Object)
                    return (null, "GeoJSON 要素缺少几何图形");
                element = inner;
                type = element.TryGetProperty("type", out t) ? t.GetString() : null;
            }
            if (type is not ("Polygon" or "MultiPolygon")) return (null, "网格边界应为多边形（Polygon 或 MultiPolygon）");
            if (!RingsClosed(element)) return (null, "边界未闭合：每个环的最后一个坐标应与第一个坐标相同");
            geometry = element.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, "无法识别的 GeoJSON：坐标应为 [经度, 纬度] 数组");
        }
        return Check(geometry);
    }

    public static (GridShape? Shape, string? Error) Check(Geometry? geometry)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty) return (null, "网格边界应为非空的多边形");
        if (geometry.NumPoints > MaxVertices) return (null, $"边界顶点过多（{geometry.NumPoints} 个，最多 {MaxVertices} 个）");
        foreach (var c in geometry.Coordinates)
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < 73 or > 136 || c.Y is < 3 or > 54)
                return (null, $"坐标 [{c.X}, {c.Y}] 不在中国范围内：应为 WGS-84 经纬度 [经度, 纬度]");
        var op = new IsValidOp(geometry);
        if (!op.IsValid)
        {
            var err = op.ValidationError;
            var where = err.Coordinate is { } at ? $"（约在 [{Math.Round(at.X, 6)}, {Math.Round(at.Y, 6)}]）" : "";
            return (null, err.ErrorType switch
            {
                TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection
                    => $"边界自相交{where}：请检查顶点顺序",
                TopologyValidationErrors.RingNotClosed => "边界未闭合：每个环的最后一个坐标应与第一个坐标相同",
                TopologyValidationErrors.TooFewPoints => "边界顶点太少：多边形至少需要3个不同的顶点",
                TopologyValidationErrors.HoleOutsideShell or TopologyValidationErrors.NestedHoles => $"边界内的镂空不在外环之内{where}",
                _ => $"边界不是有效的多边形{where}：{err.Message}",
            });
        }
        if (geometry.Area <= 0) return (null, "边界面积为零");
        geometry.SRID = 4326;
        return (new GridShape(geometry), null);
    }

    /// <summary>GeoJSON ring closure is checked on the raw coordinates (the reader would otherwise close or reject them silently).</summary>
    private static bool RingsClosed(JsonElement geometry)
    {
        if (!geometry.TryGetProperty("coordinates", out var coords) || coords.ValueKind != JsonValueKind.Array) return true;
        IEnumerable<JsonElement> polygons = geometry.GetProperty("type").GetString() == "Polygon" ? [coords] : coords.EnumerateArray();
        foreach (var polygon in polygons)
        {
            if (polygon.ValueKind != JsonValueKind.Array) return true;
            foreach (var ring in polygon.EnumerateArray())
            {
                if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 2) continue;
                if (!SamePosition(ring[0], ring[ring.GetArrayLength() - 1])) return false;
            }
        }
        return true;
    }

    private static bool SamePosition(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array && a.GetArrayLength() >= 2 && b.GetArrayLength() >= 2
            && a[0].ValueKind == JsonValueKind.Number && b[0].ValueKind == JsonValueKind.Number
            && a[1].ValueKind == JsonValueKind.Number && b[1].ValueKind == JsonValueKind.Number
            ? a[0].GetDouble() == b[0].GetDouble() && a[1].GetDouble() == b[1].GetDouble()
            : true; // not positions: the reader reports the real problem

    /// <summary>Interiors overlap (a shared border or corner is not an overlap).</summary>
    public bool Overlaps(GridShape other) =>
        Geometry.EnvelopeInternal.Intersects(other.Geometry.EnvelopeInternal) && Geometry.Relate(other.Geometry, "T********");

    /// <summary>Lies inside the other shape, allowing about a metre of drawing slack at the edges.</summary>
    public bool Within(GridShape outer) => outer.Geometry.Buffer(0.00001).Covers(Geometry);

    public string ToGeoJson() => JsonSerializer.Serialize(Geometry, GeoJson);
}
