// book serve's live script, added to every page it sends (never to the built site). It keeps the
// page in step with the server: each message on the socket is the whole state (`build`, the token
// of the last good build, and `diagnostics`, the errors of the latest build).
//
// A page of another build updates itself. When only prose changed, the changed blocks of the
// chapter are swapped in place: the reader keeps their place, and widgets their state, and the
// browser parses no scripts again. Anything else (the head, the menus, a block a script set up)
// reloads the page, which keeps its scroll position. Errors show in an overlay, set as text (never
// as HTML); none hides it. A lost connection is retried every second.
(function () {
  "use strict";
  var SOCKET = "/__book/live";
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

  // --- Swapping changed blocks in place -------------------------------------------------------

  /** The page as the server sent it, taken now: this script runs at the end of the body, before
   *  the deferred scripts set up their parts. Nil on a page without a chapter. */
  function shape(doc) {
    var article = doc.querySelector("main article");
    if (!article) return null;
    var frame = [doc.head.innerHTML];
    // The article's start tag and, up to the body, everything beside it and its ancestors
    // (menus, contents, pager), but not this script, whose tag names the build.
    for (var node = article; node !== doc.body; node = node.parentElement) {
      frame.push(node.cloneNode(false).outerHTML);
      for (var other = node.parentElement.firstElementChild; other; other = other.nextElementSibling) {
        if (other !== node && !(other.tagName === "SCRIPT" && other.hasAttribute("data-build"))) frame.push(other.outerHTML);
      }
    }
    var blocks = Array.prototype.map.call(article.childNodes, markup);
    return { article: article, frame: frame.join("\n"), blocks: blocks };
  }

  /** A node of the chapter as text to compare: the blocks and the white space between them. */
  function markup(node) {
    return node.nodeType === 1 ? node.outerHTML : node.nodeType + ":" + node.nodeValue;
  }
  var page = shape(document);

  /** The widgets this page runs a script for (a formula, drawn at build time, has none). */
  var widgetScripts = {};
  Array.prototype.forEach.call(document.querySelectorAll("head script[src]"), function (script) {
    var name = /\/assets\/widgets\/([\w-]+)\.js$/.exec(script.getAttribute("src"));
    if (name) widgetScripts[name[1]] = true;
  });

  /** Whether a script may have set up `node` or something in it: every part a script of the
   *  book hooks carries a data- attribute, and a widget names itself in `data-widget`. */
  function scripted(node) {
    if (node.nodeType !== 1) return false;
    var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll("*")));
    for (var i = 0; i < all.length; i++) {
      if (all[i].tagName === "SCRIPT") return true;
      var attributes = all[i].attributes;
      for (var j = 0; j < attributes.length; j++) {
        var name = attributes[j].name;
        if (name === "data-widget" ? widgetScripts[attributes[j].value] : name.lastIndexOf("data-", 0) === 0) return true;
      }
    }
    return false;
  }

  /** Puts `next` (a parsed page of another build) in place of this one when they differ in
   *  unscripted chapter blocks alone; false when the page must reload instead. */
  function swap(next) {
    var now = shape(next);
    if (!page || !now || now.frame !== page.frame) return false;
    var old = page.blocks, fresh = now.blocks;
    var start = 0;
    while (start < old.length && start < fresh.length && old[start] === fresh[start]) start++;
    var end = 0;
    while (end < old.length - start && end < fresh.length - start &&
           old[old.length - 1 - end] === fresh[fresh.length - 1 - end]) end++;
    var live = Array.prototype.slice.call(page.article.childNodes);
    if (live.length !== old.length) return false;
    var leaving = live.slice(start, old.length - end);
    var coming = Array.prototype.slice.call(now.article.childNodes, start, fresh.length - end);
    if (leaving.some(scripted) || coming.some(scripted)) return false;
    var before = live[old.length - end] || null;
    leaving.forEach(function (node) { page.article.removeChild(node); });
    coming.forEach(function (node) { page.article.insertBefore(document.adoptNode(node), before); });
    page.blocks = fresh;
    return true;
  }

  // --- Following the server -------------------------------------------------------------------

  function reload() {
    // Still at the top with a place to restore: the page was not laid out far enough yet.
    var y = pending !== null && window.scrollY === 0 ? pending : window.scrollY;
    try { sessionStorage.setItem(key, String(y)); } catch (e) { /* no storage */ }
    location.reload();
  }

  var wanted = build, updating = false;
  /** Brings the page to the build `wanted` names: in place when it can, else by a reload. */
  function update() {
    if (updating || wanted === build) return;
    updating = true;
    var target = wanted;
    fetch(location.pathname + location.search, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("status " + response.status);
      return response.text();
    }).then(function (text) {
      var next = new DOMParser().parseFromString(text, "text/html");
      var tag = next.querySelector("script[data-build]");
      if (!tag || !swap(next)) { reload(); return; }
      build = tag.getAttribute("data-build");
      updating = false;
      if (wanted !== target) update();
    }).catch(reload);
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

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + SOCKET);
    socket.onmessage = function (event) {
      var state;
      try { state = JSON.parse(event.data); } catch (e) { return; }
      if (build !== null && state.build !== build) { wanted = state.build; update(); }
      if (state.diagnostics && state.diagnostics.length) show(state.diagnostics); else hide();
    };
    socket.onclose = function () { setTimeout(connect, 1000); };
  }
  connect();
})();
