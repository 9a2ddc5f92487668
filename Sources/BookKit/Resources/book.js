"use strict";
(function () {
  var root = document.documentElement;

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function setupTheme() {
    var button = document.querySelector("[data-theme-toggle]");
    if (!button) return;
    button.hidden = false;
    function show() { button.setAttribute("aria-pressed", currentTheme() === "dark" ? "true" : "false"); }
    show();
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("book-theme", next); } catch (e) { /* file:// without storage */ }
      show();
    });
  }

  function setupMenu() {
    var button = document.querySelector("[data-menu-toggle]");
    if (!button) return;
    button.addEventListener("click", function () {
      var open = document.body.classList.toggle("menu-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function setupSlider(box) {
    var control = box.querySelector(":scope > .slider");
    var input = control && control.querySelector("input[type=range]");
    if (!input) return;
    var output = control.querySelector("output");
    var labels = (input.getAttribute("data-labels") || "").split("\u001f");
    var variants = box.querySelectorAll(":scope > .variant");
    function show() {
      var index = Number(input.value);
      for (var i = 0; i < variants.length; i++) variants[i].hidden = Number(variants[i].getAttribute("data-index")) !== index;
      if (output) output.textContent = labels[index] || "";
      input.setAttribute("aria-valuetext", labels[index] || "");
    }
    control.hidden = false;
    input.addEventListener("input", show);
    show();
  }

  function start() {
    setupTheme();
    setupMenu();
    var boxes = document.querySelectorAll("[data-variants]");
    for (var i = 0; i < boxes.length; i++) setupSlider(boxes[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();