// Checks the chart check: runs .ci/charts.js over index.html beside this file,
// whose charts each hold one known fault (or none), and fails unless it finds
// exactly those faults, at the widths and spacings where they are, and no
// others; and unless it exits 1 for them, or 0 with --report-only.
//
// usage: node .ci/charts-selftest/run.js
const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawnSync } = require('child_process');

const script = path.join(__dirname, '..', 'charts.js');
const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'charts-selftest-')), 'found.json');
const run = (...args) => spawnSync(process.execPath, [script, ...args, __dirname], { encoding: 'utf8' });

const failing = run('--json', json);
const report = run('--report-only');
const { results } = JSON.parse(fs.readFileSync(json, 'utf8'));
const [page] = results;
const modes = ['320', '320+spacing', '1280', '1280+spacing'];
const chart = (mode, id) => page.widths[mode].find((c) => c.id === id);
const problems = [];
const expect = (ok, what) => ok || problems.push(what);

expect(failing.status === 1, `exit status ${failing.status} on missed targets, want 1\n${failing.stderr}`);
expect(report.status === 0, `exit status ${report.status} with --report-only, want 0\n${report.stderr}`);

// Which charts are drawn at which width.
for (const mode of modes) {
  const wide = mode.startsWith('1280');
  expect(chart(mode, 'narrow-only').drawn === !wide, `narrow-only drawn at ${mode}?`);
  expect(chart(mode, 'wide-only').drawn === wide, `wide-only drawn at ${mode}?`);
  expect(chart(mode, 'in-details').drawn, `a chart in closed details is measured at ${mode}`);
}

// Text size: the rendered size, scale included.
const px = (mode, id) => chart(mode, id).smallest.px;
expect(px('320', 'good') === 16, `good: ${px('320', 'good')} px at 320, want 16`);
expect(px('320', 'shrunk') < 6, `shrunk: ${px('320', 'shrunk')} px at 320, want under 6 (drawn at a quarter size)`);
expect(px('1280', 'shrunk') === 16, `shrunk: ${px('1280', 'shrunk')} px at 1280, want 16`);
expect(px('1280', 'wide-only') === 8, `wide-only: ${px('1280', 'wide-only')} px, want 8`);
expect(px('320', 'in-details') === 10, `in-details: ${px('320', 'in-details')} px, want 10`);

// Overlaps and cut-off text, and nothing else anywhere.
const want = {
  overlaps: { overlap: modes, 'narrow-only': ['320', '320+spacing'], 'spacing-overlap': ['320+spacing', '1280+spacing'] },
  clipped: { clipped: modes },
};
for (const kind of ['overlaps', 'clipped']) {
  for (const mode of modes) {
    for (const c of page.widths[mode].filter((c) => c.drawn)) {
      const expected = (want[kind][c.id] || []).includes(mode) ? 1 : 0;
      expect(c[kind].length === expected, `${c.id} at ${mode}: ${c[kind].length} ${kind}, want ${expected}`);
    }
  }
}

// Accessible names.
const named = Object.fromEntries(page.names.map((n) => [n.id, n.problems || []]));
const wantNames = {
  'name-has-desc': ['its name contains its description'],
  'no-name': ['has no accessible name', 'has no accessible description'],
  exposed: ['exposes its text besides its name: Read, Twice'],
};
for (const [id, found] of Object.entries(named)) {
  const expected = wantNames[id] || [];
  expect(JSON.stringify(found) === JSON.stringify(expected), `${id}: ${JSON.stringify(found)}, want ${JSON.stringify(expected)}`);
}
expect(Object.keys(named).length === 11, `${Object.keys(named).length} charts named, want 11`);

if (problems.length) {
  console.log(`charts self-test: ${problems.length} wrong\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('charts self-test: every fault found where it is, and no other');
