namespace FrontlineCare.Benchmarks;

/// <summary>
/// Chinese full names with a realistic shape: surnames weighted by their share of the population (王, 李, 张 ≈ 7 %
/// each), one- or two-character given names from gendered character lists, so about one name in five has two
/// characters in all and the most common names (王伟, 李静…) occur ~100 times per million. Bogus' zh_CN locale has
/// only 100 equally likely surnames and 124 given names (12,400 names in all), too few and too flat for a search test.
/// </summary>
internal sealed class NameGenerator
{
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈" +
        "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    /// <summary>Approximate shares (%) of the twenty most common surnames; the rest decline from 0.8 %.</summary>
    private static readonly double[] TopShares =
        [7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.6, 2.3, 2.0, 1.9, 1.7, 1.5, 1.5, 1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 0.9];

    private const string MaleChars =
        "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋阳峰建国志文海东亮成新振瑞博睿泽轩晨子然天宏毅坤翔政昊晖锋铭豪诚兵永春忠德胜";

    private const string FemaleChars =
        "芳娜敏静丽艳娟霞燕玲婷雪琳慧颖倩洁梅莉晶欣萍红玉兰英秀桂凤琴云佳怡雨涵梦思悦诗婉珊琪瑶蕾薇彤妍萱月露嘉晓丹璐";

    private readonly Random _random;
    private readonly double[] _cumulative;

    public NameGenerator(Random random)
    {
        _random = random;
        _cumulative = new double[Surnames.Length];
        var total = 0.0;
        for (var i = 0; i < Surnames.Length; i++)
        {
            total += i < TopShares.Length ? TopShares[i] : 0.8 * Math.Pow(0.975, i - TopShares.Length);
            _cumulative[i] = total;
        }
    }

    public string Next(bool male)
    {
        var chars = male ? MaleChars : FemaleChars;
        var surname = Surnames[Pick()];
        return _random.NextDouble() < 0.2
            ? new string([surname, chars[_random.Next(chars.Length)]])
            : new string([surname, chars[_random.Next(chars.Length)], chars[_random.Next(chars.Length)]]);
    }

    private int Pick()
    {
        var x = _random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return i >= 0 ? i : Math.Min(~i, _cumulative.Length - 1);
    }
}
