import Testing

@testable import PlanTrackUI

@Suite("ScreenBuffer: cells measured by display width")
struct ScreenBufferTests {
  @Test func chineseTakesTwoColumnsAndRowsKeepTheirWidth() {
    var b = ScreenBuffer(width: 10, height: 2)
    let next = b.put("新能源ab", x: 1, y: 0)
    #expect(next == 9)
    #expect(b.lines == [" 新能源ab ", "          "])
    #expect(b[1, 0].width == 2)
    #expect(b[2, 0].isContinuation)
  }

  @Test func aWideCharacterNeverLandsInTheLastColumnOrAcrossALimit() {
    var b = ScreenBuffer(width: 5, height: 2)
    b.put("abcd汽", x: 0, y: 0)
    #expect(b.lines[0] == "abcd ")
    #expect(!b[4, 0].isContinuation && b[4, 0].width == 1)
    b.put("汽车", x: 0, y: 1, limit: 3)
    #expect(b.lines[1] == "汽   ")
  }

  @Test func overwritingHalfOfAWideCharacterClearsTheOtherHalf() {
    var b = ScreenBuffer(width: 6, height: 1)
    b.put("汽车站", x: 0, y: 0)
    b.put("x", x: 1, y: 0)  // the right half of 汽
    #expect(b.lines[0] == " x车站")
    b.put("y", x: 2, y: 0)  // the left half of 车
    #expect(b.lines[0] == " xy 站")
  }

  @Test(arguments: ["\u{1B}[31m", "a\u{07}b", "\u{202E}evil", "x\u{9B}y", "\u{2066}z"])
  func controlsAndBidiOverridesNeverReachACell(_ hostile: String) {
    var b = ScreenBuffer(width: 12, height: 1)
    b.put(hostile, x: 0, y: 0)
    for x in 0..<12 {
      let scalars = b[x, 0].text.unicodeScalars.map(\.value)
      #expect(
        !scalars.contains {
          $0 < 0x20 || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0)
            || (0x2066...0x2069).contains($0)
        })
    }
    #expect(b.lines[0].contains("\u{FFFD}"))
  }

  @Test func writesOutsideTheScreenAreClipped() {
    var b = ScreenBuffer(width: 4, height: 1)
    b.put("abcdef", x: -2, y: 0)
    #expect(b.lines == ["cdef"])
    b.put("zz", x: 0, y: 5)
    #expect(b.lines == ["cdef"])
  }

  @Test func fillAndRestyle() {
    var b = ScreenBuffer(width: 4, height: 2)
    b.fill(x: 1, y: 0, width: 2, height: 2, with: "#", style: .bold)
    #expect(b.lines == [" ## ", " ## "])
    #expect(b[1, 1].style == .bold)
    b.restyle(y: 0, from: 0, to: 4) { $0.colored(.red) }
    #expect(b[0, 0].style.foreground == .red)
    #expect(b[1, 0].style.bold)
  }
}
