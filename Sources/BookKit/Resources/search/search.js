"use strict";
// The search box in the top bar. The index was built with lunr when the book was built; this
// script loads lunr, the shared word pipeline and the edition's index the first time the reader
// uses the box (script tags, so that it works from file://), then lists the sections that match,
// grouped by chapter, each with a snippet. Keys: / focuses the box, arrows move, Enter opens,
// Escape clears and leaves.
(function () {
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var list = box.querySelector("[role=listbox]");
  var state = { index: null, documents: [], pipeline: null, english: true, loading: null, options: [], active: -1 };
  box.hidden = false;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  function ready() {
    if (!state.loading) {
      state.loading = load(box.getAttribute("data-lunr"))
        .then(function () { return load(box.getAttribute("data-pipeline")); })
        .then(function () { return load(box.getAttribute("data-index")); })
        .then(function () {
          var data = window.bookSearchIndex;
          state.pipeline = window.bookSearchPipeline(window.lunr);
          state.english = state.pipeline.english(data.language);
          state.index = window.lunr.Index.load(data.index);
          state.documents = data.documents;
        });
    }
    return state.loading;
  }

  /** The words of a query as the index holds them. */
  function words(query) {
    return query.split(/[\s\-]+/).map(state.pipeline.fold).filter(function (w) { return w.length > 0; });
  }

  /** What a query word also looks for: Russian and Estonian words change their endings, so a word of
   * six letters or more also finds the words that share all but its last two (запросов: запрос,
   * запросы; võtmega: võtmed). English has lunr's stemmer for that. */
  function shorter(term) {
    return !state.english && term.length >= 6 ? term.slice(0, term.length - 2) : null;
  }

  function search(query) {
    var terms = words(query);
    if (!terms.length) return [];
    var lunr = window.lunr;
    return state.index.query(function (q) {
      terms.forEach(function (term) {
        // The word itself (English: stemmed as the index was), and words it begins (Russian and
        // Estonian endings, a word still being typed).
        q.term(term, { boost: 10, usePipeline: state.english });
        if (term.length > 1) q.term(term, { boost: 1, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        if (shorter(term)) q.term(shorter(term), { boost: 0.5, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      });
    }).slice(0, 30);
  }

  /** About 160 characters of `text` around the first query word found in it, the word marked. */
  function snippet(text, terms) {
    var folded = text.toLowerCase().replace(/ё/g, "е");
    var at = -1, length = 0;
    terms.forEach(function (term) {
      var stem = state.english && term.length > 4 ? term.slice(0, term.length - 2) : term;
      if (folded.indexOf(stem) < 0 && shorter(term)) stem = shorter(term);
      var i = folded.indexOf(stem);
      if (i >= 0 && (at < 0 || i < at)) { at = i; length = stem.length; }
    });
    // The mark covers the whole word the query begins (or, in English, shares a stem with).
    while (at >= 0 && at + length < text.length && /[\p{L}\p{N}]/u.test(text.charAt(at + length))) length++;
    var span = document.createElement("span");
    span.className = "search-snippet";
    if (at < 0) { span.textContent = text.slice(0, 160) + (text.length > 160 ? "…" : ""); return span; }
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + length + 100);
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + length);
    span.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
    span.appendChild(mark);
    span.appendChild(document.createTextNode(text.slice(at + length, end) + (end < text.length ? "…" : "")));
    return span;
  }

  function show(query) {
    var results = search(query);
    var terms = words(query);
    list.textContent = "";
    state.options = [];
    state.active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!query.trim()) { close(); return; }
    if (!results.length) {
      var none = document.createElement("p");
      none.className = "search-nothing";
      none.textContent = box.getAttribute("data-nothing").replace("{1}", query.trim());
      list.appendChild(none);
    }
    // Chapters in the order of their best result, sections by score inside each.
    var groups = [], byChapter = {};
    results.forEach(function (result) {
      var document_ = state.documents[Number(result.ref)];
      if (!document_) return;
      var chapter = document_[1];
      if (!byChapter[chapter]) { byChapter[chapter] = []; groups.push(chapter); }
      byChapter[chapter].push(document_);
    });
    groups.forEach(function (chapter, g) {
      var group = document.createElement("div");
      group.setAttribute("role", "group");
      group.setAttribute("aria-labelledby", "search-result-group-" + g);
      var title = document.createElement("div");
      title.className = "search-chapter";
      title.id = "search-result-group-" + g;
      title.textContent = chapter;
      group.appendChild(title);
      byChapter[chapter].forEach(function (document_) {
        var option = document.createElement("a");
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.id = "search-result-" + state.options.length;
        option.className = "search-result";
        option.href = document_[0];
        option.tabIndex = -1;
        var heading = document.createElement("span");
        heading.className = "search-heading";
        heading.textContent = document_[2];
        option.appendChild(heading);
        option.appendChild(snippet(document_[3], terms));
        group.appendChild(option);
        state.options.push(option);
      });
      list.appendChild(group);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function move(step) {
    if (!state.options.length) return;
    if (state.active >= 0) state.options[state.active].setAttribute("aria-selected", "false");
    state.active = (state.active + step + state.options.length) % state.options.length;
    var option = state.options[state.active];
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  var latest = 0;
  input.addEventListener("input", function () {
    var query = input.value, ticket = ++latest;
    ready().then(function () { if (ticket === latest) show(query); });
  });
  input.addEventListener("focus", function () {
    ready().then(function () { if (input.value.trim()) show(input.value); }, function () {});
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden && input.value.trim()) show(input.value);
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      var option = state.options[state.active >= 0 ? state.active : 0];
      if (option) { event.preventDefault(); window.location.href = option.href; }
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (input.value) { input.value = ""; close(); } else { close(); input.blur(); }
    }
  });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  box.addEventListener("focusout", function (event) { if (!box.contains(event.relatedTarget)) close(); });
  document.addEventListener("click", function (event) { if (!box.contains(event.target)) close(); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
