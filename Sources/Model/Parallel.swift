import Foundation

/// Runs independent work items on several threads and returns their results in input order.
///
/// The number of threads is `workers` (by default the number of cores; `yardstick build --jobs N` sets it).
public enum Parallel {
    private static let setting = WorkerSetting()

    /// How many threads work at once; at least 1.
    public static var workers: Int {
        get { setting.value }
        set { setting.value = max(1, newValue) }
    }

    /// `transform` of every item, in order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultBox<R>(count: items.count)
        let threads = min(workers, items.count)
        if threads <= 1 {
            for (index, item) in items.enumerated() { results.set(index, transform(item)) }
            return results.values()
        }
        // Each thread takes the next item until none is left, so uneven items still keep every thread busy.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = next.take(below: items.count) {
                results.set(index, transform(items[index]))
            }
        }
        return results.values()
    }

    /// Runs `body` for every index in `0..<count`.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        _ = map(Array(0..<count)) { body($0) }
    }
}

private final class WorkerSetting: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = ProcessInfo.processInfo.activeProcessorCount

    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

private final class ResultBox<R>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.withLock { storage[index] = value }
    }

    func values() -> [R] { storage.map { $0! } }
}
