import BookTestSupport
import Foundation
import Testing
@testable import BookKit

@Suite(.ownThreads) struct PageLibrariesTests {
    @Test func widgetNamesAreReadFromTheBodyOnceEachInOrder() {
        let body = #"<div data-widget="lab"></div><p>data-widget</p><div data-widget="map"></div><div data-widget="lab"></div>"#
        #expect(WidgetAssets.widgets(in: body) == ["lab", "map"])
        #expect(WidgetAssets.widgets(in: "<p>no widgets</p>").isEmpty)
        #expect(WidgetAssets.headTags(widgets: WidgetAssets.widgets(in: "<p>plain</p>"), up: "../") == "")
    }

    @Test func everyVendorLibraryIsCopiedFromItsDebianPackage() throws {
        for (name, library) in VendorLibrary.all {
            let files = try library.files()
            #expect(!files.isEmpty, "\(name)")
            for script in library.scripts + library.styles {
                let copied = try #require(files["assets/vendor/\(name)/\(script)"])
                #expect(copied == FileManager.default.contents(atPath: library.folder + "/" + script))
            }
        }
        let katex = try #require(VendorLibrary.all["katex"])
        #expect(try katex.files().keys.contains { $0.hasPrefix("assets/vendor/katex/fonts/KaTeX_Main-Regular") })
    }

    @Test func aMissingLibraryNamesItsPackage() {
        let absent = VendorLibrary(name: "gone", package: "libjs-gone", folder: "/nonexistent", scripts: ["gone.js"],
                                   styles: [], folders: [])
        #expect { try absent.files() } throws: { error in
            "\(error)".contains("libjs-gone") && "\(error)".contains("/nonexistent/gone.js")
        }
    }
}
