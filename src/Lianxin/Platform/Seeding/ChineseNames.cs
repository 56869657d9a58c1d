namespace Lianxin.Platform.Seeding;

/// <summary>Plausible Chinese names and places for generated data (surnames roughly by frequency).</summary>
internal static class ChineseNames
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    ];

    private static readonly string MaleChars = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    private static readonly string FemaleChars = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";
    private static readonly string[] CommunityWords =
    [
        "和平", "幸福", "光明", "东关", "西关", "南关", "北关", "利民", "建设", "新华", "文化", "育才", "青年", "阳光", "锦绣", "金城",
        "宝相", "泉河", "龙泉", "圣泽", "莲花", "翠园", "明珠", "康乐", "永安", "兴隆", "红旗", "胜利", "振兴", "丰收", "滨河", "银河",
        "花园", "书院", "学府", "府前", "站前", "古城", "新城", "春晖", "朝阳", "向阳", "金桥", "银杏", "梧桐", "玉泉", "清河", "长青",
    ];
    private static readonly string[] StreetWords =
    [
        "城关", "东城", "西城", "南城", "北城", "开发区", "新区", "高新", "湖滨", "河西", "河东", "柳行", "金桥", "观音阁", "古槐", "济阳",
        "南苑", "北湖", "唐口", "喻屯", "李营", "长沟", "安居", "石桥", "王因", "仙营", "颜店", "大安", "小孟", "黄屯", "漕河", "新驿",
    ];

    public static string Person(Random r, bool male)
    {
        var chars = male ? MaleChars : FemaleChars;
        var given = r.Next(100) < 70 ? $"{chars[r.Next(chars.Length)]}{chars[r.Next(chars.Length)]}" : chars[r.Next(chars.Length)].ToString();
        var s = Surnames[(int)(Math.Pow(r.NextDouble(), 1.6) * Surnames.Length)];
        return s + given;
    }

    /// <summary>Distinct within one street (up to 48 communities); streets start at different words.</summary>
    public static string Community(int street, int index) => CommunityWords[(street * 7 + index) % CommunityWords.Length];

    public static string Street(int i) => StreetWords[i % StreetWords.Length] + (i >= StreetWords.Length ? (i / StreetWords.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    public static string Mobile(Random r) =>
        "1" + "3456789"[r.Next(7)] + r.Next(0, 1_000_000_000).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
}
