import Testing

@testable import PlanTrackExtract

@Suite("DocumentNumber: the 文号 of a plan")
struct DocumentNumberTests {
  @Test(
    "finds the code, year and serial",
    arguments: [
      ("鲁政办字〔2023〕5号", "鲁政办字〔2023〕5号", "鲁政办字", 2023, 5),
      ("鲁政字〔2023〕155 号", "鲁政字〔2023〕155号", "鲁政字", 2023, 155),
      ("国办发〔2023〕27 号", "国办发〔2023〕27号", "国办发", 2023, 27),
      ("（威政办发〔2023〕5号）", "威政办发〔2023〕5号", "威政办发", 2023, 5),
      ("鲁政发[2022]14号", "鲁政发〔2022〕14号", "鲁政发", 2022, 14),
      ("文政发【2021】3号", "文政发〔2021〕3号", "文政发", 2021, 3),
      ("鲁 政 字 〔 2023 〕 1 号", "鲁政字〔2023〕1号", "鲁政字", 2023, 1),
    ])
  func finds(text: String, number: String, code: String, year: Int, serial: Int) throws {
    let found = try #require(DocumentNumber.find(in: chars(text)))
    #expect(found == DocumentNumber(text: number, code: code, year: year, serial: serial))
  }

  @Test func findsACitationInsideASentence() {
    let found = DocumentNumber.find(in: chars("根据《通知》（鲁政发〔2022〕14号）要求"))
    #expect(found?.text == "鲁政发〔2022〕14号")
  }

  @Test(
    "is not a number",
    arguments: [
      "〔2023〕5号", "鲁政字〔1800〕5号", "鲁政字〔2023〕号", "鲁政字〔2023〕5", "鲁政字〔23〕5号",
      "鲁政字（2023）5号", "到2025年达到5万家",
    ])
  func notANumber(text: String) {
    #expect(DocumentNumber.find(in: chars(text)) == nil)
  }

  @Test(
    "a number standing alone on its line",
    arguments: [
      "鲁政办字〔2023〕5号", "（威政办发〔2023〕5号）", "  鲁政字〔2023〕155 号  ", "(国办发〔2023〕27号)",
    ])
  func numberLine(line: String) {
    #expect(DocumentNumber.isNumberLine(chars(line)))
  }

  @Test(
    "not a number line: a table-of-contents entry, a citation, no number",
    arguments: [
      "（威政办发〔2023〕5号） （3）",
      "（威政办发〔2023〕5号）……12",
      "按鲁政发〔2022〕14号执行",
      "根据《山东省人民政府关于印发…的通知》（鲁政发〔2022〕14号）要求，制定本方案。",
      "鲁政办字〔2023〕5号文件",
      "全省企业达到2万家",
    ])
  func notANumberLine(line: String) {
    #expect(!DocumentNumber.isNumberLine(chars(line)))
  }
}
