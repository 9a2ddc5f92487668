"use strict";
// The autograd step-through. It replays what the engine recorded during the build: each node's
// data in the order the tape set it, then the backward sweep visit by visit with the gradients
// each visit left. It lays the graph out and reveals numbers; it computes no model result.
(function () {
  var format = BookWidgets.format, fill = BookWidgets.fill;
  var SVGNS = "http://www.w3.org/2000/svg";
  var BOX_W = 128, BOX_H = 62, GAP_X = 64, GAP_Y = 16, PAD = 12;

  function el(name, attributes, parent) {
    var node = document.createElementNS(SVGNS, name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function setup(figure) {
    var source = figure.querySelector("script.widget-data");
    var live = figure.querySelector(".widget-live");
    if (!source || !live) return;
    var d = JSON.parse(source.textContent);
    var words = d.words, nodes = d.nodes, n = nodes.length;
    var fmt = function (x) { return format(x, d.decimal); };
    var byId = {};
    nodes.forEach(function (node) { byId[node.id] = node; });
    var root = d.backward[0];
    var total = d.forward.length + 1 + d.backward.length;
    var step = 0, timer = null;

    // Fold buttons in the order the values were computed.
    d.groups.sort(function (x, y) { return d.forward.indexOf(x.node) - d.forward.indexOf(y.node); });
    var owner = {}, folded = {};
    d.groups.forEach(function (g) {
      g.members.forEach(function (m) { owner[m] = g.node; });
      folded[g.node] = true;
    });

    // What the picture shows at `step`: which data are set, each gradient, the node in focus.
    function state(at) {
      var s = { computed: {}, grads: {}, final: {}, current: null, phase: "idle", passes: [] };
      var forwardSteps = Math.min(at, d.forward.length);
      for (var i = 0; i < forwardSteps; i++) s.computed[d.forward[i]] = true;
      if (at >= 1 && at <= d.forward.length) { s.current = d.forward[at - 1]; s.phase = "forward"; }
      if (at > d.forward.length) {
        s.grads[root] = byId[root].grad;  // backward() seeds the output with 1
        s.phase = "seed";
        s.current = root;
        var visits = at - d.forward.length - 1;
        for (var v = 0; v < visits; v++) {
          s.final[d.backward[v]] = true;
          d.changes[v].forEach(function (c) { s.grads[c[0]] = c[1]; });
        }
        if (visits > 0) {
          s.phase = "visit";
          s.current = d.backward[visits - 1];
          s.visit = visits;
          s.passes = d.changes[visits - 1];
        }
      }
      return s;
    }

    function visibleId(id) { return owner[id] !== undefined && folded[owner[id]] ? owner[id] : id; }

    // Inputs as drawn: a folded group takes the inputs its hidden nodes read from outside it.
    function shownInputs(id) {
      var node = byId[id], seen = {}, list = [];
      var sources = [node];
      if (folded[id]) d.groups.forEach(function (g) { if (g.node === id) g.members.forEach(function (m) { sources.push(byId[m]); }); });
      sources.forEach(function (s) {
        s.inputs.forEach(function (i) {
          var shown = visibleId(i);
          if (shown !== id && !seen[shown]) { seen[shown] = true; list.push(shown); }
        });
      });
      return list;
    }

    // Columns by longest path from the inputs, an input just left of its first user, rows
    // ordered by a few sweeps of neighbours' mean rank (as the static chart does).
    function layout() {
      var visible = nodes.map(function (x) { return x.id; }).filter(function (id) { return visibleId(id) === id; });
      var inputs = {}, column = {};
      visible.forEach(function (id) { inputs[id] = shownInputs(id); });
      function visit(id) {
        if (column[id] !== undefined) return column[id];
        column[id] = 0;
        var c = 0;
        inputs[id].forEach(function (i) { c = Math.max(c, visit(i) + 1); });
        column[id] = c;
        return c;
      }
      visible.forEach(visit);
      var firstUse = {}, users = {};
      visible.forEach(function (id) {
        inputs[id].forEach(function (i) {
          firstUse[i] = Math.min(firstUse[i] === undefined ? Infinity : firstUse[i], column[id]);
          (users[i] = users[i] || []).push(id);
        });
      });
      visible.forEach(function (id) {
        if (!inputs[id].length && firstUse[id] !== undefined) column[id] = Math.max(0, firstUse[id] - 1);
      });
      var depth = 0;
      visible.forEach(function (id) { depth = Math.max(depth, column[id] + 1); });
      var layers = [];
      for (var c = 0; c < depth; c++) layers.push([]);
      visible.forEach(function (id) { layers[column[id]].push(id); });
      function rank(layer) { var r = {}; layer.forEach(function (id, i) { r[id] = i; }); return r; }
      function sortBy(layer, neighbours) {
        return layer.map(function (id, i) {
          var ns = neighbours(id), mean = i;
          if (ns.length) mean = ns.reduce(function (a, b) { return a + b; }, 0) / ns.length;
          return { id: id, mean: mean, i: i };
        }).sort(function (a, b) { return a.mean - b.mean || a.i - b.i; }).map(function (x) { return x.id; });
      }
      for (var sweep = 0; sweep < 3; sweep++) {
        for (var down = depth - 2; down >= 0; down--) {
          var next = rank(layers[down + 1]);
          layers[down] = sortBy(layers[down], function (id) { return (users[id] || []).map(function (u) { return next[u]; }).filter(function (x) { return x !== undefined; }); });
        }
        for (var up = 1; up < depth; up++) {
          var previous = rank(layers[up - 1]);
          layers[up] = sortBy(layers[up], function (id) { return inputs[id].map(function (u) { return previous[u]; }).filter(function (x) { return x !== undefined; }); });
        }
      }
      var tallest = 1;
      layers.forEach(function (l) { tallest = Math.max(tallest, l.length); });
      var at = {};
      layers.forEach(function (layer, c) {
        var offset = (tallest - layer.length) / 2;
        layer.forEach(function (id, r) { at[id] = { x: PAD + c * (BOX_W + GAP_X), y: PAD + (r + offset) * (BOX_H + GAP_Y) }; });
      });
      return { visible: visible, inputs: inputs, at: at,
               width: 2 * PAD + depth * (BOX_W + GAP_X) - GAP_X, height: 2 * PAD + tallest * (BOX_H + GAP_Y) - GAP_Y };
    }

    var canvas = live.querySelector(".sweep-canvas");
    var readout = live.querySelector(".sweep-readout");
    var range = live.querySelector("input[type=range]");
    var playButton = live.querySelector("[data-action=play]");
    var playLabel = playButton.querySelector(".play-label");
    var picture = null, boxes = {}, edges = [];

    function draw() {
      var l = layout();
      canvas.textContent = "";
      boxes = {};
      edges = [];
      var svg = el("svg", { "class": "chart sweep-svg", role: "img", "aria-labelledby": figure.id + "-live-title",
        width: l.width, height: l.height, viewBox: "0 0 " + l.width + " " + l.height }, canvas);
      var title = el("title", { id: figure.id + "-live-title" }, svg);
      title.textContent = words.title;
      var defs = el("defs", {}, svg);
      var marker = el("marker", { id: figure.id + "-live-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      el("path", { "class": "arrowhead", d: "M0 0L10 5L0 10z" }, marker);
      l.visible.forEach(function (id) {
        var to = l.at[id];
        l.inputs[id].forEach(function (input, k) {
          var from = l.at[input];
          var spread = k - (l.inputs[id].length - 1) / 2;
          var x1 = from.x + BOX_W, y1 = from.y + BOX_H / 2, x2 = to.x - 2, y2 = to.y + BOX_H / 2 + spread * Math.min(12, 40 / l.inputs[id].length);
          var mid = (x1 + x2) / 2;
          var path = el("path", { "class": "edge", "marker-end": "url(#" + figure.id + "-live-arrow)",
            d: "M" + x1 + " " + y1 + "C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2 }, svg);
          edges.push({ from: input, to: id, path: path });
        });
      });
      l.visible.forEach(function (id) {
        var node = byId[id], p = l.at[id];
        var g = el("g", { "class": "node", "data-node": id, transform: "translate(" + p.x + " " + p.y + ")" }, svg);
        el("rect", { width: BOX_W, height: BOX_H, rx: 8 }, g);
        var label = el("text", { x: 8, y: 18, "class": "node-label" }, g);
        label.textContent = node.label + (folded[id] ? " \u25b8" : "");
        if (node.operation) {
          el("rect", { "class": "op", x: BOX_W - 44, y: 5, width: 38, height: 18, rx: 9 }, g);
          var op = el("text", { x: BOX_W - 25, y: 18, "text-anchor": "middle", "class": "op-text" }, g);
          op.textContent = node.operation.split(" ")[0];
        }
        var data = el("text", { x: 8, y: 37, "class": "node-data" }, g);
        var grad = el("text", { x: 8, y: 54, "class": "node-grad" }, g);
        boxes[id] = { g: g, data: data, grad: grad, at: p };
      });
      picture = l;
      show();
    }

    // "n3 = q0 * k0[0] = 0.12": the node's formula with its recorded data.
    function formula(node) {
      if (!node.operation) return node.label + " = " + fmt(node.data) + " (" + words.input + ")";
      var names = node.inputs.map(function (i) { return byId[i].label; });
      var parts = node.operation.split(" "), symbol = parts[0];
      var expression;
      if (symbol === "+" || symbol === "*") {
        var sign = symbol === "*" ? " \u00d7 " : " + ";
        expression = names.length >= 2 ? names.join(sign) : names[0] + sign + fmt(Number(parts[1]));
      } else {
        // "pow(n3, −1)": a power carries its exponent.
        expression = symbol + "(" + names.concat(parts.slice(1).map(function (p) { return fmt(Number(p)); })).join(", ") + ")";
      }
      return node.label + " = " + expression + " = " + fmt(node.data);
    }

    // "a.grad += 3 × 1 → 4" for each input a visit passed its gradient to.
    function passes(node, changes, grad) {
      return changes.map(function (c) {
        var locals = [];
        node.inputs.forEach(function (input, k) { if (input === c[0]) locals.push(fmt(node.localGradients[k])); });
        var local = locals.length > 1 ? "(" + locals.join(" + ") + ")" : locals[0];
        return byId[c[0]].label + ".grad += " + local + " \u00d7 " + fmt(grad) + " \u2192 " + fmt(c[1]);
      }).join("; ");
    }

    function show() {
      var s = state(step);
      nodes.forEach(function (node) {
        var box = boxes[node.id];
        if (!box) return;
        box.g.classList.toggle("pending", !s.computed[node.id]);
        box.g.classList.toggle("final", !!s.final[node.id]);
        box.g.classList.toggle("touched", s.grads[node.id] !== undefined && !s.final[node.id]);
        box.data.textContent = "data " + (s.computed[node.id] ? fmt(node.data) : "?");
        box.grad.textContent = "grad " + fmt(s.grads[node.id] !== undefined ? s.grads[node.id] : 0);
        box.g.classList.remove("current");
      });
      var focus = s.current === null ? null : visibleId(s.current);
      if (focus !== null && boxes[focus]) {
        boxes[focus].g.classList.add("current");
        bringIntoView(boxes[focus].at);
      }
      var passedTo = {};
      if (s.phase === "visit") s.passes.forEach(function (c) { passedTo[visibleId(c[0])] = true; });
      edges.forEach(function (e) {
        var active = focus !== null && ((s.phase === "forward" && e.to === focus) || (s.phase === "visit" && e.to === focus && passedTo[e.from]));
        e.path.classList.toggle("active", active);
        e.path.classList.toggle("backward", active && s.phase === "visit");
      });
      var text;
      var node = s.current === null ? null : byId[s.current];
      if (s.phase === "idle") text = words.idle;
      else if (s.phase === "forward") text = fill(words.forward, [step, d.forward.length, formula(node)]);
      else if (s.phase === "seed") text = fill(words.seed, [node.label]);
      else if (s.passes.length) text = fill(words.visit, [s.visit, d.backward.length, node.label, fmt(s.grads[node.id]), passes(node, s.passes, s.grads[node.id])]);
      else text = fill(words.leaf, [s.visit, d.backward.length, node.label, fmt(s.grads[node.id] !== undefined ? s.grads[node.id] : 0)]);
      readout.textContent = text;
      range.value = String(step);
      range.setAttribute("aria-valuetext", fill(words.positionValue, [step, total]));
      figure.setAttribute("data-step", String(step));
    }

    function bringIntoView(p) {
      var left = canvas.scrollLeft, top = canvas.scrollTop;
      if (p.x < left || p.x + BOX_W > left + canvas.clientWidth) canvas.scrollLeft = Math.max(0, p.x - (canvas.clientWidth - BOX_W) / 2);
      if (p.y < top || p.y + BOX_H > top + canvas.clientHeight) canvas.scrollTop = Math.max(0, p.y - (canvas.clientHeight - BOX_H) / 2);
    }

    function go(to) {
      step = Math.max(0, Math.min(total, to));
      show();
      if (step === total) pause();
    }
    function pause() {
      if (timer !== null) { clearInterval(timer); timer = null; }
      playButton.setAttribute("aria-pressed", "false");
      playLabel.textContent = words.play;
    }
    function play() {
      if (timer !== null) { pause(); return; }
      if (step === total) step = 0;
      playButton.setAttribute("aria-pressed", "true");
      playLabel.textContent = words.pause;
      timer = setInterval(function () { go(step + 1); }, 900);
      go(step + 1);
    }

    live.querySelector(".sweep-controls").addEventListener("click", function (e) {
      var button = e.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "play") { play(); return; }
      pause();
      if (action === "start") go(0);
      else if (action === "back") go(step - 1);
      else if (action === "step") go(step + 1);
      else if (action === "end") go(total);
    });
    range.addEventListener("input", function () { pause(); go(Number(range.value)); });
    canvas.addEventListener("keydown", function (e) {
      var keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (keys[e.key]) { pause(); go(step + keys[e.key]); }
      else if (e.key === "Home") { pause(); go(0); }
      else if (e.key === "End") { pause(); go(total); }
      else if (e.key === " " || e.key === "Enter") play();
      else return;
      e.preventDefault();
    });

    var groupBox = live.querySelector(".sweep-groups");
    if (groupBox) {
      d.groups.forEach(function (g) {
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("data-group", g.node);
        button.setAttribute("aria-expanded", "false");
        button.textContent = fill(words.fold, [byId[g.node].label, g.members.length]);
        button.addEventListener("click", function () {
          folded[g.node] = !folded[g.node];
          button.setAttribute("aria-expanded", folded[g.node] ? "false" : "true");
          draw();
        });
        groupBox.appendChild(button);
      });
    }

    range.max = String(total);
    live.hidden = false;
    figure.classList.add("ready");
    draw();
  }

  BookWidgets.each("graph-sweep", setup);
})();
