import CNCursesW
import PlanTrackTerminal
import PlanTrackUI
import Testing

/// What `wget_wch` returns → the key the dashboard sees, code by code.
@Suite("KeyDecoder: ncurses codes and characters to keys")
struct KeyDecoderTests {
  @Test(
    arguments: [
      (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
      (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
      (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
    ])
  func keypadCodes(code: Int32, key: Key) {
    #expect(KeyDecoder.decode(UInt32(code), isKeyCode: true) == .key(key))
  }

  @Test func theResizeCodeIsAResize() {
    #expect(KeyDecoder.decode(UInt32(KEY_RESIZE), isKeyCode: true) == .resize)
  }

  @Test(arguments: [KEY_F0 + 1, KEY_IC, KEY_SHOME])
  func otherKeypadCodesAreIgnored(code: Int32) {
    #expect(KeyDecoder.decode(UInt32(code), isKeyCode: true) == nil)
  }

  @Test(
    arguments: [
      (10, Key.enter), (13, .enter), (27, .escape), (9, .tab), (8, .backspace),
      (127, .backspace), (1, .control("a")), (3, .control("c")), (21, .control("u")),
      (26, .control("z")), (0x20, .char(" ")), (0x71, .char("q")), (0x2F, .char("/")),
      (0x4E07, .char("万")), (0x1F600, .char("😀")),
    ] as [(UInt32, Key)])
  func characters(ch: UInt32, key: Key) {
    #expect(KeyDecoder.decode(ch, isKeyCode: false) == .key(key))
  }

  /// A character code equal to a keypad code is a character: only `KEY_CODE_YES` says which.
  @Test func aCharacterWithAKeypadCodesValueIsACharacter() {
    #expect(KeyDecoder.decode(UInt32(KEY_UP), isKeyCode: false) == .key(.char("ă")))
  }

  @Test(arguments: [0, 28, 31, 0xD800, 0x11_0000] as [UInt32])
  func nulOtherControlsAndNonScalarsAreIgnored(ch: UInt32) {
    #expect(KeyDecoder.decode(ch, isKeyCode: false) == nil)
  }
}
