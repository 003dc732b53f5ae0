import Testing

@testable import PlanTrackCore

/// The digest a target file's `source` records, against FIPS 180-4's examples and Python's
/// hashlib around the padding boundary (55/56 bytes leave no room for the length; 64 fills a
/// block).
struct SHA256Tests {
  static let texts: [(String, String)] = [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "到2025年，全省新能源汽车保有量达到240万辆", "d95a1adaed09a2aea052420a1b1e4d8450ffa37cc1135186958a2671c67a21dc"
    ),
  ]

  @Test(arguments: texts)
  func digestOfText(_ text: String, _ digest: String) {
    #expect(SHA256.hex(Array(text.utf8)) == digest)
  }

  static let lengths: [(Int, String)] = [
    (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
    (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
    (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
    (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
    (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
    (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
    (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
    (1000, "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d"),
  ]

  /// Bytes 0, 1, 2, … (mod 251) of each length.
  @Test(arguments: lengths)
  func digestAroundTheBlockBoundary(_ length: Int, _ digest: String) {
    #expect(SHA256.hex((0..<length).map { UInt8($0 % 251) }) == digest)
  }

  @Test func aMillionBytes() {
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
