#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reports changes below a set of folders as they happen, with Linux's inotify: one watch per folder, new folders
/// watched as they appear, nothing read or stat'ed while nothing changes.
///
/// `yardstick serve` used to poll instead: every half second it listed and stat'ed every input, which at
/// portfolio-200 (16,944 files) kept 0.7 of a core busy while idle and added about two seconds between saving a
/// note and seeing it. Names starting with a dot (editor swap files, `.git`) are ignored, as the loader ignores
/// them. `changes` yields once for any number of events that arrive before it is next read.
final class DirectoryWatcher: @unchecked Sendable {
    /// One element per burst of changes.
    let changes: AsyncStream<Void>
    /// How many bursts there have been: a reader that rebuilt after seeing this value can skip the element that a
    /// burst during its wait left in `changes`.
    var generation: Int { lock.withLock { bursts } }

    private let lock = NSLock()
    private var bursts = 0

    private let descriptor: Int32
    /// A pipe whose write end `stop()` closes, to wake the reading thread.
    private var wake: [Int32] = [-1, -1]
    private let continuation: AsyncStream<Void>.Continuation
    /// Watched folders by watch descriptor; touched only by `init` and then the reading thread.
    private var folders: [Int32: String] = [:]
    /// The roots as given, and those that do not exist (yet, or any more: `rm -rf content && git checkout .`),
    /// looked for twice a second and watched again when they are back.
    private let roots: [String]
    private var missingRoots: Set<String> = []

    /// What counts as a change: a file written and closed, created, deleted or renamed, a folder gone.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
        | IN_MOVE_SELF | IN_MODIFY)

    /// Watches every folder below `roots`; nil when inotify is unavailable or refuses a watch (the per-user limit,
    /// `fs.inotify.max_user_watches`), so that the caller can poll instead. Missing roots are skipped.
    init?(roots: [String]) {
        self.roots = roots
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        guard pipe(&wake) == 0 else {
            close(descriptor)
            return nil
        }
        // Close-on-exec, as the inotify descriptor: a child (the site's background `rm`) must not keep them open.
        for file in wake { _ = fcntl(file, F_SETFD, FD_CLOEXEC) }
        for root in roots where !watchTree(root) {
            for file in [descriptor] + wake { close(file) }
            return nil
        }
        missingRoots = Set(roots.filter { root in !folders.values.contains(root) })
        let thread = Thread { [self] in readEvents() }
        thread.name = "yardstick-watch"
        thread.start()
        #else
        return nil
        #endif
    }

    /// Stops watching: the reading thread ends, the descriptors are closed and `changes` finishes. Once is enough.
    func stop() {
        #if os(Linux)
        lock.withLock {
            guard wake[1] >= 0 else { return }
            close(wake[1])
            wake[1] = -1
        }
        #endif
    }

    #if os(Linux)
    /// Watches `path` and every folder below it (not those whose names start with a dot), following links to
    /// folders as the build does, but not back into a folder being walked (`ancestors`, by device and inode);
    /// false if a watch failed.
    private func watchTree(_ path: String, ancestors: [(UInt64, UInt64)] = []) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return true }
        let identity = (UInt64(status.st_dev), UInt64(status.st_ino))
        if ancestors.contains(where: { $0 == identity }) { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        folders[watch] = path
        guard let handle = opendir(path) else { return true }
        defer { closedir(handle) }
        var subfolders: [String] = []
        while let entry = readdir(handle) {
            let name = entry.name
            guard !name.hasPrefix(".") else { continue }
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): subfolders.append(path + "/" + name)
            case UInt8(DT_LNK), UInt8(DT_UNKNOWN):
                var target = stat()
                if stat(path + "/" + name, &target) == 0, target.st_mode & S_IFMT == S_IFDIR { subfolders.append(path + "/" + name) }
            default: continue
            }
        }
        return subfolders.allSatisfy { watchTree($0, ancestors: ancestors + [identity]) }
    }

    /// Reads events until `stop()` or a failure, watching new folders and reporting each burst.
    private func readEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer {
            buffer.deallocate()
            close(descriptor)
            close(wake[0])
            continuation.finish()
        }
        while true {
            var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            if poll(&ready, 2, missingRoots.isEmpty ? -1 : 500) < 0 {
                if errno == EINTR { continue }
                return
            }
            if ready[1].revents != 0 { return }
            var changed = false
            for root in missingRoots where access(root, F_OK) == 0 {
                _ = watchTree(root)
                if folders.values.contains(root) {
                    missingRoots.remove(root)
                    changed = true
                }
            }
            if ready[0].revents == 0 {
                if changed { report() }
                continue
            }
            let count = read(descriptor, buffer, size)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: min(length, count - offset - 16))
                let name = String(decoding: nameBytes.prefix(while: { $0 != 0 }), as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed = true  // Events were lost: something changed.
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    if let path = folders.removeValue(forKey: watch), roots.contains(path) {
                        missingRoots.insert(path)
                        changed = true
                    }
                    continue
                }
                guard !name.hasPrefix(".") else { continue }
                changed = true
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[watch] {
                    // A new folder, one moved in or a link to one: watch it and whatever it already holds.
                    _ = watchTree(parent + "/" + name)
                }
            }
            if changed { report() }
        }
    }

    /// One more burst. Not yielded once `stop()` has run (under the same lock), so that after it the stream holds
    /// at most the one change buffered before: events already read when `stop()` was called are dropped.
    private func report() {
        lock.withLock {
            bursts += 1
            if wake[1] >= 0 { continuation.yield(()) }
        }
    }
    #endif
}
