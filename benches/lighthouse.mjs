// Lighthouse on the sample guidebook (not a test): the front page, the largest chapter and
// the search page, each three times, as Lighthouse's mobile preset sees them (a mid-range
// phone: 4× slower CPU and a simulated slow 4G connection), in Debian's Chromium over
// loopback. Prints the median score of each category, and every audit that kept a score
// under 100 in any run.
//
//   cargo build --release
//   npm install --prefix target/lighthouse lighthouse@12.8.2    # once; downloads no browser
//   node benches/lighthouse.mjs [runs]
//
// The site is built with base_url set to the local address, as if published there, so the
// canonical and hreflang links point at the pages measured. The server gzips text, as any
// web server a city publishes on does.

import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIGHTHOUSE_VERSION = '12.8.2';
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const lighthouse = join(repo, 'target/lighthouse/node_modules/.bin/lighthouse');
const tebiki = process.env.TEBIKI ?? join(repo, 'target/release/tebiki');
const runs = Number(process.argv[2] ?? 3);
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

if (!existsSync(lighthouse)) {
  console.error(`Lighthouse is not installed: npm install --prefix target/lighthouse lighthouse@${LIGHTHOUSE_VERSION}`);
  process.exit(2);
}
const installed = JSON.parse(readFileSync(join(repo, 'target/lighthouse/node_modules/lighthouse/package.json'))).version;
if (installed !== LIGHTHOUSE_VERSION) {
  console.error(`Lighthouse ${installed} is installed; this benchmark is pinned to ${LIGHTHOUSE_VERSION}`);
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.xml': 'application/xml', '.txt': 'text/plain',
};
const compressible = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

const work = mkdtempSync(join(tmpdir(), 'tebiki-lighthouse-'));
const site = join(work, 'site');
const server = createServer((request, response) => {
  let path = join(site, decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    let body = readFileSync(path);
    const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' };
    if (compressible.has(extname(path)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(readFileSync(join(site, '404.html')));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// The sample, published at the local address.
const guidebook = join(work, 'guidebook');
for (const part of ['site.yaml', 'content', 'data', 'i18n']) cpSync(join(repo, part), join(guidebook, part), { recursive: true });
const settings = readFileSync(join(guidebook, 'site.yaml'), 'utf8').replace(/^base_url: .*$/m, `base_url: ${origin}`);
writeFileSync(join(guidebook, 'site.yaml'), settings);
const built = spawnSync(tebiki, ['build', '--root', guidebook, '--out', site], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(built.stderr);

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name === 'index.html' ? [relative(site, path)] : [];
  });
}
const chapters = htmlFiles(join(site, 'ja')).filter((p) => p.split('/').length > 3 && !p.includes('/search/'));
const largest = chapters.sort((a, b) => statSync(join(site, b)).size - statSync(join(site, a)).size)[0];
const pages = [
  ['front page', 'ja/'],
  [`largest chapter (${largest.replace(/index\.html$/, '')})`, largest.replace(/index\.html$/, '')],
  ['search page', 'ja/search/'],
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

// Asynchronously: the server answering Lighthouse runs in this same process.
async function lighthouseRun(url) {
  const report = join(work, 'report.json');
  await promisify(execFile)(
    lighthouse,
    [url, '--quiet', '--output=json', `--output-path=${report}`, `--only-categories=${categories.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: chromium }, maxBuffer: 64 * 1024 * 1024 },
  );
  const json = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round(json.categories[c].score * 100)]));
  const short = categories.flatMap((c) =>
    json.categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && json.audits[ref.id].score !== null && json.audits[ref.id].score < 1)
      .map((ref) => `${c}/${ref.id} ${json.audits[ref.id].displayValue ?? json.audits[ref.id].score}`),
  );
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
    .map((id) => `${id.split('-').map((w) => w[0]).join('').toUpperCase()} ${json.audits[id].displayValue}`);
  return { scores, short, metrics };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset (simulated throttling), ${runs} runs, ${chromium}`);
console.log(`| page | performance | accessibility | best practices | SEO | metrics (last run) |`);
console.log(`|---|---|---|---|---|---|`);
const kept = [];
for (const [name, path] of pages) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await lighthouseRun(origin + path));
  const medians = categories.map((c) => median(results.map((r) => r.scores[c])));
  console.log(`| ${name} | ${medians.join(' | ')} | ${results.at(-1).metrics.join(', ')} |`);
  for (const line of new Set(results.flatMap((r) => r.short))) kept.push(`${name}: ${line}`);
}
if (kept.length) console.log(`\nAudits under 100 in some run:\n  ${kept.join('\n  ')}`);
server.close();
rmSync(work, { recursive: true, force: true });
