"use strict";
// What the widgets' scripts share: loaded before any of them. It formats and places numbers the
// build computed; it computes none.
window.BookWidgets = (function () {
  // `template` with {1}, {2}, ... filled from `args` (a placeholder with no value stays).
  function fill(template, args) {
    return template.replace(/\{(\d+)\}/g, function (m, n) {
      var v = args[Number(n) - 1];
      return v === undefined ? m : String(v);
    });
  }
  // An element with a class and a text.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // A labelled control.
  function control(labelText, input) {
    var label = el("label", "widget-control");
    label.appendChild(el("span", "widget-label", labelText));
    label.appendChild(input);
    return label;
  }
  // A labelled slider with the output that shows its value: { label, output }.
  function rangeControl(labelText, input) {
    var output = el("output", "widget-value");
    var label = control(labelText, input);
    label.classList.add("widget-range");
    label.appendChild(output);
    return { label: label, output: output };
  }
  // The line read out when the choice changes.
  function summary() {
    var line = el("p", "widget-summary");
    line.setAttribute("aria-live", "polite");
    line.setAttribute("data-role", "summary");
    return line;
  }
  // A number as the widgets show it: four decimals without trailing zeros (an exponent below
  // 1e-4), the language's decimal separator and a true minus.
  function format(x, decimal) {
    if (!isFinite(x)) return isNaN(x) ? "NaN" : (x < 0 ? "\u2212\u221e" : "\u221e");
    var s;
    if (x !== 0 && Math.abs(x) < 1e-4) {
      s = x.toExponential(1).replace(/e([+-])(\d)$/, "e$10$2");
    } else {
      s = x.toFixed(4);
      if (s.indexOf(".") >= 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
      if (/^-0$/.test(s)) s = "0";
    }
    return s.replace(".", decimal).replace("-", "\u2212");
  }
  // Runs `setup` on every figure of widget `name` once the page is parsed.
  function each(name, setup) {
    function start() {
      var figures = document.querySelectorAll("figure[data-widget=\"" + name + "\"]");
      for (var i = 0; i < figures.length; i++) setup(figures[i]);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
  return { fill: fill, el: el, control: control, rangeControl: rangeControl, summary: summary, format: format, each: each };
})();
