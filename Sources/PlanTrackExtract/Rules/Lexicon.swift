/// The words the goal rules know: units, scales, comparators, verbs, and the markers of past
/// figures, prices and subsidies. Built from how Chinese plans state goals, not from any one
/// document.
enum Lexicon {
  /// What a unit measures, which decides how a number followed by a noun is read.
  enum UnitClass: Equatable, Sendable {
    /// A classifier of countable things (个, 家, 项, 座…): "建设2000个以上智慧社区" counts 智慧社区.
    case count
    /// A measure (元, 千瓦, 吨, 平方公里…): "500万元以上项目" qualifies the projects.
    case measure
    /// %, ‰
    case percent
    /// 个百分点
    case points
    /// 年, 天, 小时, 个工作日…: a goal only as a limit (压缩至3个工作日以内).
    case duration
    /// 倍
    case multiple
    /// N：1
    case ratio
  }

  /// Scale prefixes, longest first.
  static let scales: [String] = ["万亿", "千万", "百万", "十万", "万", "亿"]

  /// Units, each with its class. Matched longest first after the number and its scale.
  static let units: [(String, UnitClass)] = {
    let count =
      "个 家 项 座 所 条 处 台 辆 户 人 名 次 场 批 套 张 艘次 艘 架 只 头 株 棵 册 件 篇 位 支 组 栋 幢 间 口 眼 块 片 枚 根 床 列 班 趟 宗 类 款 门 首 集 本 份 期 轮 届 站 网点 人次 户次 家次 车次 架次 台套 个（家） 家（个） 种 级 市 学时 课时 人年 节"
    let measure =
      "元 美元 欧元 千瓦 兆瓦 吉瓦 瓦 千瓦时 兆瓦时 吉瓦时 瓦时 度 千伏安 兆伏安 伏安 千伏 伏 MW GW kW KW kWh MWh 米 千米 公里 平方米 平方公里 平方千米 立方米 亩 公顷 吨 千克 公斤 斤 克 标准箱 标箱 TEU 蒸吨 吨标准煤 标准煤 吨/日 立方米/日 Mbps Gbps 升 m3 m2 km km2 kg"
    let duration = "年 个月 周 天 日 小时 分钟 秒 个工作日 工作日 周岁 岁"
    var list: [(String, UnitClass)] = []
    for u in count.split(separator: " ") { list.append((String(u), .count)) }
    for u in measure.split(separator: " ") { list.append((String(u), .measure)) }
    for u in duration.split(separator: " ") { list.append((String(u), .duration)) }
    list += [
      ("%", .percent), ("‰", .percent), ("个百分点", .points), ("百分点", .points), ("倍", .multiple),
    ]
    return list.sorted { $0.0.count > $1.0.count }
  }()

  /// Words after a number and unit that set the comparator, longest first.
  static let suffixComparators: [(String, CandidateComparator)] = [
    ("（含）以上", .atLeast), ("(含)以上", .atLeast), ("及以上", .atLeast), ("以上", .atLeast),
    ("之上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ("之内", .atMost), ("左右", .about), ("上下", .about),
  ]

  /// Words before a number that set the comparator; the nearest one wins.
  static let prefixComparators: [(String, CandidateComparator)] = [
    ("不少于", .atLeast), ("不低于", .atLeast), ("不小于", .atLeast), ("超过", .atLeast),
    ("突破", .atLeast), ("至少", .atLeast), ("达到", .atLeast), ("力争", .atLeast),
    ("不超过", .atMost), ("不高于", .atMost), ("不大于", .atMost), ("控制在", .atMost),
    ("低于", .atMost), ("少于", .atMost), ("压缩至", .atMost), ("压缩到", .atMost),
    ("压减至", .atMost), ("降至", .atMost), ("降到", .atMost), ("降低到", .atMost),
    ("降低至", .atMost), ("缩短至", .atMost), ("缩短到", .atMost), ("小于", .atMost),
    ("约", .about), ("大约", .about), ("近", .about), ("接近", .about),
  ]

  /// Clause words that make a money or percent figure a price, fee, subsidy or penalty.
  static let priceWords: [String] = [
    "补贴", "补助", "奖励", "奖补", "资助", "贴息", "罚款", "罚金", "处以", "收费", "费用", "价格",
    "电价", "票价", "单价", "底价", "优惠", "减免", "退税", "返还", "给予", "最高", "标准为", "费率", "利率", "首付", "额度", "保费",
    "保额", "赔付", "免税", "减税", "税额", "保险", "承保",
  ]

  /// How a clause says a measure is heading ("收入稳步增长"), longest first.
  static let trendPhrases: [String] = [
    "进一步提高", "进一步提升", "进一步扩大", "稳步增长", "持续增长", "稳定增长", "快速增长", "较快增长",
    "不断提升", "持续提升", "显著提升", "明显提升", "大幅提升", "稳步提升", "逐步提高", "不断提高",
    "持续扩大", "不断扩大", "不断增强", "显著增强", "持续改善", "明显改善", "稳中有升", "增长", "提升",
    "提高", "扩大", "增加",
  ]

  /// Macro price goals (居民消费价格涨幅3%左右): the price level a government aims at, not a
  /// price someone pays.
  static let priceLevelWords: [String] = ["消费价格", "物价", "价格总水平", "价格指数", "CPI"]

  /// Verbs that make a count an increment (new within the period).
  static let incrementVerbs: [String] = [
    "新增", "新建", "新开工", "新培育", "新认定", "新备案", "新集聚", "新打造", "新认证", "新引进",
    "完成", "实施", "举办", "开展", "培育", "打造", "建设", "建成", "创建", "遴选", "评选", "引进",
    "招引", "吸引", "培养", "改造", "治理", "整治", "修复", "淘汰", "造林", "发放", "推广",
    "提供", "开工", "组织", "认定", "选树", "评定", "推出", "发布", "支持", "组建", "布局", "新",
    "增加", "增长", "签约", "落地", "扶持", "服务", "带动", "培训", "销售", "投放", "推动", "编制",
    "关停", "退出", "壮大", "做强", "赋能", "调查", "选择", "筛选",
  ]

  /// Words that make a count a level (a stock), even after an increment verb.
  static let levelWords: [String] = [
    "累计", "总量", "保有量", "总数", "总规模", "规模", "装机", "存量", "保持", "稳定在", "达到",
    "总计", "数量", "达", "突破", "超过",
  ]

  /// Verbs of work in progress: a count after them names what is worked on, not a result.
  static let processVerbs: [String] = [
    "推进", "加快", "推动", "支持", "争取", "指导", "鼓励", "引导", "办好", "用好", "谋划", "深化",
    "加强", "围绕", "聚焦", "依托",
  ]

  /// Verbs of a result.
  static let outcomeVerbs: [String] = [
    "建成", "完成", "开工", "竣工", "投产", "实现", "实施", "新建", "新增", "打造", "培育", "创建",
    "举办", "开展", "认定", "遴选", "评选", "达到", "突破", "超过", "改造", "治理", "落地", "投运",
  ]

  /// Words that a subject starts with but that are not part of it.
  static let subjectFillers: [String] = [
    "力争", "确保", "全力", "努力", "争取", "其中", "同时", "并且", "并", "且", "力求", "基本",
    "进一步", "持续", "逐步", "稳步", "到", "年底前", "年底", "年内", "年末", "全年", "今年", "当年",
    "以上", "左右", "实现",
  ]

  /// Words between a subject and its number, dropped from the subject's end.
  static let subjectLinks: [String] = [
    "分别达到", "分别为", "分别", "达到", "达", "超过", "突破", "不少于", "不低于", "不超过",
    "不高于", "控制在", "保持在", "稳定在", "提高到", "提高至", "提升到", "提升至", "增加到",
    "增加至", "增长到", "增长至", "降低到", "降低至", "压缩至", "压减至", "降至", "降到", "缩短至",
    "为", "在", "约", "至少", "累计", "以上", "左右", "年均增长", "增长", "下降", "降低", "减少",
    "提高", "提升", "增加", "是", "占",
  ]

  /// Head nouns shared by a 、-list of subjects: "原油、天然气产量" → 原油产量, 天然气产量.
  static let headNouns: [String] = [
    "充电基础设施", "基础设施", "产量", "产值", "保有量", "总量", "规模", "占比", "比重", "比例",
    "覆盖率", "利用率", "普及率", "收入", "投资", "企业", "项目", "基地", "中心", "平台", "园区",
    "数量", "面积", "能力", "指数", "销量", "增加值", "营业收入", "交易额", "进出口额", "总额",
  ]
}
