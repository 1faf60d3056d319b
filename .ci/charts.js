// Chart readability check: every chart on every page of one or more built
// sites, as a reader's browser draws it, at 320 and 1280 CSS px wide, with and
// without WCAG 1.4.12's text spacing. It measures
//   - the smallest chart text (targets: 12 px at 320 px, 14 px at 1280 px);
//   - overlapping text boxes within one chart (target 0);
//   - text boxes cut off by the edge of their chart (target 0);
//   - each chart's accessible name and description, read from Chromium's
//     accessibility tree: every chart needs both, the name must not contain
//     the description (a screen reader would read it twice), and the text
//     inside the chart must not be exposed as well (read a third time).
// Charts not drawn at a width (display: none, e.g. a copy meant for another
// width) are skipped at that width; closed <details> are opened first, as a
// reader may open them. Exits 1 when a target is missed, unless
// --report-only. Uses the Chromium and playwright-core that site-audit
// installs.
//
// usage: node .ci/charts.js [--report-only] [--json FILE] DIR...
//   CHARTS_JOBS: pages measured at once (default 2)
const path = require('path');
const fs = require('fs');
const cache = process.env.SITE_AUDIT_CACHE || path.join(process.env.HOME, '.cache/site-audit');
const { chromium } = require(path.join(cache, 'node_modules/playwright-core'));

const WIDTHS = [
  { width: 320, minText: 12 },
  { width: 1280, minText: 14 },
];
// Boxes may touch or graze each other by antialiasing's half pixel.
const TOLERANCE = 0.5;
const CHARTS = 'svg.chart, svg[role="img"], figure svg';
// WCAG 1.4.12 (Text Spacing): the reader's own style sheet may set these, and
// nothing may be lost when it does. Letter spacing widens SVG text too.
const SPACING = `* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important;
  line-height: 1.5 !important; } p { margin-bottom: 2em !important; }`;
const SHOW = 10;
// Chromium's names for roles whose children ARIA makes presentational.
const PRESENTATIONAL_CHILDREN = ['image', 'img', 'graphics-symbol', 'meter', 'progressbar'];

function pages(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : pages(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

// Runs in the page: every drawn chart's text, measured.
function measure({ selector, tolerance }) {
  const charts = [...document.querySelectorAll(selector)].filter(
    (svg) => !svg.parentElement.closest('svg'),
  );
  return charts.map((svg, index) => {
    // Named in the report by its own id or its figure's.
    const named = svg.closest('[id]');
    const id = named ? named.id : `chart-${index + 1}`;
    const box = svg.getBoundingClientRect();
    const style = getComputedStyle(svg);
    if (!svg.getClientRects().length || box.width === 0 || box.height === 0 || style.visibility === 'hidden') {
      return { index, id, drawn: false };
    }
    const texts = [];
    for (const el of svg.querySelectorAll('text, tspan')) {
      // A <text> made only of <tspan>s is measured through them.
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (!own) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // The rendered size is the computed font-size (in the chart's user
      // units) times the scale from user units to CSS px at this element
      // (viewBox scaling and any transform, rotation included). A glyph box's
      // height would depend on which letters the label has and on the font's
      // ascent and descent, so it is not the size the reader's eye gets.
      const m = el.getScreenCTM();
      const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
      texts.push({
        el,
        text: el.textContent.trim().slice(0, 40),
        px: parseFloat(cs.fontSize) * scale,
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      });
    }
    const overlaps = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        // A <text> with words of its own and <tspan>s holds their boxes.
        if (texts[i].el.contains(texts[j].el) || texts[j].el.contains(texts[i].el)) continue;
        const a = texts[i].box;
        const b = texts[j].box;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > tolerance && h > tolerance) {
          overlaps.push({ a: texts[i].text, b: texts[j].text, area: w * h });
        }
      }
    }
    // A text box runs from the font's ascent to its descent, whatever the
    // letters, so a label flush with the chart's edge counts as cut off: with
    // another font on the reader's machine its letters may well be.
    const clipped = [];
    for (const t of texts) {
      const out = Math.max(
        box.left - t.box.left,
        t.box.right - box.right,
        box.top - t.box.top,
        t.box.bottom - box.bottom,
      );
      if (out > tolerance) clipped.push({ text: t.text, by: out });
    }
    const smallest = texts.reduce((s, t) => (s && s.px <= t.px ? s : t), null);
    return {
      index,
      id,
      drawn: true,
      texts: texts.length,
      smallest: smallest && { px: smallest.px, text: smallest.text },
      overlaps,
      clipped,
    };
  });
}

// Each chart's accessible name and description, from the same
// accessibility tree a screen reader is given; `ids` are the charts' names
// in the report, in the order `measure` found them.
async function names(page, ids) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const found = [];
    for (let i = 0; i < ids.length; i++) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `[...document.querySelectorAll(${JSON.stringify(CHARTS)})].filter((svg) => !svg.parentElement.closest('svg'))[${i}]`,
      });
      const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
      const ax = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
      if (!ax || ax.ignored) {
        found.push({ index: i, id: ids[i], ignored: true });
        continue;
      }
      // Text a screen reader could reach inside the chart, besides its name.
      // Chromium's tree keeps an image's children, but ARIA makes the
      // children of an img presentational and Chromium hands images to
      // screen readers as leaves; only under another role are they read.
      const exposed = [];
      const walk = (n) => {
        for (const c of (n.childIds || []).map((id) => byId.get(id)).filter(Boolean)) {
          const role = c.role && c.role.value;
          if (!c.ignored && !['none', 'generic', 'InlineTextBox'].includes(role) && c.name && c.name.value) {
            exposed.push(c.name.value.slice(0, 40));
          }
          walk(c);
        }
      };
      if (!PRESENTATIONAL_CHILDREN.includes(ax.role && ax.role.value)) walk(ax);
      found.push({
        index: i,
        id: ids[i],
        role: ax.role && ax.role.value,
        name: (ax.name && ax.name.value) || '',
        description: (ax.description && ax.description.value) || '',
        exposed,
      });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

function nameProblems(found) {
  const squash = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const problems = [];
  for (const f of found) {
    if (f.ignored) continue;
    const name = squash(f.name);
    const desc = squash(f.description);
    if (!name) problems.push('has no accessible name');
    if (!desc) problems.push('has no accessible description');
    if (name && desc && name.includes(desc)) problems.push('its name contains its description');
    if (f.exposed.length) problems.push(`exposes its text besides its name: ${f.exposed.slice(0, 3).join(', ')}`);
    f.problems = problems.splice(0);
  }
  return found;
}

// One load a page: the spacing style sheet is added and taken away again,
// and the viewport resized, which Chromium lays out afresh each time.
async function visit(page, file, rel) {
  const result = { page: rel, widths: {}, names: [] };
  await page.setViewportSize({ width: WIDTHS[0].width, height: 900 });
  await page.goto('file://' + file);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // A chart drawn at one width only is named at that width.
  const named = new Map();
  for (const { width } of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const args = { selector: CHARTS, tolerance: TOLERANCE };
    const charts = await page.evaluate(measure, args);
    result.widths[`${width}`] = charts;
    for (const n of await names(page, charts.map((c) => c.id))) {
      if (!named.has(n.index) || named.get(n.index).ignored) named.set(n.index, n);
    }
    const style = await page.addStyleTag({ content: SPACING });
    result.widths[`${width}+spacing`] = await page.evaluate(measure, args);
    await style.evaluate((el) => el.remove());
  }
  result.names = nameProblems([...named.values()]);
  return result;
}

function parseArgs(argv) {
  const opts = { reportOnly: false, json: null, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--report-only') opts.reportOnly = true;
    else if (argv[i] === '--json') opts.json = argv[++i];
    else opts.dirs.push(argv[i]);
  }
  if (!opts.dirs.length) opts.dirs.push('public');
  return opts;
}

function summarise(results, opts) {
  const modes = WIDTHS.flatMap(({ width }) => [`${width}`, `${width}+spacing`]);
  const charts = new Set();
  const stats = Object.fromEntries(
    modes.map((m) => [m, { smallest: null, overlaps: 0, clipped: 0, charts: 0, small: 0, crowded: 0, cut: 0 }]),
  );
  const small = [];
  const overlaps = [];
  const clipped = [];
  const named = [];
  for (const r of results) {
    for (const mode of modes) {
      const width = Number(mode.split('+')[0]);
      const target = WIDTHS.find((w) => w.width === width).minText;
      for (const c of r.widths[mode]) {
        if (!c.drawn) continue;
        const where = `${r.page} #${c.id}`;
        charts.add(where);
        const s = stats[mode];
        s.charts++;
        if (c.smallest && (!s.smallest || c.smallest.px < s.smallest.px)) s.smallest = { ...c.smallest, where };
        if (c.smallest && c.smallest.px < target && !mode.includes('spacing')) {
          small.push({ px: c.smallest.px, line: `${where} at ${width} px: ${c.smallest.px.toFixed(1)} px "${c.smallest.text}"` });
        }
        s.overlaps += c.overlaps.length;
        s.clipped += c.clipped.length;
        if (c.smallest && c.smallest.px < target - 1e-6) s.small++;
        if (c.overlaps.length) s.crowded++;
        if (c.clipped.length) s.cut++;
        // One line a chart and mode, led by its worst case.
        const label = `${where} at ${mode.replace('+spacing', ' px spaced')}${mode.includes('+') ? '' : ' px'}`;
        if (c.overlaps.length) {
          const o = c.overlaps.reduce((a, b) => (a.area >= b.area ? a : b));
          overlaps.push({
            size: o.area,
            line: `${label}: ${c.overlaps.length} pair${c.overlaps.length === 1 ? "" : "s"}, worst "${o.a}" over "${o.b}" (${o.area.toFixed(0)} px²)`,
          });
        }
        if (c.clipped.length) {
          const o = c.clipped.reduce((a, b) => (a.by >= b.by ? a : b));
          clipped.push({
            size: o.by,
            line: `${label}: ${c.clipped.length} cut off, worst "${o.text}" by ${o.by.toFixed(1)} px`,
          });
        }
      }
    }
    for (const n of r.names) {
      for (const p of n.problems || []) named.push(`${r.page} #${n.id}: ${p}`);
    }
  }

  const fmt = (s) => (s ? s.px.toFixed(1) : '-');
  const pad = (s, n) => String(s).padStart(n);
  console.log(`charts: ${results.length} pages, ${charts.size} charts checked`);
  console.log(`${''.padEnd(24)}${modes.map((m) => pad(m.replace('+spacing', ' spaced'), 13)).join('')}`);
  const row = (title, value) => console.log(`${title.padEnd(24)}${modes.map((m) => pad(value(stats[m]), 13)).join('')}`);
  row('charts drawn', (s) => s.charts);
  row('smallest text (px)', (s) => fmt(s.smallest));
  row('charts under 12/14 px', (s) => s.small);
  row('overlapping text pairs', (s) => s.overlaps);
  row('  in charts', (s) => s.crowded);
  row('clipped text', (s) => s.clipped);
  row('  in charts', (s) => s.cut);
  console.log(`${'name problems'.padEnd(24)}${pad(named.length, 13)}`);

  const misses = [];
  for (const { width, minText } of WIDTHS) {
    const s = stats[`${width}`].smallest;
    if (s && s.px < minText - 1e-6) misses.push(`text under ${minText} px at ${width} px (smallest ${fmt(s)} px)`);
  }
  const totalOverlaps = modes.reduce((n, m) => n + stats[m].overlaps, 0);
  const totalClipped = modes.reduce((n, m) => n + stats[m].clipped, 0);
  if (totalOverlaps) misses.push(`${totalOverlaps} overlapping text pairs`);
  if (totalClipped) misses.push(`${totalClipped} clipped text boxes`);
  if (named.length) misses.push(`${named.length} accessible name problems`);

  const worst = (title, list, key) => {
    if (!list.length) return;
    console.log(`\n${title} (${list.length}${list.length > SHOW ? `, worst ${SHOW}` : ''}):`);
    list.sort((a, b) => key(a, b)).slice(0, SHOW).forEach((x) => console.log(`  ${x.line || x}`));
  };
  worst('charts with text too small', small, (a, b) => a.px - b.px);
  worst('charts with overlapping text', overlaps, (a, b) => b.size - a.size);
  worst('charts with text cut off', clipped, (a, b) => b.size - a.size);
  worst('accessible names', named, () => 0);

  if (opts.json) {
    fs.writeFileSync(opts.json, JSON.stringify({ stats, misses, results }, null, 1));
  }
  console.log(misses.length ? `\ncharts: targets missed: ${misses.join('; ')}` : '\ncharts: every target met');
  return misses.length;
}

(async () => {
  const opts = parseArgs(process.argv.slice(2));
  const work = opts.dirs.flatMap((d) => {
    const root = path.resolve(d);
    return pages(root)
      .sort()
      .map((file) => ({ file, rel: path.join(path.basename(root), path.relative(root, file)) }));
  });
  const browser = await chromium.launch({
    executablePath: process.env.SITE_AUDIT_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const jobs = Math.max(1, Number(process.env.CHARTS_JOBS) || 2);
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, work.length) }, async () => {
      // The spacing style sheet is the reader's, which a page's own
      // Content-Security-Policy does not govern.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      while (next < work.length) {
        const { file, rel } = work[next++];
        results.push(await visit(page, file, rel));
      }
      await context.close();
    }),
  );
  await browser.close();
  results.sort((a, b) => a.page.localeCompare(b.page));
  const missed = summarise(results, opts);
  process.exit(missed && !opts.reportOnly ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
