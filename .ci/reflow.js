// Reflow check (WCAG 1.4.10): every page of a built site, 320 CSS px wide,
// must not scroll sideways. Wide tables scroll inside their own region, which
// is allowed; the page itself must not. Uses the Chromium and playwright-core
// that site-audit installs.
//
// usage: node .ci/reflow.js DIR
const path = require('path');
const fs = require('fs');
const cache = process.env.SITE_AUDIT_CACHE || path.join(process.env.HOME, '.cache/site-audit');
const { chromium } = require(path.join(cache, 'node_modules/playwright-core'));

function pages(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : pages(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

(async () => {
  const root = path.resolve(process.argv[2] || 'public');
  const browser = await chromium.launch({
    executablePath: process.env.SITE_AUDIT_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  let failures = 0;
  const all = pages(root).sort();
  for (const file of all) {
    await page.goto('file://' + file);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      failures++;
      console.log(`${path.relative(root, file)}: ${overflow}px wider than a 320px screen`);
    }
  }
  await browser.close();
  console.log(`reflow: ${all.length} pages at 320px, ${failures} scroll sideways`);
  process.exit(failures ? 1 : 0);
})();
