// Print check: a report printed from a browser is an A4 document for a
// committee's agenda pack. Every page of a built site, in print media, must
// hide the site's controls (navigation, skip link, the charts' "show the
// figures" toggles, download links) and show the symbol keys, notes and
// footnotes; each chart must fit on one page, so that its break-inside: avoid
// keeps it whole, and no table or chart may be wider than the printed line
// (Chromium would shrink the whole printout to fit it). Every report is
// printed to PDF as the browser would print it, and must come out on A4
// pages (portrait, or landscape for a very wide table), no more than a page
// budget of them.
// Uses the Chromium and playwright-core that site-audit installs.
//
// usage: node .ci/print.js DIR [PAGE_BUDGET]   (budget: 30 pages a report)
const path = require('path');
const fs = require('fs');
const cache = process.env.SITE_AUDIT_CACHE || path.join(process.env.HOME, '.cache/site-audit');
const { chromium } = require(path.join(cache, 'node_modules/playwright-core'));

// A4 in PDF points, and the text area the stylesheet's @page leaves on it
// (210 x 297 mm less 15 mm each side, 15 mm above and 18 mm below) in CSS px;
// an element on a named page (a very wide table) prints on landscape A4.
const A4 = { width: 595.28, height: 841.89 };
const MM = 96 / 25.4;
const AREA = { width: Math.floor(180 * MM), height: Math.floor(264 * MM) };
const LANDSCAPE_WIDTH = Math.floor(267 * MM);

const HIDDEN = ['nav', '.skip-link', 'details.chart-data > summary', 'details.chart-data .table-wrap', 'a[download]'];
const SHOWN = ['.marker-key', '.symbols', '.footnote-definition', '.print-note'];

function pages(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : pages(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

// Page count and page sizes from the PDF's page objects: Chromium writes
// each page's /MediaBox in a plain dictionary.
function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: m[3] - m[1],
    height: m[4] - m[2],
  }));
  return { count, boxes };
}

(async () => {
  const root = path.resolve(process.argv[2] || 'public');
  const budget = Number(process.argv[3] || 30);
  const browser = await chromium.launch({
    executablePath: process.env.SITE_AUDIT_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // The viewport is the printed text area, so print-media layout matches paper.
  const page = await browser.newPage({ viewport: AREA });
  await page.emulateMedia({ media: 'print' });
  let failures = 0;
  const fail = (file, message) => {
    failures++;
    console.log(`${path.relative(root, file)}: ${message}`);
  };
  const all = pages(root).sort();
  const printed = [];
  for (const file of all) {
    await page.goto('file://' + file);
    const found = await page.evaluate(
      ({ hidden, shown, pageHeight, landscapeWidth }) => {
        const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : '');
        const visible = (el) => el.checkVisibility() && el.getClientRects().length > 0;
        const problems = [];
        for (const sel of hidden) {
          const el = [...document.querySelectorAll(sel)].find(visible);
          if (el) problems.push(`${name(el)} (${sel}) prints; it must not`);
        }
        for (const sel of shown) {
          const el = [...document.querySelectorAll(sel)].find((e) => !visible(e));
          if (el) problems.push(`${name(el)} (${sel}) does not print; it must`);
        }
        // Paper does not scroll: anything wider than the text area is cut off.
        const named = (el) => {
          for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).page !== 'auto') return true;
          return false;
        };
        for (const el of document.querySelectorAll('table, figure, pre')) {
          const right = el.getBoundingClientRect().right;
          const line = named(el) ? landscapeWidth : window.innerWidth;
          if (right > line + 1) problems.push(`${name(el)} is cut off: it reaches ${Math.round(right)}px across a ${line}px printed line`);
        }
        for (const fig of document.querySelectorAll('figure')) {
          const h = fig.getBoundingClientRect().height;
          if (getComputedStyle(fig).breakInside !== 'avoid') problems.push(`${name(fig)} may break across pages (no break-inside: avoid)`);
          else if (h > pageHeight) problems.push(`${name(fig)} is ${Math.round(h)}px tall, more than a page (${pageHeight}px), so it breaks across pages`);
        }
        return { problems, report: !!document.querySelector('.report-body') };
      },
      { hidden: HIDDEN, shown: SHOWN, pageHeight: AREA.height, landscapeWidth: LANDSCAPE_WIDTH },
    );
    found.problems.forEach((p) => fail(file, p));
    if (!found.report) continue;

    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { count, boxes } = pdfPages(pdf);
    const a4 = (w, h) => Math.abs(w - A4.width) <= 1 && Math.abs(h - A4.height) <= 1;
    const wrong = boxes.find((b) => !a4(b.width, b.height) && !a4(b.height, b.width));
    if (!count || boxes.length !== count) fail(file, `could not read the printed PDF's pages (${count} pages, ${boxes.length} sizes)`);
    else if (wrong) fail(file, `prints on ${wrong.width.toFixed(0)} x ${wrong.height.toFixed(0)} pt pages, not A4 (595 x 842)`);
    if (count > budget) fail(file, `prints on ${count} pages, more than the budget of ${budget}`);
    printed.push(`${path.relative(root, file)} ${count}`);
  }
  await browser.close();
  console.log(`print: ${all.length} pages checked in print media; reports printed on A4 (pages each): ${printed.join(', ') || 'none'}`);
  console.log(`print: ${failures} problems`);
  process.exit(failures ? 1 : 0);
})();
