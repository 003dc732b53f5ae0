import PlanTrackCore
import Testing

@Suite("Parallel map")
struct ParallelTests {
  /// Every slice lands in its place, whether the array is split or not, at the edges of the
  /// slice size too.
  @Test(arguments: [0, 1, 15, 16, 17, 255, 256, 257, 1_000, 10_007])
  func keepsTheOrderAndEveryItem(count: Int) {
    let items = (0..<count).map { $0 * 7 }
    let mapped = Parallel.map(items, minimumChunk: 16) { "\($0)" }
    #expect(mapped == items.map { "\($0)" })
  }

  @Test func largeJSONArraysAreWrittenAsSmallOnesAre() throws {
    let items = (0..<3_000).map {
      JSONValue.object([("n", .number(Double($0))), ("s", .string("第\($0)"))])
    }
    let whole = JSONValue.array(items).text()
    let serial =
      "[\n"
      + items.map { "  " + JSONValue.array([$0]).text().dropFirst(4).dropLast(3) }
      .joined(separator: ",\n") + "\n]\n"
    #expect(whole == serial)
    #expect(try JSONValue.parse(whole) == .array(items))
  }
}
