import Foundation
@testable import BookKit

/// Loads every page of a built site in headless Chromium and reports what a reader would hit:
/// script errors, failed or outside requests, empty charts, sliders or theme toggle that do not
/// work, language links that lead nowhere. Optionally saves screenshots, light and dark.
public struct BrowserCheck: Sendable {
    /// The Chromium executable.
    public var chromium: String
    /// Where screenshots go (`<page>-light.png`, `-dark.png`, `-phone.png`); none when nil.
    public var screenshots: URL?
    /// Also take a phone-width screenshot of every chapter page.
    public var phoneScreenshots: Bool
    /// Longest time one browser run may take before it is stopped and counted as a failure.
    public var timeout: Duration
    /// Window widths to probe every page at (e.g. 1280 and a phone's 390): layout problems such as
    /// a `pre` that scrolls sideways depend on the width. Empty: Chromium's default window only.
    public var widths: [Int] = []

    /// A check with these settings.
    public init(chromium: String = "chromium", screenshots: URL? = nil, phoneScreenshots: Bool = true,
                timeout: Duration = .seconds(90)) {
        self.chromium = chromium
        self.screenshots = screenshots
        self.phoneScreenshots = phoneScreenshots
        self.timeout = timeout
    }

    /// What the probe found on one page.
    public struct PageReport: Sendable, Decodable {
        /// The page, relative to the site root.
        public var page: String = ""
        public var problems: [String]
        public var charts: Int
        public var tables: Int
        public var sliders: Int
        public var languageLinks: [String]
        public var themeToggled: Bool

        private enum CodingKeys: String, CodingKey {
            case problems, charts, tables, sliders, languageLinks, themeToggled
        }
    }

    /// Every page's report; `failures` lists each problem as `page: problem`.
    public struct Report: Sendable {
        public var pages: [PageReport]
        public var failures: [String] { pages.flatMap { page in page.problems.map { "\(page.page): \($0)" } } }
    }

    /// Checks every `.html` file under `site` (left untouched: the probe runs on a copy).
    public func run(site: URL) throws -> Report {
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("book-browser-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: work) }
        let copy = work.appendingPathComponent("site")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        try manager.copyItem(at: site, to: copy)
        if let screenshots { try manager.createDirectory(at: screenshots, withIntermediateDirectories: true) }
        let pages = (manager.enumerator(atPath: copy.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".html") }.sorted()
        let languages = Set(pages.compactMap { $0.contains("/") ? String($0.split(separator: "/")[0]) : nil })

        var reports: [PageReport] = []
        for page in pages {
            var report = try probe(page: page, in: copy, profile: work.appendingPathComponent("profile"), width: widths.first)
            for width in widths.dropFirst() {
                let narrow = try probe(page: page, in: copy, profile: work.appendingPathComponent("profile"), width: width)
                report.problems += narrow.problems.filter { !report.problems.contains($0) }
            }
            report.page = page
            report.problems += languageProblems(page: page, links: report.languageLinks, languages: languages, pages: Set(pages))
            if let screenshots {
                let stem = page.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".html", with: "")
                let url = copy.appendingPathComponent(page)
                var shots = [("light", ["--window-size=1200,900"], url), ("dark", ["--window-size=1200,900"], try darkCopy(of: url))]
                if phoneScreenshots && page.contains("/") && !page.hasSuffix("index.html") {
                    shots.append(("phone", ["--window-size=390,844"], url))
                }
                for (name, flags, target) in shots {
                    let png = screenshots.appendingPathComponent("\(stem)-\(name).png")
                    try? manager.removeItem(at: png)
                    // A profile of its own: the probe's theme clicks must not colour the pictures.
                    let run = try browser(flags + ["--hide-scrollbars", "--screenshot=\(png.path)", target.absoluteString],
                                          profile: work.appendingPathComponent("screenshots-profile"))
                    if !manager.fileExists(atPath: png.path) {
                        report.problems.append("no \(name) screenshot: \(run.stderr.suffix(300))")
                    }
                }
            }
            reports.append(report)
        }
        return Report(pages: reports)
    }

    /// A copy of `page` next to it that starts in the dark theme (as the toggle would set it).
    private func darkCopy(of page: URL) throws -> URL {
        let html = try String(contentsOf: page, encoding: .utf8)
        let copy = page.deletingLastPathComponent().appendingPathComponent(".dark-" + page.lastPathComponent)
        try Data(html.replacingOccurrences(of: "<html lang=", with: "<html data-theme=\"dark\" lang=").utf8).write(to: copy)
        return copy
    }

    /// Runs the probe on a copy of `page` with the script inserted first thing in its head.
    private func probe(page: String, in site: URL, profile: URL, width: Int?) throws -> PageReport {
        let original = site.appendingPathComponent(page)
        let html = try String(contentsOf: original, encoding: .utf8)
        guard let head = html.range(of: "<head>") else {
            return PageReport(problems: ["the page has no <head>"], charts: 0, tables: 0, sliders: 0, languageLinks: [], themeToggled: false)
        }
        let probed = html.replacingCharacters(in: head, with: "<head>" + BrowserProbe.script)
        let probeURL = original.deletingLastPathComponent().appendingPathComponent(".probe-" + original.lastPathComponent)
        try Data(probed.utf8).write(to: probeURL)
        // Headless Chromium's window is never narrower than 500 px: a width is an iframe's.
        let frameURL = original.deletingLastPathComponent().appendingPathComponent(".frame-" + original.lastPathComponent)
        if let width { try Data(BrowserProbe.frame(source: probeURL.lastPathComponent, width: width).utf8).write(to: frameURL) }
        defer {
            try? FileManager.default.removeItem(at: probeURL)
            try? FileManager.default.removeItem(at: frameURL)
        }
        let size = width.map { ["--window-size=\(max($0 + 40, 500)),1000"] } ?? []
        let target = width == nil ? probeURL : frameURL
        let run = try browser(size + ["--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", target.absoluteString],
                              profile: profile)
        let pattern = "<pre id=\"\(BrowserProbe.resultID)\">"
        guard let start = run.stdout.range(of: pattern),
              let end = run.stdout.range(of: "</pre>", range: start.upperBound..<run.stdout.endIndex) else {
            return PageReport(problems: ["the probe did not finish (exit \(run.status)): \(run.stderr.suffix(400))"],
                              charts: 0, tables: 0, sliders: 0, languageLinks: [], themeToggled: false)
        }
        let json = String(run.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        var report = try JSONDecoder().decode(PageReport.self, from: Data(json.utf8))
        // Chromium's own log catches what a page script cannot see (e.g. a blocked request, a WebGL
        // warning): a page says nothing on the console at all.
        for line in run.stderr.split(separator: "\n") where line.contains(":CONSOLE") || line.contains("net::ERR_") {
            report.problems.append("browser log: " + line.trimmingCharacters(in: .whitespaces))
        }
        return report
    }

    /// Language links must lead to the same page (or the edition's index) in each other language.
    private func languageProblems(page: String, links: [String], languages: Set<String>, pages: Set<String>) -> [String] {
        let parts = page.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return [] }
        var problems: [String] = []
        var reached: Set<String> = []
        for link in links {
            guard let target = LinkChecker.resolve(link, from: page) else { problems.append("language link \(link) leaves the site"); continue }
            let targetParts = target.split(separator: "/").map(String.init)
            if !pages.contains(target) { problems.append("language link \(link) leads to a missing page") }
            if targetParts.count == 2 {
                reached.insert(targetParts[0])
                if targetParts[1] != parts[1] && targetParts[1] != "index.html" {
                    problems.append("language link \(link) leads to another page than \(parts[1])")
                }
            }
        }
        let missing = languages.subtracting(reached).subtracting([parts[0]])
        if !missing.isEmpty { problems.append("no language link to \(missing.sorted().joined(separator: ", "))") }
        return problems
    }

    private struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// One headless Chromium run; output is read from files so that no pipe can fill up.
    private func browser(_ arguments: [String], profile: URL) throws -> Run {
        let manager = FileManager.default
        let out = profile.deletingLastPathComponent().appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = profile.deletingLastPathComponent().appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = manager.createFile(atPath: out.path, contents: nil)
        _ = manager.createFile(atPath: err.path, contents: nil)
        defer { try? manager.removeItem(at: out); try? manager.removeItem(at: err) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // WebGL through SwiftShader, asked for by name: the 3D views draw without the browser's
        // warning about falling back to software on its own.
        process.arguments = [chromium, "--headless=new", "--disable-gpu", "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
                             "--no-sandbox", "--no-first-run",
                             "--disable-extensions", "--user-data-dir=\(profile.path)"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        BrowserTurns.take()
        defer { BrowserTurns.give() }
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
