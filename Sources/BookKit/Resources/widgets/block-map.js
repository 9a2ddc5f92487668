"use strict";
// The block map. Every number it shows is an activation the engine recorded during the build
// for one of a few names; choosing a station, a name or a position only picks which to show.
(function () {
  var format = BookWidgets.format, fill = BookWidgets.fill;

  function symbol(s) { return s === "" ? "\u2205" : s === " " ? "\u2423" : s; }

  function setup(figure) {
    var source = figure.querySelector("script.widget-data");
    if (!source) return;
    var d = JSON.parse(source.textContent);
    var words = d.words;
    var fmt = function (x) { return format(x, d.decimal); };
    var pickers = figure.querySelector(".block-map-pickers");
    var textPick = figure.querySelector("select[data-pick=text]");
    var positionPick = figure.querySelector("select[data-pick=position]");
    var panel = figure.querySelector(".block-map-panel");
    var stations = Array.prototype.slice.call(figure.querySelectorAll("button.station"));
    var chosen = { text: d.defaultText, position: d.defaultPosition, station: 0 };

    d.texts.forEach(function (t, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = t.name;
      textPick.appendChild(option);
    });

    function fillPositions() {
      var t = d.texts[chosen.text];
      positionPick.textContent = "";
      t.inputs.forEach(function (input, p) {
        var option = document.createElement("option");
        option.value = String(p);
        option.textContent = fill(words.positionOption, [p, symbol(input), symbol(t.targets[p])]);
        positionPick.appendChild(option);
      });
      chosen.position = Math.min(chosen.position, t.inputs.length - 1);
      positionPick.value = String(chosen.position);
    }

    // One row of numbers as shaded cells, as the book's vectors look.
    function cells(values, offset, names) {
      var largest = 1e-12;
      values.forEach(function (v) { largest = Math.max(largest, Math.abs(v)); });
      var list = document.createElement("ol");
      list.className = "vector";
      values.forEach(function (v, i) {
        var item = document.createElement("li");
        item.className = v < 0 ? "neg" : "pos";
        item.style.setProperty("--s", Math.round(Math.abs(v) / largest * 45) + "%");
        var index = document.createElement("span");
        index.className = "index";
        index.textContent = names ? names[offset + i] : String(offset + i);
        item.appendChild(index);
        item.appendChild(document.createTextNode(fmt(v)));
        list.appendChild(item);
      });
      return list;
    }

    function show() {
      var t = d.texts[chosen.text], station = d.stations[chosen.station];
      var values = t.values[chosen.position][chosen.station];
      stations.forEach(function (b, i) { b.setAttribute("aria-pressed", i === chosen.station ? "true" : "false"); });
      panel.textContent = "";
      var heading = document.createElement("p");
      heading.className = "block-map-heading";
      heading.textContent = fill(words.shown, [station.title, t.name, chosen.position]);
      var shape = document.createElement("p");
      shape.className = "block-map-shape";
      shape.textContent = station.shape;
      panel.appendChild(heading);
      panel.appendChild(shape);
      var perRow = station.rows > 1 ? Math.max(1, Math.floor(values.length / station.rows)) : values.length;
      for (var start = 0, row = 0; start < values.length; start += perRow, row++) {
        if (station.rows > 1) {
          var label = document.createElement("p");
          label.className = "block-map-row";
          label.textContent = fill(words.row, [row]);
          panel.appendChild(label);
        }
        panel.appendChild(cells(values.slice(start, start + perRow), station.rows > 1 ? 0 : start, station.perToken ? d.symbols : null));
      }
      var link = document.createElement("a");
      link.href = station.link;
      link.textContent = words.read;
      var p = document.createElement("p");
      p.className = "block-map-link";
      p.appendChild(link);
      panel.appendChild(p);
      figure.setAttribute("data-shown", t.name + " " + chosen.position + " " + station.key);
    }

    textPick.addEventListener("change", function () { chosen.text = Number(textPick.value); fillPositions(); show(); });
    positionPick.addEventListener("change", function () { chosen.position = Number(positionPick.value); show(); });
    stations.forEach(function (button, i) {
      button.tabIndex = i === 0 ? 0 : -1;
      button.addEventListener("click", function () { chosen.station = i; show(); });
      button.addEventListener("focus", function () {
        stations.forEach(function (b) { b.tabIndex = b === button ? 0 : -1; });
      });
      // The stations are one stop for Tab; arrows move between them, Enter or Space shows one.
      button.addEventListener("keydown", function (e) {
        var to = null;
        if (e.key === "ArrowDown" || e.key === "ArrowRight") to = Math.min(stations.length - 1, i + 1);
        else if (e.key === "ArrowUp" || e.key === "ArrowLeft") to = Math.max(0, i - 1);
        else if (e.key === "Home") to = 0;
        else if (e.key === "End") to = stations.length - 1;
        if (to === null) return;
        e.preventDefault();
        stations[to].focus();
      });
    });

    textPick.value = String(chosen.text);
    fillPositions();
    pickers.hidden = false;
    panel.hidden = false;
    figure.classList.add("ready");
    show();
  }

  BookWidgets.each("block-map", setup);
})();
