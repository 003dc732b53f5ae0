/// A first guess at a target's category from its metric and quote; reviewers correct it.
enum Category {
  /// Categories in order of precedence, each with the words that suggest it.
  static let table: [(String, [String])] = [
    ("charging", ["充电", "换电"]),
    ("ev", ["新能源汽车", "电动汽车", "新能源车", "汽车", "车辆"]),
    ("5g", ["5G", "基站", "千兆", "光网", "通信"]),
    ("energy", ["装机", "千瓦", "能源", "电力", "光伏", "风电", "核电", "储能", "煤", "油", "天然气", "电量", "燃气"]),
    (
      "environment",
      ["污染", "排放", "水质", "空气", "垃圾", "生态", "碳", "造林", "湿地", "节能", "污水", "黑臭", "森林", "绿色"]
    ),
    ("water", ["水利", "水库", "灌区", "用水", "节水", "水土", "海水", "水源", "水闸"]),
    ("agriculture", ["粮食", "农田", "畜", "渔", "农业", "种业", "乡村", "农村", "养殖", "生猪", "农产品"]),
    ("transport", ["公路", "铁路", "高铁", "港口", "机场", "航道", "轨道", "航线", "物流"]),
    ("enterprises", ["企业", "专精特新", "单项冠军", "小巨人"]),
    ("innovation", ["实验室", "研发", "创新", "科技", "技术", "专利", "研究"]),
    ("digital", ["数据", "数字", "互联网", "信息", "软件", "平台", "电商", "智慧"]),
    ("culture", ["文化", "文明", "旅游", "文旅", "阅读", "景区", "文艺"]),
    ("education", ["教育", "学校", "幼儿园", "人才", "校", "学生", "培训"]),
    ("health", ["医疗", "卫生", "医院", "养老", "健康", "医保", "中医", "药"]),
    ("trade", ["出口", "进口", "外资", "外贸", "跨境", "招商"]),
    ("consumption", ["消费", "以旧换新", "销售", "零售"]),
    ("finance", ["贷款", "融资", "基金", "金融", "信贷", "担保"]),
    ("housing", ["住房", "小区", "城市更新", "建筑", "社区"]),
  ]

  /// The first category whose words occur in the metric, else in the quote, else "other".
  static func guess(metric: String, quote: String) -> String {
    for text in [metric, quote] {
      for (category, words) in table where words.contains(where: { text.contains($0) }) {
        return category
      }
    }
    return "other"
  }
}
