"use strict";
// The attention lab: arranges the numbers the build computed (the JSON in each figure); it
// computes no model result. Choosing a name, head and query position redraws the table and
// outlines the chosen head and row among the heatmaps.
(function () {
  var fill = BookWidgets.fill, el = BookWidgets.el, control = BookWidgets.control;
  var rangeControl = BookWidgets.rangeControl, liveSummary = BookWidgets.summary;

  function setup(figure) {
    var script = figure.querySelector("script.widget-data");
    if (!script) return;
    var data = JSON.parse(script.textContent), words = data.words;
    function fmt(x) { return String(x).replace(".", data.separator).replace(/-/g, "\u2212"); }
    function vector(xs) { return "[" + xs.map(fmt).join("; ") + "]"; }

    var live = el("div", "widget-live");
    live.appendChild(el("p", "widget-hint", words.hint));
    var controls = el("div", "widget-controls");
    var textSelect = el("select");
    textSelect.setAttribute("data-role", "text");
    data.texts.forEach(function (t, i) {
      var option = el("option", "", t.text + " (" + (t.known ? words.inData : words.notInData) + ")");
      option.value = String(i);
      textSelect.appendChild(option);
    });
    var headSelect = el("select");
    headSelect.setAttribute("data-role", "head");
    data.texts[0].heads.forEach(function (h, i) {
      var option = el("option", "", fill(words.headLabel, [i]));
      option.value = String(i);
      headSelect.appendChild(option);
    });
    var position = el("input");
    position.type = "range";
    position.min = "0";
    position.step = "1";
    position.setAttribute("data-role", "position");
    var range = rangeControl(words.position, position), shown = range.output;
    controls.appendChild(control(words.text, textSelect));
    controls.appendChild(control(words.head, headSelect));
    controls.appendChild(range.label);
    live.appendChild(controls);
    var summary = liveSummary();
    live.appendChild(summary);
    var tableBox = el("div", "table-scroll");
    tableBox.setAttribute("aria-live", "polite");
    live.appendChild(tableBox);
    var headsTitle = el("p", "widget-subtitle");
    live.appendChild(headsTitle);
    var heads = el("div", "lab-heads");
    live.appendChild(heads);

    function table(text, h, i) {
      var head = text.heads[h];
      var t = el("table", "rows lab-table");
      t.appendChild(el("caption", "", fill(words.queryLabel, [i, text.symbols[i], h]) + " = " + vector(head.q[i])));
      var row = el("tr");
      [words.keyColumn, words.keyVector, words.dotColumn, fill(words.scoreColumn, [fmt(data.root)]), words.weightColumn, words.valueColumn]
        .forEach(function (name) { var th = el("th", "", name); th.scope = "col"; row.appendChild(th); });
      var thead = el("thead");
      thead.appendChild(row);
      t.appendChild(thead);
      var body = el("tbody");
      for (var j = 0; j <= i; j++) {
        var r = el("tr");
        r.setAttribute("data-key", String(j));
        var th = el("th", "", j + " " + text.symbols[j]);
        th.scope = "row";
        r.appendChild(th);
        [["k", vector(head.k[j])], ["dot", fmt(head.dot[i][j])], ["score", fmt(head.score[i][j])],
         ["weight", fmt(head.w[i][j])], ["v", vector(head.v[j])]].forEach(function (cell) {
          var td = el("td", "", cell[1]);
          td.setAttribute("data-cell", cell[0]);
          if (cell[0] === "weight") td.style.setProperty("--share", String(head.w[i][j]));
          r.appendChild(td);
        });
        body.appendChild(r);
      }
      t.appendChild(body);
      var foot = el("tfoot"), fr = el("tr"), label = el("th", "", words.outputRow);
      label.scope = "row";
      label.colSpan = 5;
      fr.appendChild(label);
      var out = el("td", "", vector(head.out[i]));
      out.setAttribute("data-cell", "output");
      fr.appendChild(out);
      foot.appendChild(fr);
      t.appendChild(foot);
      return t;
    }

    function heatmap(text, h, chosenHead, chosenRow) {
      var head = text.heads[h];
      var t = el("table", "lab-heat" + (h === chosenHead ? " chosen" : ""));
      t.setAttribute("data-head", String(h));
      t.appendChild(el("caption", "", fill(words.headLabel, [h])));
      var top = el("tr");
      top.appendChild(el("th"));
      text.symbols.forEach(function (s) { var th = el("th", "", s); th.scope = "col"; top.appendChild(th); });
      t.appendChild(top);
      head.w.forEach(function (weights, i) {
        var r = el("tr", i === chosenRow && h === chosenHead ? "chosen" : "");
        var th = el("th", "", text.symbols[i]);
        th.scope = "row";
        r.appendChild(th);
        text.symbols.forEach(function (s, j) {
          // Two decimals fit a cell; the whole number is the cell's title and in the table above.
          var td = el("td", j <= i ? "" : "empty", j <= i ? fmt(weights[j].toFixed(2)) : "");
          if (j <= i) {
            td.style.setProperty("--share", String(weights[j]));
            td.title = fmt(weights[j]);
            // A click on a row picks that head and query (the menus and slider do the same by keyboard).
            td.setAttribute("data-query", String(i));
          }
          r.appendChild(td);
        });
        t.appendChild(r);
      });
      var box = el("div", "table-scroll");
      box.appendChild(t);
      return box;
    }

    function show() {
      var text = data.texts[Number(textSelect.value)], h = Number(headSelect.value);
      var last = text.symbols.length - 1;
      position.max = String(last);
      if (Number(position.value) > last) position.value = String(last);
      var i = Number(position.value);
      shown.textContent = i + " " + text.symbols[i];
      position.setAttribute("aria-valuetext", i + " " + text.symbols[i]);
      summary.textContent = fill(words.summary, [text.text, h, i, text.symbols[i], text.heads[h].w[i].map(fmt).join(", ")]);
      tableBox.replaceChildren(table(text, h, i));
      headsTitle.textContent = fill(words.headsTitle, [text.text]);
      heads.replaceChildren.apply(heads, text.heads.map(function (x, k) { return heatmap(text, k, h, i); }));
    }

    heads.addEventListener("click", function (event) {
      var cell = event.target.closest("td[data-query]"), table = cell && cell.closest("table.lab-heat");
      if (!table) return;
      headSelect.value = table.getAttribute("data-head");
      position.value = cell.getAttribute("data-query");
      show();
    });
    textSelect.addEventListener("change", function () {
      position.value = String(data.texts[Number(textSelect.value)].symbols.length - 1);
      show();
    });
    headSelect.addEventListener("change", show);
    position.addEventListener("input", show);
    position.max = String(data.texts[0].symbols.length - 1);
    position.value = position.max;
    var staticForm = figure.querySelector(".widget-static");
    if (staticForm) staticForm.hidden = true;
    figure.insertBefore(live, figure.firstChild);
    show();
  }

  BookWidgets.each("attention-lab", setup);
})();
