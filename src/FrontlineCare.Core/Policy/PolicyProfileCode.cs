namespace FrontlineCare.Core.Policy;

/// <summary>The five policy profiles (glossary: PolicyProfile), one per seed document.</summary>
public enum PolicyProfileCode
{
    /// <summary>Zhejiang "eight measures", 浙组通〔2020〕3号.</summary>
    ZJ,
    /// <summary>Shaoxing "twelve measures".</summary>
    SX,
    /// <summary>Guangzhou "ten care measures".</summary>
    GZ,
    /// <summary>Henan universities "nine measures", 豫高发〔2020〕9号.</summary>
    HN,
    /// <summary>Qiannan "nine adheres".</summary>
    QN,
}
