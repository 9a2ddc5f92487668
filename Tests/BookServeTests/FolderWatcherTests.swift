import BookTestSupport
import Foundation
import Testing
@testable import BookServe

@Suite struct FolderWatcherTests {
    @Test func editsAdditionsAndRemovalsAreSeenHiddenFilesAreNot() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n")
        try book.write("data/names.txt", "anna\n")
        var watcher = FolderWatcher(root: book.chapters)
        #expect(watcher.changes() == [])
        try book.write("en/01-a.md", "# A, longer\n")
        try book.write("en/02-b.md", "# B\n")
        try book.write("en/.01-a.md.swp", "editor state")
        try book.write("en/01-a.md~", "backup")
        try FileManager.default.removeItem(at: book.chapters.appendingPathComponent("data/names.txt"))
        #expect(watcher.changes() == ["en/01-a.md", "en/02-b.md", "data/names.txt"])
        #expect(watcher.changes() == [])
    }

    @Test func onlyChapterTextKeepsTheProject() {
        #expect(FolderWatcher.isChapterText("en/03-attention.md"))
        #expect(FolderWatcher.isChapterText("ru/glossary.md"))
        #expect(!FolderWatcher.isChapterText("data/names.txt"))
        #expect(!FolderWatcher.isChapterText("data/notes.md"))
        #expect(!FolderWatcher.isChapterText("data/sub/names.txt"))
    }

}
