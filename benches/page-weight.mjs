// Page weight (not a test): what a reader's phone downloads for a page before any search
// data: the HTML, the stylesheet and the reading-tools script, each gzipped (-9), as a
// server would send them.
//
//   ./target/release/tebiki build && node benches/page-weight.mjs [public]

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const site = process.argv[2] ?? 'public';
const gz = (path) => gzipSync(readFileSync(join(site, path)), { level: 9 }).length;
const shared = gz('assets/style.css') + gz('assets/tools.js');

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'search' && dir === site ? [] : pages(path);
    return name.endsWith('.html') ? [relative(site, path)] : [];
  });
}

const weights = pages(site).map((path) => [path, gz(path) + shared]);
weights.sort((a, b) => b[1] - a[1]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`stylesheet + reading tools: ${kb(shared)} (cached after the first page)`);
console.log(`front page ja/index.html: ${kb(weights.find(([p]) => p === 'ja/index.html')[1])}`);
console.log('heaviest pages:');
for (const [path, bytes] of weights.slice(0, 5)) console.log(`  ${path}: ${kb(bytes)}`);
