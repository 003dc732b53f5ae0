import Testing

@testable import PlanTrackExtract

@Suite("LeadScanner: the lead units of an item")
struct LeadScannerTests {
  @Test(
    "reads the lead units of a note",
    arguments: [
      ("（牵头单位：省科技厅、省工业和信息化厅，参与单位：省生态环境厅）", ["省科技厅", "省工业和信息化厅"]),
      ("（责任单位：市发展改革委、市科技局）", ["市发展改革委", "市科技局"]),
      ("（省大数据局牵头，省财政厅配合）", ["省大数据局"]),
      ("（省政府办公厅、省委编办按职责分工负责）", ["省政府办公厅", "省委编办"]),
      ("（牵头部门：省能源局）", ["省能源局"]),
      ("（牵头单位：省科技厅，配合单位：省财政厅）", ["省科技厅"]),
      ("（牵头单位：省科技厅等）", ["省科技厅"]),
      ("（省发展改革委、省能源局牵头）", ["省发展改革委", "省能源局"]),
      ("（市住房城乡建设局负责）", ["市住房城乡建设局"]),
    ])
  func leads(text: String, expected: [String]) {
    #expect(LeadScanner.leads(in: chars(text)) == expected)
  }

  @Test func aLeadNoteAfterTheGoalsOfAnItem() {
    let t = "到2025年，全省高新技术企业达到2.8万家。（牵头单位：省科技厅、省财政厅）"
    #expect(LeadScanner.leads(in: chars(t)) == ["省科技厅", "省财政厅"])
  }

  @Test func whenBothLeadAndResponsibleUnitsAreNamedOnlyTheLeadCount() {
    let t = "（牵头单位：省发展改革委；责任单位：省能源局、省交通运输厅）"
    #expect(LeadScanner.leads(in: chars(t)) == ["省发展改革委"])
    let reversed = "（责任单位：省能源局，牵头单位：省发展改革委）"
    #expect(LeadScanner.leads(in: chars(reversed)) == ["省发展改革委"])
  }

  @Test func aUnitNamedTwiceIsListedOnce() {
    let t = "（牵头单位：省科技厅）加快建设。（牵头单位：省科技厅、省财政厅）"
    #expect(LeadScanner.leads(in: chars(t)) == ["省科技厅", "省财政厅"])
  }

  @Test(
    "no lead units",
    arguments: [
      "到2025年，全省高新技术企业达到2.8万家。", "（2023—2025年）", "（含）", "企业达到2万家（含分支机构）",
    ])
  func none(text: String) {
    #expect(LeadScanner.leads(in: chars(text)).isEmpty)
  }
}
