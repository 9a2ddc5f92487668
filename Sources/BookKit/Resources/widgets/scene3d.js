// The 3D views: each figure[data-widget=scene3d] holds its frames as JSON (coordinates the book's
// engine computed). With WebGL, three.js draws them and OrbitControls turns them; without it the
// flat SVG drawings stay and the slider switches them. Nothing here computes a model result.
(function () {
  "use strict";

  function hasWebGL() {
    if (!window.THREE || !THREE.OrbitControls || !window.WebGLRenderingContext) return false;
    try {
      var probe = document.createElement("canvas");
      var gl = probe.getContext("webgl") || probe.getContext("experimental-webgl");
      // Give the probe's context back at once: a page may hold only a few.
      var lose = gl && gl.getExtension("WEBGL_lose_context");
      if (lose) lose.loseContext();
      return !!gl;
    } catch (e) {
      return false;
    }
  }

  // The unit cube the scene is drawn in, as the SVG fallback scales it (Scene3DDrawing.Scales).
  function scales(data) {
    var points = [];
    data.frames.forEach(function (f) { points = points.concat(f.points); });
    if (data.surface) {
      var flat = data.surface.xs.concat(data.surface.ys).map(Math.abs);
      var heights = [].concat.apply([], data.surface.heights).concat(points.map(function (p) { return Number(p[3]); }));
      var low = Math.min.apply(null, heights), high = Math.max.apply(null, heights);
      var h = 1 / Math.max(Math.max.apply(null, flat), 1e-12), v = 1.2 / Math.max(high - low, 1e-12);
      return function (x, y, z) { return new THREE.Vector3(x * h, (z - low) * v - 0.6, -y * h); };
    }
    var largest = 1e-12;
    points.forEach(function (p) { for (var k = 1; k <= 3; k++) largest = Math.max(largest, Math.abs(Number(p[k]))); });
    var s = 1 / largest;
    return function (x, y, z) { return new THREE.Vector3(x * s, z * s, -y * s); };
  }

  function colours(figure) {
    var probe = document.createElement("span");
    probe.className = "scene3d-probe";
    figure.appendChild(probe);
    var out = {};
    ["fg", "muted", "line", "accent", "neg"].forEach(function (name) {
      probe.setAttribute("data-colour", name);
      out[name] = new THREE.Color(getComputedStyle(probe).color);
    });
    figure.removeChild(probe);
    return out;
  }

  function Scene(figure, data) {
    this.figure = figure;
    this.data = data;
    this.stage = figure.querySelector(".scene3d-stage");
    this.unit = scales(data);
    this.renderer = new THREE.WebGLRenderer({ antialias: true, alpha: true, preserveDrawingBuffer: true });
    this.canvas = this.renderer.domElement;
    this.canvas.setAttribute("aria-hidden", "true");
    this.stage.appendChild(this.canvas);
    this.labels = document.createElement("div");
    this.labels.className = "scene3d-labels";
    // The table below the view is the text alternative; the floating labels would only repeat it.
    this.labels.setAttribute("aria-hidden", "true");
    this.stage.appendChild(this.labels);
    this.camera = new THREE.PerspectiveCamera(38, 1, 0.05, 50);
    this.camera.position.setFromSpherical(new THREE.Spherical(3.6, 1.1, 0.6));
    this.controls = new THREE.OrbitControls(this.camera, this.canvas);
    this.controls.enableKeys = false;
    this.controls.enablePan = false;
    this.controls.minDistance = 1.2;
    this.controls.maxDistance = 12;
    this.controls.saveState();
    this.scene = new THREE.Scene();
    this.frameGroup = new THREE.Group();
    this.fixed = new THREE.Group();
    this.scene.add(this.fixed);
    this.scene.add(this.frameGroup);
    this.index = data.initial;
    var self = this;
    this.controls.addEventListener("change", function () { self.render(); });
    this.stage.addEventListener("keydown", function (event) { self.key(event); });
    figure.querySelector(".scene3d-reset").addEventListener("click", function () { self.controls.reset(); self.render(); });
    window.addEventListener("resize", function () { self.resize(); });
    new MutationObserver(function () { self.rebuild(); }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    if (window.matchMedia) window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () { self.rebuild(); });
    this.resize();
    this.rebuild();
  }

  Scene.prototype.resize = function () {
    var width = Math.max(this.stage.clientWidth, 200), height = Math.round(Math.min(width * 0.85, 440));
    this.renderer.setPixelRatio(window.devicePixelRatio || 1);
    this.renderer.setSize(width, height);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.render();
  };

  Scene.prototype.key = function (event) {
    var offset = this.camera.position.clone().sub(this.controls.target);
    var sphere = new THREE.Spherical().setFromVector3(offset), step = Math.PI / 18, handled = true;
    switch (event.key) {
      case "ArrowLeft": sphere.theta -= step; break;
      case "ArrowRight": sphere.theta += step; break;
      case "ArrowUp": sphere.phi = Math.max(0.1, sphere.phi - step); break;
      case "ArrowDown": sphere.phi = Math.min(Math.PI - 0.1, sphere.phi + step); break;
      case "+": case "=": sphere.radius = Math.max(this.controls.minDistance, sphere.radius * 0.85); break;
      case "-": case "_": sphere.radius = Math.min(this.controls.maxDistance, sphere.radius / 0.85); break;
      case "0": case "Home": this.controls.reset(); this.render(); event.preventDefault(); return;
      default: handled = false;
    }
    if (!handled) return;
    event.preventDefault();
    offset.setFromSpherical(sphere);
    this.camera.position.copy(this.controls.target).add(offset);
    this.controls.update();
    this.render();
  };

  // Empties `group`, giving its buffers back to the GPU (three.js keeps them until told).
  function clear(group) {
    group.traverse(function (node) {
      if (node.geometry) node.geometry.dispose();
      if (node.material) node.material.dispose();
    });
    while (group.children.length) group.remove(group.children[0]);
  }

  function line(points, colour, opacity) {
    var geometry = new THREE.BufferGeometry().setFromPoints(points);
    var material = new THREE.LineBasicMaterial({ color: colour, transparent: opacity < 1, opacity: opacity });
    return new THREE.Line(geometry, material);
  }

  // What stays while the slider moves: the axes and the surface, in the theme's colours.
  Scene.prototype.rebuild = function () {
    this.colours = colours(this.figure);
    clear(this.fixed);
    var c = this.colours, unit = this.unit, data = this.data;
    var floor = data.surface ? -0.6 : 0;
    this.axisEnds = [];
    for (var axis = 0; axis < 3; axis++) {
      var a = new THREE.Vector3(), b = new THREE.Vector3();
      if (axis === 0) { a.set(-1, floor, 0); b.set(1, floor, 0); }
      if (axis === 1) { a.set(0, floor, 1); b.set(0, floor, -1); }
      if (axis === 2) { a.set(0, data.surface ? -0.6 : -1, 0); b.set(0, data.surface ? 0.75 : 1, 0); }
      this.fixed.add(line([a, b], c.muted, 0.8));
      this.axisEnds.push(b);
    }
    if (data.surface) {
      var s = data.surface, nx = s.xs.length, ny = s.ys.length, positions = [], colors = [], index = [];
      var all = [].concat.apply([], s.heights), low = Math.min.apply(null, all), high = Math.max.apply(null, all);
      for (var j = 0; j < ny; j++) {
        for (var i = 0; i < nx; i++) {
          var p = unit(s.xs[i], s.ys[j], s.heights[j][i]);
          positions.push(p.x, p.y, p.z);
          var colour = c.accent.clone().lerp(c.neg, (s.heights[j][i] - low) / Math.max(high - low, 1e-12));
          colors.push(colour.r, colour.g, colour.b);
          if (i + 1 < nx && j + 1 < ny) {
            var k = j * nx + i;
            index.push(k, k + 1, k + nx, k + 1, k + nx + 1, k + nx);
          }
        }
      }
      var geometry = new THREE.BufferGeometry();
      geometry.setAttribute("position", new THREE.Float32BufferAttribute(positions, 3));
      geometry.setAttribute("color", new THREE.Float32BufferAttribute(colors, 3));
      geometry.setIndex(index);
      this.fixed.add(new THREE.Mesh(geometry, new THREE.MeshBasicMaterial({
        vertexColors: THREE.VertexColors, side: THREE.DoubleSide, transparent: true, opacity: 0.55, depthWrite: false })));
      for (j = 0; j < ny; j++) this.fixed.add(line(s.xs.map(function (x, i) { return unit(x, s.ys[j], s.heights[j][i]); }), c.line, 0.9));
      for (i = 0; i < nx; i++) this.fixed.add(line(s.ys.map(function (y, j) { return unit(s.xs[i], y, s.heights[j][i]); }), c.line, 0.9));
    }
    this.show(this.index);
  };

  // Frame `index`: its points (and arrows, or the path), labels, readout, slider and table.
  Scene.prototype.show = function (index) {
    var data = this.data, frame = data.frames[index], c = this.colours, unit = this.unit, self = this;
    this.index = index;
    clear(this.frameGroup);
    this.labels.textContent = "";
    this.placed = [];
    var roleColour = { token: c.fg, marked: c.neg, query: c.neg, key: c.accent, path: c.fg };
    var positions = frame.points.map(function (p) { return unit(Number(p[1]), Number(p[2]), Number(p[3])); });
    if (data.joined) this.frameGroup.add(line(positions, c.fg, 1));
    frame.points.forEach(function (p, k) {
      var at = positions[k], current = frame.highlight === k, colour = roleColour[p[4]] || c.fg;
      // The key a query weighs most stands out in the text colour; elsewhere the chosen point is warm.
      var marked = p[4] === "key" ? c.fg : c.neg;
      if (data.arrows) {
        var direction = at.clone(), length = direction.length();
        if (length > 1e-9) {
          self.frameGroup.add(new THREE.ArrowHelper(direction.normalize(), new THREE.Vector3(), length, current ? marked : colour,
            Math.min(0.12, length * 0.3), Math.min(0.06, length * 0.15)));
        }
      }
      var dot = new THREE.Mesh(new THREE.SphereBufferGeometry(current ? 0.05 : 0.03, 12, 8),
        new THREE.MeshBasicMaterial({ color: current ? marked : colour }));
      dot.position.copy(at);
      self.frameGroup.add(dot);
      if (p[0] !== "" || current) {
        var label = document.createElement("span");
        label.className = "scene3d-tag scene3d-" + p[4] + (current ? " scene3d-current" : "");
        label.textContent = p[0] !== "" ? p[0] : frame.value;
        self.labels.appendChild(label);
        self.placed.push([label, at]);
      }
    });
    data.axes.forEach(function (name, axis) {
      var label = document.createElement("span");
      label.className = "scene3d-tag scene3d-axis-name";
      label.textContent = name;
      self.labels.appendChild(label);
      self.placed.push([label, self.axisEnds[axis]]);
    });
    reveal(this.figure, data, index);
    this.render();
  };

  Scene.prototype.render = function () {
    if (!this.colours) return;
    this.renderer.render(this.scene, this.camera);
    var width = this.canvas.clientWidth, height = this.canvas.clientHeight;
    var camera = this.camera;
    this.placed.forEach(function (pair) {
      var p = pair[1].clone().project(camera);
      pair[0].style.left = ((p.x + 1) / 2 * width).toFixed(1) + "px";
      pair[0].style.top = ((1 - p.y) / 2 * height).toFixed(1) + "px";
      pair[0].hidden = p.z > 1;
    });
  };

  // The words and the flat parts of frame `index`: title, readout, slider value, drawing, table.
  function reveal(figure, data, index) {
    var frame = data.frames[index];
    figure.setAttribute("data-frame", String(index));
    figure.querySelector(".scene3d-title").textContent = frame.title;
    figure.querySelector(".scene3d-readout").textContent = frame.readout;
    var stage = figure.querySelector(".scene3d-stage"), hint = figure.querySelector(".scene3d-hint");
    if (stage && hint) stage.setAttribute("aria-label", frame.title + ". " + hint.textContent);
    var output = figure.querySelector(".scene3d-slider output");
    if (output) output.textContent = frame.value;
    var input = figure.querySelector(".scene3d-slider input");
    if (input) input.setAttribute("aria-valuetext", frame.value);
    ["scene3d-drawing", "scene3d-table"].forEach(function (kind) {
      var parts = figure.querySelectorAll("." + kind);
      if (parts.length < 2) return;
      for (var i = 0; i < parts.length; i++) parts[i].hidden = Number(parts[i].getAttribute("data-index")) !== index;
    });
  }

  var webGL = null;  // probed once a page: each probe costs a context

  // A view is drawn when it comes near the screen: a page with a view far below (or a reload
  // that keeps the reader's place) sets up no WebGL until the reader gets there.
  function start(figure) {
    var source = figure.querySelector("script.scene3d-data");
    if (!source) return;
    var data = JSON.parse(source.textContent);
    if (webGL === null) webGL = hasWebGL();
    var live = null, shown = data.initial;
    var stage = figure.querySelector(".scene3d-stage");
    function flat() {
      figure.querySelector(".scene3d-live").hidden = true;
      figure.classList.remove("scene3d-webgl");
      figure.classList.add("scene3d-flat");
      reveal(figure, data, shown);
    }
    function draw() {
      try {
        live = new Scene(figure, data);
        if (shown !== data.initial) live.show(shown);
      } catch (e) {
        live = null;
        flat();
      }
      if (stage) stage.style.minHeight = "";
      figure.classList.add("scene3d-ready");
    }
    if (webGL) {
      figure.querySelector(".scene3d-live").hidden = false;
      figure.classList.add("scene3d-webgl");
      // The drawing's height, held until it is drawn, so that the page does not jump then.
      if (stage) stage.style.minHeight = Math.round(Math.min(Math.max(stage.clientWidth, 200) * 0.85, 440)) + "px";
      if ("IntersectionObserver" in window) {
        var near = new IntersectionObserver(function (entries) {
          if (!entries.some(function (e) { return e.isIntersecting; })) return;
          near.disconnect();
          draw();
        }, { rootMargin: "300px 0px" });
        near.observe(figure);
      } else {
        draw();
      }
    } else {
      figure.classList.add("scene3d-flat", "scene3d-ready");
    }
    var slider = figure.querySelector(".scene3d-slider");
    if (slider) {
      slider.hidden = false;
      var input = slider.querySelector("input");
      input.addEventListener("input", function () {
        shown = Number(input.value);
        if (live) live.show(shown); else reveal(figure, data, shown);
      });
    }
  }

  BookWidgets.each("scene3d", start);
})();
