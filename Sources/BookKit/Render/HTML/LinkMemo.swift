import Foundation
import Synchronization

/// Each page's links and ids as the last check read them, by path: a server's build changes a
/// page or two, and reading every page's attributes again took half of its drawing time.
final class LinkMemo: Sendable {
    private let pages = Mutex<[String: (data: Data, links: LinkChecker.PageLinks)]>([:])

    /// `data`'s links, read now unless the page at `path` had these very bytes last time.
    func page(_ path: String, _ data: Data) -> LinkChecker.PageLinks {
        if let kept = pages.withLock({ $0[path] }), kept.data == data { return kept.links }
        let links = LinkChecker.PageLinks(data)
        pages.withLock { $0[path] = (data, links) }
        return links
    }

    /// Forgets pages the site no longer has.
    func keep(only paths: Set<String>) {
        pages.withLock { $0 = $0.filter { paths.contains($0.key) } }
    }
}
