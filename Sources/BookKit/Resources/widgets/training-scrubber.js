"use strict";
// The training scrubber: arranges the numbers the build recorded during the run (the JSON in
// each figure); it computes no model result. The slider picks a step, the menu a parameter.
(function () {
  var fill = BookWidgets.fill, el = BookWidgets.el, control = BookWidgets.control;
  var rangeControl = BookWidgets.rangeControl, liveSummary = BookWidgets.summary;
  var SVG_NS = "http://www.w3.org/2000/svg";

  function setup(figure) {
    var script = figure.querySelector("script.widget-data");
    if (!script) return;
    var data = JSON.parse(script.textContent), words = data.words, steps = data.loss.length;
    if (!data.tracks.length || !data.checkpoints.length) return;
    function fmt(x) { return String(x).replace(".", data.separator).replace(/-/g, "\u2212"); }

    var live = el("div", "widget-live");
    live.appendChild(el("p", "widget-hint", words.hint));
    var controls = el("div", "widget-controls");
    var trackSelect = el("select");
    trackSelect.setAttribute("data-role", "track");
    data.tracks.forEach(function (t, i) {
      var option = el("option", "", t.name);
      option.value = String(i);
      trackSelect.appendChild(option);
    });
    var step = el("input");
    step.type = "range";
    step.min = "0";
    step.max = String(steps);
    step.step = "1";
    step.value = "1";
    step.setAttribute("data-role", "step");
    var range = rangeControl(words.step, step), shown = range.output;
    controls.appendChild(control(words.parameter, trackSelect));
    controls.appendChild(range.label);
    live.appendChild(controls);
    var summary = liveSummary();
    live.appendChild(summary);

    // The chosen parameter's value over the whole run, with the chosen step marked.
    var chart = document.createElementNS(SVG_NS, "svg");
    chart.setAttribute("class", "scrub-path");
    chart.setAttribute("viewBox", "0 0 400 60");
    chart.setAttribute("preserveAspectRatio", "none");
    chart.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(SVG_NS, "polyline");
    var marker = document.createElementNS(SVG_NS, "line");
    marker.setAttribute("y1", "0");
    marker.setAttribute("y2", "60");
    marker.setAttribute("class", "marker");
    chart.appendChild(path);
    chart.appendChild(marker);
    live.appendChild(chart);

    var panels = el("div", "scrub-panels");
    var adam = el("section", "scrub-adam");
    adam.setAttribute("aria-live", "polite");
    var adamTitle = el("p", "widget-subtitle");
    adam.appendChild(adamTitle);
    var adamTable = el("table", "rows scrub-table");
    var rows = {};
    [["loss", words.stepLoss], ["lr", words.learningRate], ["before", words.before], ["g", words.grad], ["m", words.m],
     ["v", words.v], ["mh", words.mHat], ["vh", words.vHat], ["change", words.update], ["after", words.after]].forEach(function (r) {
      var tr = el("tr"), th = el("th", "", r[1]), td = el("td");
      th.scope = "row";
      td.setAttribute("data-cell", r[0]);
      tr.appendChild(th);
      tr.appendChild(td);
      adamTable.appendChild(tr);
      rows[r[0]] = td;
    });
    adam.appendChild(adamTable);
    var check = el("section", "scrub-check");
    check.setAttribute("aria-live", "polite");
    var checkTitle = el("p", "widget-subtitle");
    var heldOut = el("p", "scrub-loss");
    var samples = el("p", "scrub-samples");
    var nextTitle = el("p", "scrub-next-title", data.prefix ? fill(words.next, [data.prefix]) : words.nextFirst);
    var bars = el("table", "scrub-bars");
    [checkTitle, heldOut, samples, nextTitle, bars].forEach(function (n) { check.appendChild(n); });
    panels.appendChild(adam);
    panels.appendChild(check);
    live.appendChild(panels);

    function drawPath(track) {
      var values = [track.initial].concat(track.after);
      var low = Math.min.apply(null, values), high = Math.max.apply(null, values), span = high - low || 1;
      path.setAttribute("points", values.map(function (y, t) {
        return (t * 400 / steps).toFixed(1) + "," + (56 - 52 * (y - low) / span).toFixed(1);
      }).join(" "));
    }

    function show() {
      var track = data.tracks[Number(trackSelect.value)], t = Number(step.value);
      shown.textContent = String(t);
      step.setAttribute("aria-valuetext", words.step + " " + t);
      marker.setAttribute("x1", String(t * 400 / steps));
      marker.setAttribute("x2", String(t * 400 / steps));
      var value = t === 0 ? track.initial : track.after[t - 1];
      if (t === 0) {
        adamTitle.textContent = words.initialTitle;
        Object.keys(rows).forEach(function (k) { rows[k].textContent = "—"; });
        rows.after.textContent = fmt(track.initial);
      } else {
        adamTitle.textContent = fill(words.adamTitle, [t]);
        rows.loss.textContent = fmt(data.loss[t - 1]);
        rows.lr.textContent = fmt(data.lr[t - 1]);
        rows.before.textContent = fmt(t === 1 ? track.initial : track.after[t - 2]);
        ["g", "m", "v", "mh", "vh", "change", "after"].forEach(function (k) { rows[k].textContent = fmt(track[k][t - 1]); });
      }
      var c = data.checkpoints[0];
      data.checkpoints.forEach(function (x) { if (x.step <= t) c = x; });
      checkTitle.textContent = fill(words.checkpointTitle, [c.step]);
      heldOut.textContent = fill(words.heldOut, [data.heldOut]) + ": " + fmt(c.loss);
      heldOut.setAttribute("data-cell", "heldOut");
      samples.textContent = words.samples + ": " + c.samples.join(" ");
      bars.replaceChildren.apply(bars, c.symbols.map(function (s, i) {
        var tr = el("tr"), th = el("th", "", s), bar = el("td", "bar"), fillBar = el("span"), p = el("td", "", fmt(c.p[i]));
        th.scope = "row";
        fillBar.style.width = (100 * c.p[i]) + "%";
        bar.appendChild(fillBar);
        tr.appendChild(th);
        tr.appendChild(bar);
        tr.appendChild(p);
        return tr;
      }));
      summary.textContent = fill(words.summary, [t, track.name, fmt(value), c.step]);
    }

    trackSelect.addEventListener("change", function () { drawPath(data.tracks[Number(trackSelect.value)]); show(); });
    step.addEventListener("input", show);
    var staticForm = figure.querySelector(".widget-static");
    if (staticForm) staticForm.hidden = true;
    figure.insertBefore(live, figure.firstChild);
    drawPath(data.tracks[0]);
    show();
  }

  BookWidgets.each("training-scrubber", setup);
})();
