/// The script the browser check puts at the top of a copy of each page: it records errors and
/// failed loads from the first moment, then after load checks charts, sliders, the theme toggle
/// and the language switcher, and writes a JSON verdict into `<pre id="book-probe-result">`.
enum BrowserProbe {
    static let resultID = "book-probe-result"

    /// A page that shows `source` in an iframe `width` px wide and takes over the probe's verdict.
    static func frame(source: String, width: Int) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head><body style="margin:0">
        <iframe src="\(source)" style="width:\(width)px;height:900px;border:0"></iframe>
        <script>
        window.addEventListener("message", function (e) {
          var out = document.createElement("pre");
          out.id = "\(resultID)";
          out.textContent = e.data;
          document.body.appendChild(out);
        });
        </script></body></html>
        """
    }

    static let script = """
    <script>
    (function () {
      var problems = [];
      window.addEventListener("error", function (e) {
        var t = e.target;
        if (t && t !== window && (t.src || t.href)) problems.push("failed to load " + (t.src || t.href));
        else problems.push("script error: " + (e.message || "?") + " at " + (e.filename || "?") + ":" + (e.lineno || "?"));
      }, true);
      window.addEventListener("unhandledrejection", function (e) { problems.push("unhandled rejection: " + e.reason); });
      var consoleError = console.error;
      console.error = function () {
        problems.push("console.error: " + Array.prototype.join.call(arguments, " "));
        consoleError.apply(console, arguments);
      };
      function visible(el) { return !!el && el.getClientRects().length > 0; }
      function check() {
        var result = { problems: problems, charts: 0, tables: 0, sliders: 0, languageLinks: [], themeToggled: false };
        var style = getComputedStyle(document.documentElement);
        if (!style.getPropertyValue("--bg").trim()) problems.push("book.css was not applied");
        var charts = document.querySelectorAll("svg.chart");
        for (var i = 0; i < charts.length; i++) {
          var svg = charts[i];
          result.charts++;
          var title = svg.querySelector("title");
          if (!title || !title.textContent.trim()) problems.push("chart " + i + " has no title");
          if (svg.getAttribute("role") !== "img") problems.push("chart " + i + " has no role=img");
          (svg.getAttribute("aria-labelledby") || "").split(" ").forEach(function (id) {
            if (id && !document.getElementById(id)) problems.push("chart " + i + " refers to a missing id " + id);
          });
          var marks = svg.querySelectorAll("rect, path, circle, line, polyline").length;
          if (marks < 2) problems.push("chart " + i + " (" + svg.getAttribute("class") + ") is empty");
          if (visible(svg)) {
            var box = svg.getBoundingClientRect();
            if (box.width < 20 || box.height < 20) problems.push("chart " + i + " is drawn " + box.width + "x" + box.height);
          }
        }
        var tables = document.querySelectorAll("ol.vector, table.matrix, ol.samples");
        for (var j = 0; j < tables.length; j++) {
          result.tables++;
          if (!tables[j].querySelector("li, td")) problems.push("table " + j + " is empty");
        }
        var boxes = document.querySelectorAll("[data-variants]");
        for (var k = 0; k < boxes.length; k++) {
          result.sliders++;
          var box = boxes[k];
          var control = box.querySelector(":scope > .slider");
          var input = control && control.querySelector("input[type=range]");
          var variants = box.querySelectorAll(":scope > .variant");
          if (!input || control.hidden) { problems.push("slider " + k + " has no visible control"); continue; }
          var labels = (input.getAttribute("data-labels") || "").split("\\u001f");
          var start = input.value;
          for (var v = Number(input.min); v <= Number(input.max); v++) {
            input.value = String(v);
            input.dispatchEvent(new Event("input", { bubbles: true }));
            var shown = [];
            variants.forEach(function (el) { if (!el.hidden) shown.push(el.getAttribute("data-index")); });
            if (shown.length !== 1 || shown[0] !== String(v)) problems.push("slider " + k + " at " + v + " shows variants [" + shown + "]");
            var output = control.querySelector("output");
            if (output && output.textContent !== labels[v]) problems.push("slider " + k + " at " + v + " says " + output.textContent);
          }
          input.value = start;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        document.querySelectorAll("nav.languages a[data-language-link]").forEach(function (a) {
          result.languageLinks.push(a.getAttribute("href"));
        });
        var toggle = document.querySelector("[data-theme-toggle]");
        if (toggle) {
          if (toggle.hidden) problems.push("the theme toggle stayed hidden: book.js did not run");
          var stored = null;
          try { stored = localStorage.getItem("book-theme"); } catch (e) { /* no storage */ }
          var before = getComputedStyle(document.body).backgroundColor;
          toggle.click();
          var after = getComputedStyle(document.body).backgroundColor;
          if (before === after) problems.push("the theme toggle did not change the background (" + before + ")");
          toggle.click();
          result.themeToggled = before !== after && getComputedStyle(document.body).backgroundColor === before;
          try {
            if (stored === null) localStorage.removeItem("book-theme"); else localStorage.setItem("book-theme", stored);
          } catch (e) { /* no storage */ }
        }
        var menu = document.querySelector("[data-menu-toggle]");
        if (menu) {
          menu.click();
          if (!document.body.classList.contains("menu-open") || menu.getAttribute("aria-expanded") !== "true") problems.push("the menu button did not open the menu");
          menu.click();
          if (document.body.classList.contains("menu-open")) problems.push("the menu button did not close the menu");
        }
        // Code and results wrap or fit: no block of text scrolls sideways at this window width,
        // folded code and answers opened.
        var folded = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
        folded.forEach(function (d) { d.open = true; });
        document.querySelectorAll("pre").forEach(function (pre, i) {
          if (pre.id !== "\(resultID)" && visible(pre) && pre.scrollWidth > pre.clientWidth + 1) {
            problems.push("pre " + i + " scrolls sideways at " + window.innerWidth + " px (" + pre.scrollWidth + " > " +
              pre.clientWidth + "): " + pre.textContent.slice(0, 50));
          }
        });
        // A typeset formula fits too (it would scroll inside its box).
        document.querySelectorAll(".math-display").forEach(function (formula, i) {
          if (visible(formula) && formula.scrollWidth > formula.clientWidth + 1) {
            problems.push("formula " + i + " scrolls sideways at " + window.innerWidth + " px (" + formula.scrollWidth + " > " +
              formula.clientWidth + "): " + formula.textContent.slice(0, 50));
          }
        });
        folded.forEach(function (d) { d.open = false; });
        // No negative zero anywhere, folded answers and hidden slider variants included.
        var text = "";
        var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
          acceptNode: function (n) { return n.parentNode && /^(SCRIPT|STYLE)$/.test(n.parentNode.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
        });
        while (walker.nextNode()) text += walker.currentNode.nodeValue + "\\n";
        var zero = text.match(/(^|[^\\w.,\\u2212-])[-\\u2212]0(?:[.,]0+)?(?![\\d.,]*\\d)/);
        if (zero) problems.push("a negative zero is shown: '" + zero[0].trim() + "' in '" +
          text.substr(Math.max(0, zero.index - 30), 70).replace(/\\s+/g, " ") + "'");
        performance.getEntriesByType("resource").forEach(function (r) {
          if (r.name.indexOf("file:") !== 0) problems.push("request to another host: " + r.name);
        });
        var out = document.createElement("pre");
        out.id = "\(resultID)";
        out.textContent = JSON.stringify(result);
        document.body.appendChild(out);
        if (window.parent !== window) window.parent.postMessage(out.textContent, "*");
      }
      window.addEventListener("load", function () { setTimeout(check, 100); });
    })();
    </script>
    """
}
