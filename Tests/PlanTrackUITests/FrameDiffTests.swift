import Testing

@testable import PlanTrackUI

/// The runs a terminal writes to go from one frame to the next.
@Suite("FrameDiff: rows that changed, as runs of one style")
struct FrameDiffTests {
  typealias Run = FrameDiff.Run

  static func buffer(_ rows: [String], width: Int) -> ScreenBuffer {
    var b = ScreenBuffer(width: width, height: rows.count)
    for (y, row) in rows.enumerated() { b.put(row, x: 0, y: y) }
    return b
  }

  @Test func anUnchangedFrameWritesNothing() {
    let b = Self.buffer(["abc", "def", "ghi"], width: 4)
    #expect(FrameDiff.changedRows(from: b, to: b) == [])
    #expect(FrameDiff.runs(from: b, to: b) == [])
  }

  @Test func oneChangedCellRewritesItsRowOnly() {
    let old = Self.buffer(["abc", "def", "ghi"], width: 4)
    var new = old
    new.put("X", x: 1, y: 1)
    #expect(FrameDiff.changedRows(from: old, to: new) == [1])
    #expect(
      FrameDiff.runs(from: old, to: new) == [Run(row: 1, column: 0, text: "dXf ", style: .plain)])
  }

  @Test func aStyleChangeAloneIsAChange() {
    let old = Self.buffer(["abc", "def"], width: 3)
    var new = old
    new.restyle(y: 0, from: 0, to: 3) { _ in .bold }
    #expect(
      FrameDiff.runs(from: old, to: new) == [Run(row: 0, column: 0, text: "abc", style: .bold)])
  }

  @Test func withoutAnOldFrameOrAtANewSizeEveryRowIsWritten() {
    let old = Self.buffer(["ab", "cd"], width: 2)
    let new = Self.buffer(["ab", "cd", "ef"], width: 2)
    #expect(FrameDiff.changedRows(from: nil, to: old) == [0, 1])
    #expect(FrameDiff.changedRows(from: old, to: new) == [0, 1, 2])
    let wider = Self.buffer(["ab", "cd"], width: 3)
    #expect(FrameDiff.changedRows(from: old, to: wider) == [0, 1])
    // The last row leaves out the bottom-right cell.
    #expect(
      FrameDiff.runs(from: old, to: new) == [
        Run(row: 0, column: 0, text: "ab", style: .plain),
        Run(row: 1, column: 0, text: "cd", style: .plain),
        Run(row: 2, column: 0, text: "e", style: .plain),
      ])
  }

  @Test func styleRunsSplitARowAndKeepTheirColumns() {
    var b = ScreenBuffer(width: 8, height: 2)
    b.put("ab", x: 0, y: 0)
    b.put("cd", x: 2, y: 0, style: .bold)
    b.put("ef", x: 4, y: 0, style: Style(foreground: .red))
    #expect(
      FrameDiff.runs(ofRow: 0, in: b) == [
        Run(row: 0, column: 0, text: "ab", style: .plain),
        Run(row: 0, column: 2, text: "cd", style: .bold),
        Run(row: 0, column: 4, text: "ef", style: Style(foreground: .red)),
        Run(row: 0, column: 6, text: "  ", style: .plain),
      ])
  }

  @Test func wideCharactersCoverTheirContinuationCells() {
    var b = ScreenBuffer(width: 7, height: 2)
    b.put("a新能", x: 0, y: 0)
    b.put("源", x: 5, y: 0, style: .bold)
    #expect(
      FrameDiff.runs(ofRow: 0, in: b) == [
        Run(row: 0, column: 0, text: "a新能", style: .plain),
        Run(row: 0, column: 5, text: "源", style: .bold),
      ])
    // A run that starts on a continuation cell's style change starts after the wide character.
    var c = ScreenBuffer(width: 4, height: 2)
    c.put("汽", x: 0, y: 0, style: .bold)
    c.put("x", x: 2, y: 0)
    #expect(
      FrameDiff.runs(ofRow: 0, in: c) == [
        Run(row: 0, column: 0, text: "汽", style: .bold),
        Run(row: 0, column: 2, text: "x ", style: .plain),
      ])
  }

  @Test func theBottomRightCellIsNeverWritten() {
    var b = ScreenBuffer(width: 4, height: 2)
    b.put("abcd", x: 0, y: 1)
    #expect(FrameDiff.runs(ofRow: 1, in: b) == [Run(row: 1, column: 0, text: "abc", style: .plain)])
    // A wide character ending in the corner is left out whole; a lone corner cell, entirely.
    var w = ScreenBuffer(width: 4, height: 1)
    w.put("ab汽", x: 0, y: 0)
    #expect(FrameDiff.runs(ofRow: 0, in: w) == [Run(row: 0, column: 0, text: "ab", style: .plain)])
    var s = ScreenBuffer(width: 3, height: 1)
    s.put("ab", x: 0, y: 0)
    s.put("c", x: 2, y: 0, style: .bold)
    #expect(FrameDiff.runs(ofRow: 0, in: s) == [Run(row: 0, column: 0, text: "ab", style: .plain)])
  }

  /// Writing the runs over the old screen gives the new one, whatever changed.
  @Test func applyingTheRunsReproducesTheNewFrame() {
    let old = Self.buffer(["全省新能源汽车", "abc", "保有量 240 万辆", ""], width: 16)
    var new = old
    new.put("x", x: 3, y: 0)
    new.put("充电", x: 1, y: 1, style: .reverse)
    new.put("zz", x: 0, y: 3, style: .dim)
    var screen = old
    for run in FrameDiff.runs(from: old, to: new) {
      screen.put(run.text, x: run.column, y: run.row, style: run.style)
    }
    #expect(screen == new)
  }
}
