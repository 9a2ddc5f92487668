/// `assets/book.css`: layout, typography, both themes, charts, code and print.
enum StyleSheet {
    static let css = """
    :root {
      color-scheme: light;
      --bg: #fdfdfb; --fg: #1d2126; --muted: #5d6670; --faint: #e7e9ec; --panel: #f4f5f2;
      --line: #d9dde2; --link: #1f5fbf; --accent: #2563c9; --neg: #d9661f;
      --code-bg: #f5f6f8; --code-fg: #1d2126;
      --tok-keyword: #a0307a; --tok-type: #1c6b86; --tok-number: #1a53b8; --tok-string: #b0421b;
      --tok-comment: #6b7480; --tok-label: #6a4bb5; --tok-identifier: #1d2126; --tok-operator: #474f58;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
      --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
    }
    :root[data-theme="dark"] {
      color-scheme: dark;
      --bg: #15181c; --fg: #e3e6ea; --muted: #9aa3ad; --faint: #262b31; --panel: #1b1f24;
      --line: #333a42; --link: #7fb0ff; --accent: #5b9bff; --neg: #ff9d5c;
      --code-bg: #1d2228; --code-fg: #e3e6ea;
      --tok-keyword: #f07ac6; --tok-type: #6fd0e8; --tok-number: #8fb8ff; --tok-string: #f4a17a;
      --tok-comment: #8a939e; --tok-label: #c3a6ff; --tok-identifier: #e3e6ea; --tok-operator: #b8c0c8;
    }
    @media (prefers-color-scheme: dark) {
      :root:not([data-theme="light"]) {
        color-scheme: dark;
        --bg: #15181c; --fg: #e3e6ea; --muted: #9aa3ad; --faint: #262b31; --panel: #1b1f24;
        --line: #333a42; --link: #7fb0ff; --accent: #5b9bff; --neg: #ff9d5c;
        --code-bg: #1d2228; --code-fg: #e3e6ea;
        --tok-keyword: #f07ac6; --tok-type: #6fd0e8; --tok-number: #8fb8ff; --tok-string: #f4a17a;
        --tok-comment: #8a939e; --tok-label: #c3a6ff; --tok-identifier: #e3e6ea; --tok-operator: #b8c0c8;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 17px/1.65 var(--sans); }
    a { color: var(--link); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    .skip { position: absolute; left: -999px; top: 0; }
    .skip:focus { left: 8px; top: 8px; z-index: 10; background: var(--bg); padding: 6px 10px; }
    [hidden] { display: none !important; }

    .topbar { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 16px;
      padding: 10px 24px; background: color-mix(in srgb, var(--bg) 92%, transparent);
      backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
    .book-title { font-weight: 650; color: var(--fg); text-decoration: none; margin-right: auto; }
    .languages { display: flex; gap: 4px; font-size: 0.9rem; }
    .languages a, .languages span { padding: 3px 9px; border-radius: 999px; text-decoration: none; }
    .languages span { background: var(--faint); color: var(--fg); font-weight: 600; }
    button.icon { font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--line);
      border-radius: 8px; padding: 4px 10px; cursor: pointer; }
    button.icon:hover { background: var(--faint); }
    .menu-toggle { display: none; }

    .layout { display: grid; grid-template-columns: 250px minmax(0, 1fr); max-width: 1320px; margin: 0 auto; }
    .sidebar { position: sticky; top: 53px; align-self: start; max-height: calc(100vh - 53px); overflow: auto;
      padding: 28px 18px 28px 24px; font-size: 0.93rem; }
    .sidebar h2, .toc h2 { font-size: 0.75rem; letter-spacing: 0.08em; text-transform: uppercase;
      color: var(--muted); margin: 0 0 10px; }
    .sidebar h2 a { color: inherit; text-decoration: none; }
    .sidebar ol { list-style: none; margin: 0; padding: 0; counter-reset: chapter; }
    .sidebar li a { display: block; padding: 6px 10px; border-radius: 8px; color: var(--fg); text-decoration: none; }
    .sidebar li a:hover { background: var(--faint); }
    .sidebar li a[aria-current="page"] { background: var(--faint); font-weight: 650; box-shadow: inset 3px 0 0 var(--accent); }

    main { min-width: 0; padding: 8px 40px 64px; display: grid; grid-template-columns: minmax(0, 760px);
      column-gap: 56px; justify-content: start; }
    article { min-width: 0; }
    .toc { font-size: 0.88rem; }
    .toc ul { list-style: none; margin: 0; padding: 0; border-left: 1px solid var(--line); }
    .toc li a { display: block; padding: 3px 0 3px 12px; color: var(--muted); text-decoration: none; }
    .toc li a:hover { color: var(--fg); }
    .toc li.level-3 a { padding-left: 24px; font-size: 0.95em; }
    .toc-side { display: none; }
    .toc-inline { margin: -4px 0 32px; padding: 14px 18px; background: var(--panel); border-radius: 12px; }
    .toc-inline ul { border-left: none; columns: 2 14em; column-gap: 24px; }
    .toc-inline li a { padding-left: 0; }
    .toc-inline li.level-3 a { padding-left: 14px; }
    @media (min-width: 1320px) {
      main { grid-template-columns: minmax(0, 760px) 220px; }
      .toc-side { display: block; grid-column: 2; grid-row: 1 / span 2; position: sticky; top: 81px;
        align-self: start; padding-top: 40px; }
      .toc-inline { display: none; }
      article, main > .pager { grid-column: 1; }
    }

    h1, h2, h3, h4 { line-height: 1.25; font-weight: 700; letter-spacing: -0.01em; }
    h1 { font-size: 2.3rem; margin: 36px 0 20px; }
    h2 { font-size: 1.55rem; margin: 2.4em 0 0.6em; padding-top: 0.2em; }
    h3 { font-size: 1.2rem; margin: 1.8em 0 0.5em; }
    h1, h2, h3 { scroll-margin-top: 70px; }
    p, ul, ol, blockquote { margin: 0 0 1.1em; }
    blockquote { border-left: 3px solid var(--line); padding-left: 16px; color: var(--muted); margin-left: 0; }
    code { font-family: var(--mono); font-size: 0.88em; background: var(--faint); padding: 0.1em 0.35em; border-radius: 5px; }
    pre { font-family: var(--mono); font-size: 0.86rem; line-height: 1.55; overflow-x: auto; }
    pre code { background: none; padding: 0; font-size: inherit; }
    img, svg { max-width: 100%; }
    table { border-collapse: collapse; }
    table.prose { margin: 0.4em 0 1.2em; font-size: 0.95rem; }
    table.prose th, table.prose td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.prose th { font-weight: 600; }

    .step { margin: 1.6em 0; border: 1px solid var(--line); border-radius: 12px; overflow: hidden; background: var(--bg); }
    .step pre.code { margin: 0; padding: 14px 18px; background: var(--code-bg); color: var(--code-fg); }
    .step-code summary { cursor: pointer; padding: 8px 18px; color: var(--muted); font-size: 0.88rem; background: var(--code-bg); }
    .step-answer > summary { cursor: pointer; padding: 10px 18px; font-weight: 600; color: var(--accent, inherit); }
    .step-result { padding: 14px 18px; border-top: 1px solid var(--line); overflow-x: auto; }
    pre.code { background: var(--code-bg); padding: 14px 18px; border-radius: 10px; }
    pre.output { margin: 0 0 0.6em; padding: 0; background: none; color: var(--fg); white-space: pre-wrap; }
    .step-result > :last-child { margin-bottom: 0; }
    .tok-keyword { color: var(--tok-keyword); font-weight: 600; }
    .tok-type { color: var(--tok-type); }
    .tok-number { color: var(--tok-number); }
    .tok-string { color: var(--tok-string); }
    .tok-comment { color: var(--tok-comment); font-style: italic; }
    .tok-label { color: var(--tok-label); }
    .tok-operator { color: var(--tok-operator); }
    .tok-attribute { color: var(--tok-keyword); }

    figure.result { margin: 0.4em 0; }
    figure.result figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 4px; }
    .figure-row { display: flex; flex-wrap: wrap; gap: 18px 28px; }
    svg.chart { display: block; height: auto; font-family: var(--sans); overflow: visible; }
    svg.chart text { fill: var(--fg); font-size: 12px; }
    svg.chart .tick, svg.chart .legend-text { fill: var(--muted); font-size: 11px; }
    svg.chart .axis-title { fill: var(--muted); font-size: 12px; font-style: italic; }
    svg.chart .value { font-size: 10.5px; fill: var(--muted); }
    svg.chart .grid { stroke: var(--faint); stroke-width: 1; }
    svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
    svg.chart .bar { fill: var(--accent); }
    svg.chart .bar:hover, svg.chart .cell:hover { stroke: var(--fg); stroke-width: 1.5; }
    svg.chart .cell { fill: var(--accent); stroke: var(--bg); stroke-width: 1; }
    svg.chart .cell.neg { fill: var(--neg); }
    svg.chart .cell.empty { fill: var(--faint); fill-opacity: 0.35; }
    svg.chart .cell-value { font-size: 10px; fill: var(--fg); pointer-events: none; }
    svg.chart .cell-value.strong { fill: #fff; }
    svg.chart .raw-line { fill: none; stroke: var(--accent); stroke-opacity: 0.25; stroke-width: 1; }
    svg.chart .raw-point { fill: var(--accent); fill-opacity: 0.3; }
    svg.chart .smooth-line { fill: none; stroke: var(--neg); stroke-width: 2.5; stroke-linejoin: round; }
    svg.chart .raw-line.legend { stroke-width: 2; stroke-opacity: 0.45; }
    svg.chart .node rect { fill: var(--panel); stroke: var(--line); stroke-width: 1.2; }
    svg.chart .node rect.op { fill: var(--accent); stroke: none; }
    svg.chart .op-text { fill: #fff; font-size: 11px; font-weight: 600; }
    svg.chart .node-label { font-weight: 700; font-size: 13px; }
    svg.chart .node-data { font-family: var(--mono); font-size: 11.5px; }
    svg.chart .node-grad { font-family: var(--mono); font-size: 11.5px; fill: var(--neg); }
    svg.chart .edge { fill: none; stroke: var(--muted); stroke-width: 1.3; }
    svg.chart .arrowhead { fill: var(--muted); }
    svg.chart .edge-label { font-family: var(--mono); font-size: 11px; fill: var(--tok-label);
      paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }

    ol.vector { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 0 0 0.6em;
      font-family: var(--mono); font-size: 0.82rem; }
    ol.vector li { min-width: 4.6em; padding: 3px 7px 4px; border: 1px solid var(--line); border-radius: 6px; text-align: right; }
    ol.vector .index { display: block; font-size: 0.72rem; color: var(--muted); text-align: left; }
    .pos { background: color-mix(in srgb, var(--accent) var(--s, 0%), transparent); }
    .neg { background: color-mix(in srgb, var(--neg) var(--s, 0%), transparent); }
    .table-scroll { overflow-x: auto; margin: 0 0 0.6em; }
    table.matrix { font-family: var(--mono); font-size: 0.78rem; }
    table.matrix caption { text-align: left; font-family: var(--sans); font-size: 0.85rem; color: var(--muted); padding-bottom: 4px; }
    table.matrix th { color: var(--muted); font-weight: 500; padding: 2px 6px; }
    table.matrix td { padding: 2px 7px; text-align: right; border: 1px solid var(--bg); }
    table.rows { font-size: 0.88rem; margin: 0 0 0.6em; }
    table.rows caption { text-align: left; font-size: 0.85rem; color: var(--muted); padding-bottom: 4px; }
    table.rows th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); padding: 4px 14px 4px 0; }
    table.rows td { font-family: var(--mono); padding: 3px 14px 3px 0; border-bottom: 1px solid var(--faint); }
    ol.samples { columns: 4 9em; column-gap: 24px; margin: 0 0 0.6em; padding-left: 2.2em; font-family: var(--mono); }
    ol.samples li::marker { color: var(--muted); font-size: 0.8em; }

    .variants .slider { display: flex; align-items: center; gap: 12px; margin-bottom: 10px; font-size: 0.92rem; }
    .variants .slider input { flex: 0 1 260px; accent-color: var(--accent); }
    .variants .slider output { font-family: var(--mono); font-weight: 600; min-width: 3em; }

    .pager { display: flex; justify-content: space-between; gap: 16px; margin-top: 56px; padding-top: 20px;
      border-top: 1px solid var(--line); }
    .pager a { display: block; max-width: 48%; padding: 12px 16px; border: 1px solid var(--line); border-radius: 10px;
      text-decoration: none; color: var(--fg); }
    .pager a:hover { border-color: var(--accent); }
    .pager small { display: block; color: var(--muted); font-size: 0.8rem; }
    .pager a[rel="next"] { margin-left: auto; text-align: right; }

    .home { max-width: 720px; margin: 0 auto; padding: 56px 24px 80px; }
    .home h1 { margin-top: 0; }
    .home h2 { margin-top: 1.4em; }
    .home ol.chapter-list { list-style: none; padding: 0; counter-reset: none; }
    .home .chapter-list li a, .home .edition-list li a { display: block; padding: 14px 18px; margin-bottom: 10px;
      border: 1px solid var(--line); border-radius: 12px; text-decoration: none; color: var(--fg); font-size: 1.08rem; }
    .home .chapter-list li a:hover, .home .edition-list li a:hover { border-color: var(--accent); background: var(--panel); }
    .home .edition-list { list-style: none; padding: 0; }
    .home .edition-list small { display: block; color: var(--muted); font-size: 0.9rem; }

    @media (max-width: 820px) {
      body { font-size: 16px; }
      .layout { display: block; }
      .topbar { padding: 8px 14px; gap: 8px 10px; flex-wrap: wrap; }
      .book-title { flex: 1 0 100%; order: -1; font-size: 0.98rem; }
      .languages { margin-right: auto; }
      .languages a, .languages span { padding: 3px 7px; }
      .js .menu-toggle { display: inline-block; }
      .sidebar { position: static; max-height: none; padding: 16px; border-bottom: 1px solid var(--line); }
      .js .sidebar { display: none; }
      .js body.menu-open .sidebar { display: block; }
      main { padding: 0 16px 48px; }
      h1 { font-size: 1.8rem; margin-top: 24px; }
      .step pre.code, .step-result { padding: 12px; }
      .pager a { max-width: none; flex: 1; }
    }
    @media print {
      .topbar, .sidebar, .toc-side, .pager, .skip, .variants .slider { display: none !important; }
      .layout, main { display: block; padding: 0; max-width: none; }
      body { background: #fff; color: #000; font-size: 11pt; }
      a { color: inherit; }
      .step { break-inside: avoid; border-color: #bbb; }
      pre { white-space: pre-wrap; }
      h2, h3 { break-after: avoid; }
    }
    """
}
