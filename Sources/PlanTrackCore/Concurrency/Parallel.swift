import Dispatch
import Foundation

/// Work on long arrays spread over the cores, with the results in order.
public enum Parallel {
  /// `items.map(transform)`, computed in contiguous slices of at least `minimumChunk` items on
  /// all cores. `transform` must be safe to call from several threads at once. Arrays shorter
  /// than two slices are mapped on the calling thread.
  public static func map<T: Sendable, U: Sendable>(
    _ items: [T], minimumChunk: Int = 256, _ transform: @Sendable (T) -> U
  ) -> [U] {
    let n = items.count
    let size = max(minimumChunk, (n + 15) / 16)
    let count = (n + size - 1) / size
    if count <= 1 { return items.map(transform) }
    var parts = [[U]](repeating: [], count: count)
    parts.withUnsafeMutableBufferPointer { slots in
      // Each iteration writes only its own slot.
      nonisolated(unsafe) let slots = slots
      DispatchQueue.concurrentPerform(iterations: count) { c in
        let range = (c * size)..<min(n, (c + 1) * size)
        slots[c] = items[range].map(transform)
      }
    }
    return Array(parts.joined())
  }

  /// Runs `background` on another thread while `foreground` runs on this one, and returns
  /// both results: for two independent reads (the target files and the store).
  public static func pair<A: Sendable, B>(
    _ background: @escaping @Sendable () -> A, _ foreground: () throws -> B
  ) rethrows -> (A, B) {
    let box = ResultBox<A>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      box.value = background()
      done.signal()
    }
    let b: B
    do {
      b = try foreground()
    } catch {
      done.wait()  // the other thread must not outlive the call
      throw error
    }
    done.wait()
    return (box.value!, b)
  }
}

/// A result handed from one thread to another; the semaphore in `Parallel.pair` orders the
/// write before the read.
private final class ResultBox<T>: @unchecked Sendable {
  var value: T?
}
