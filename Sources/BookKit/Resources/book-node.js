"use strict";
// The build's one Node.js process: typesets formulas with KaTeX and builds each edition's lunr
// search index. Requests arrive on stdin, one JSON object a line; each gets one line of JSON on
// stdout, in order. Libraries come from the paths the request names (Debian's libjs-katex and
// libjs-lunr), so nothing here reaches the network.
var libraries = {};
function library(path) { return libraries[path] || (libraries[path] = require(path)); }

/** KaTeX's message without its own prefix and the quoted position (the build quotes the line). */
function bare(message) {
  return String(message).replace(/^KaTeX parse error: /, "").replace(/ at (position \d+|end of input): [\s\S]*$/, "");
}

function typeset(request) {
  var katex = library(request.katex);
  return {
    version: katex.version,
    results: request.formulas.map(function (formula) {
      var options = { displayMode: formula.display, throwOnError: true, strict: "error", output: "htmlAndMathml" };
      try {
        var html = katex.renderToString(formula.tex, options);
        options.output = "mathml";
        return { html: html, mathml: katex.renderToString(formula.tex, options) };
      } catch (error) {
        // KaTeX counts UTF-16 units; the build counts UTF-8 bytes.
        var at = typeof error.position === "number" ? error.position : formula.tex.length;
        return { error: bare(error.message), offset: Buffer.byteLength(formula.tex.slice(0, at), "utf8") };
      }
    })
  };
}

function index(request) {
  var lunr = library(request.lunr);
  var pipeline = library(request.pipeline)(lunr);
  return {
    version: lunr.version,
    indexes: request.editions.map(function (edition) {
      var built = lunr(function () {
        pipeline.configure(this, edition.language);
        this.ref("ref");
        this.field("heading", { boost: 4 });
        this.field("chapter", { boost: 2 });
        this.field("body");
        edition.documents.forEach(function (document, i) {
          this.add({ ref: String(i), heading: document.heading, chapter: document.chapter, body: document.body });
        }, this);
      });
      return { language: edition.language, index: JSON.stringify(built) };
    })
  };
}

var pending = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", function (chunk) {
  pending += chunk;
  var end;
  while ((end = pending.indexOf("\n")) >= 0) {
    var line = pending.slice(0, end);
    pending = pending.slice(end + 1);
    if (!line.trim()) continue;
    var request = JSON.parse(line);
    var answer = request.kind === "math" ? typeset(request) : index(request);
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
});
