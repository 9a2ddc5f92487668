import Foundation

/// The live-reload script and the one amendment the server makes to a page.
///
/// The built site knows nothing of `book serve`: its pages are the bytes `book build` writes. The
/// server adds a single `<script>` tag before `</body>` of every HTML page it sends, because a
/// page can only follow rebuilds if it runs code of the server's, and adding it at serve time is
/// what keeps the site itself free of it. This is the only place where served bytes differ from
/// built ones.
enum LiveScript {
    /// Where the script is served; `/__book/` names nothing in a site (a chapter folder is a language).
    static let scriptPath = "/__book/live.js"
    /// Where open pages hear of builds (a WebSocket).
    static let socketPath = "/__book/live"

    /// `page` with the script tag before its last `</body>` (at the end when it has none); the tag
    /// carries the build the page belongs to, so that a page loaded from an older build reloads.
    static func inject(into page: Data, build: String) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\" data-build=\"\(build)\"></script>\n".utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var amended = page
        amended.insert(contentsOf: tag, at: end.lowerBound)
        return amended
    }

    /// A page for when no build has succeeded yet: it waits for one, showing the errors meanwhile.
    static func waitingPage(build: String) -> Data {
        inject(into: Data("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Building…</title></head>
            <body><p>The book is being built; this page reloads when it is ready.</p></body></html>

            """.utf8), build: build)
    }

    /// Keeps the page in step with the server: each message is the whole state (`build`, the
    /// token of the last good build, and `diagnostics`, the errors of the latest build). A page of
    /// another build saves its scroll position and reloads; errors show in an overlay, set as
    /// text (never as HTML); none hides it. A lost connection is retried every second.
    static let source = """
    (function () {
      "use strict";
      var me = document.currentScript;
      var build = me ? me.getAttribute("data-build") : null;
      var key = "book-live-scroll:" + location.pathname;
      var saved = null;
      try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) { /* no storage */ }
      // The position to restore until the page has loaded; a reload before then keeps it (the
      // page may not be tall enough yet to scroll there).
      var pending = null;
      // The browser's own restoring on reload would put back where a reload mid-load left it (the
      // top), after this script has scrolled: the place is restored here alone.
      try { history.scrollRestoration = "manual"; } catch (e) { /* older browsers */ }
      if (saved !== null && Number(saved) > 0) {
        pending = Number(saved);
        // Scrolled there now, once the text is laid out and once images and fonts are in, but
        // only while the page is at the top or near the place (text growing above moves it a
        // little): a reader who scrolled away meanwhile keeps their place.
        var restore = function () {
          if (pending !== null && (window.scrollY === 0 || Math.abs(window.scrollY - pending) < 200)) window.scrollTo(0, pending);
        };
        restore();
        document.addEventListener("DOMContentLoaded", restore);
        window.addEventListener("load", function () { restore(); pending = null; });
      }
      var overlay = null;
      function show(diagnostics) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "book-live-errors";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;z-index:2147483647;" +
            "margin:0;padding:12px 16px;background:#2b0b0b;color:#ffe9e9;border-bottom:3px solid #e5484d;" +
            "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 4px 16px rgba(0,0,0,.4)";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "×";
        close.setAttribute("aria-label", "Hide until the next build");
        close.style.cssText = "float:right;background:none;border:0;color:inherit;font:22px/1 sans-serif;cursor:pointer";
        close.onclick = hide;
        overlay.appendChild(close);
        var title = document.createElement("strong");
        title.textContent = "The build failed (" + diagnostics.length + " problem" + (diagnostics.length === 1 ? "" : "s") +
          "); the page shows the last good build.";
        overlay.appendChild(title);
        diagnostics.forEach(function (text) {
          var pre = document.createElement("pre");
          pre.style.cssText = "margin:10px 0 0;white-space:pre-wrap;font:inherit";
          pre.textContent = text;
          overlay.appendChild(pre);
        });
      }
      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }
      function reload() {
        // Still at the top with a place to restore: the page was not laid out far enough yet.
        var y = pending !== null && window.scrollY === 0 ? pending : window.scrollY;
        try { sessionStorage.setItem(key, String(y)); } catch (e) { /* no storage */ }
        location.reload();
      }
      function connect() {
        var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)");
        socket.onmessage = function (event) {
          var state;
          try { state = JSON.parse(event.data); } catch (e) { return; }
          if (build !== null && state.build !== build) { reload(); return; }
          if (state.diagnostics && state.diagnostics.length) show(state.diagnostics); else hide();
        };
        socket.onclose = function () { setTimeout(connect, 1000); };
      }
      connect();
    })();

    """
}
