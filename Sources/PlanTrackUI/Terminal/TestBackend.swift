/// A terminal in memory, like ratatui's `TestBackend`: it plays a script of inputs and
/// records every frame, so `DashboardLoop` runs inside a test. A read after the last step finds
/// nothing and the backend reports itself disconnected, which ends the loop: every step is
/// played, and the last frame shows the effect of the last step.
///
/// Besides the frames as drawn, it keeps `screen`: what a terminal would show after writing
/// the `FrameDiff` runs of each frame (the bottom-right cell is never written).
public final class TestBackend: TerminalBackend {
  /// One turn of the script.
  public enum Step: Hashable, Sendable {
    /// A key arrives.
    case key(Key)
    /// A mouse event arrives, as the ncurses backend decodes it.
    case mouse(MouseEvent)
    /// The screen is resized and the backend reports it as an input.
    case resize(width: Int, height: Int)
    /// The screen is resized, but no input says so (ncurses took it on its own): the read
    /// times out and only `size` has changed.
    case silentResize(width: Int, height: Int)
    /// No input within the timeout.
    case timeout
  }

  public private(set) var size: (width: Int, height: Int)
  public let isUTF8: Bool
  public let hasColor: Bool
  public let colors: Int
  /// The steps not played yet.
  public private(set) var script: [Step]
  /// Every buffer drawn, in order.
  public private(set) var frames: [ScreenBuffer] = []
  /// The runs written for each frame, in order.
  public private(set) var writes: [[FrameDiff.Run]] = []
  /// What the screen shows now.
  public private(set) var screen: ScreenBuffer
  /// The timeouts the reads asked for, in order.
  public private(set) var reads: [Int] = []
  /// How many times the last frame was forgotten.
  public private(set) var invalidations = 0
  /// Whether `stop` was called.
  public private(set) var isStopped = false
  private var last: ScreenBuffer?
  private var ranOut = false

  /// A screen of `width` × `height` that will play `script`; a terminal of `colors` colours
  /// (by default 8 when `hasColor`, none otherwise).
  public init(
    width: Int, height: Int, isUTF8: Bool = true, hasColor: Bool = false, colors: Int? = nil,
    script: [Step]
  ) {
    size = (width, height)
    self.isUTF8 = isUTF8
    self.hasColor = hasColor
    self.colors = colors ?? (hasColor ? 8 : 0)
    self.script = script
    screen = ScreenBuffer(width: width, height: height)
  }

  /// Every frame drawn as a text grid, one string per row.
  public var frameLines: [[String]] { frames.map(\.lines) }

  /// True once a read found the script played out.
  public var isDisconnected: Bool { ranOut }

  public func draw(_ buffer: ScreenBuffer) {
    let runs = FrameDiff.runs(from: last, to: buffer)
    if buffer.width != screen.width || buffer.height != screen.height {
      screen = ScreenBuffer(width: buffer.width, height: buffer.height)
    }
    for run in runs { screen.put(run.text, x: run.column, y: run.row, style: run.style) }
    frames.append(buffer)
    writes.append(runs)
    last = buffer
  }

  public func invalidate() {
    invalidations += 1
    last = nil
  }

  public func readInput(timeout: Int) -> TerminalInput? {
    reads.append(timeout)
    guard !script.isEmpty else {
      ranOut = true
      return nil
    }
    switch script.removeFirst() {
    case .key(let k):
      return .key(k)
    case .mouse(let m):
      return .mouse(m)
    case .resize(let w, let h):
      size = (w, h)
      invalidate()
      return .resize(width: w, height: h)
    case .silentResize(let w, let h):
      size = (w, h)
      return nil
    case .timeout:
      return nil
    }
  }

  public func stop() { isStopped = true }
}
