// Search benchmark (not a test): what a reader downloads and waits for, tebiki beside
// Pagefind on the same built HTML.
//
//   cargo build --release && npm ci && npm install --no-save pagefind@1.6.0
//   node benches/search.mjs [chapters]
//
// For the sample guidebook and a generated guidebook of `chapters` chapters (default 1000;
// benches/generate.mjs): build time of each index, bytes downloaded (gzip -9; files that
// are already compressed at their stored size) for the first query on a fresh page and for
// later queries, the whole search data on disk as served (every file gzip -9, as a server
// that compresses would send it), query time in Node, and on the sample the top-3 hit rate on the query
// table (tests/search/queries.json). Chromium is Debian's /usr/bin/chromium; nothing is
// fetched from the network.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, launch } from '../tests/browser/serve.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chapters = Number(process.argv[2] ?? 1000);
const work = '/tmp/tebiki-search-bench';
const tebiki = join(repo, 'target/release/tebiki');
const pagefind = join(repo, 'node_modules/.bin/pagefind');
const queries = JSON.parse(readFileSync(join(repo, 'tests/search/queries.json'), 'utf8'));
const SAMPLE_QUERIES = [['にんちしょう', 'ja'], ['介護保険', 'ja'], ['ACP', 'ja'], ['みとり', 'ja'], ['ケアマネジャー', 'ja'], ['dementia', 'en']];

if (!existsSync(tebiki)) throw new Error('build tebiki first: cargo build --release');
if (!existsSync(pagefind)) throw new Error('install Pagefind first: npm install --no-save pagefind@1.6.0');

function seconds(command, args) {
  const times = [];
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    execFileSync(command, args, { stdio: 'pipe' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return times.sort((a, b) => a - b)[1]; // median of 3
}

/** Bytes on the wire for a file served with gzip: stored size if already compressed. */
function wireBytes(site, url) {
  let path = join(site, decodeURIComponent(new URL(url).pathname));
  if (path.endsWith('/')) path = join(path, 'index.html');
  if (!existsSync(path)) path = join(site, '404.html'); // what a server answers
  const bytes = readFileSync(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? bytes.length : gzipSync(bytes, { level: 9 }).length;
}

/** The search data of a site as served: every file under `folders`, each at its wire size. */
function servedBytes(site, folders) {
  let total = 0;
  const walk = (path) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else {
      const bytes = readFileSync(path);
      total += bytes[0] === 0x1f && bytes[1] === 0x8b ? bytes.length : gzipSync(bytes, { level: 9 }).length;
    }
  };
  for (const folder of folders) if (existsSync(join(site, folder))) walk(join(site, folder));
  return total;
}

async function measureBrowser(site, browser, prefix, runQuery) {
  const server = await serve(site);
  const first = [];
  const later = [];
  for (const [query, lang] of SAMPLE_QUERIES) {
    const page = await browser.newPage();
    const requested = new Set();
    page.on('requestfinished', (request) => {
      if (prefix.some((p) => new URL(request.url()).pathname.includes(p))) requested.add(request.url());
    });
    await runQuery(page, server.url, query, lang);
    first.push([...requested].reduce((sum, url) => sum + wireBytes(site, url), 0));
    // A later query on the same page: only what was not loaded yet.
    const before = new Set(requested);
    const [other] = SAMPLE_QUERIES.find(([q, l]) => q !== query && l === lang) ?? SAMPLE_QUERIES[0];
    await runQuery(page, server.url, other, lang, true);
    later.push([...requested].filter((url) => !before.has(url)).reduce((sum, url) => sum + wireBytes(site, url), 0));
    await page.close();
  }
  server.close();
  const average = (list) => Math.round(list.reduce((a, b) => a + b, 0) / list.length);
  return { first: average(first), firstMax: Math.max(...first), later: average(later) };
}

async function tebikiQuery(page, url, query, lang, again = false) {
  if (!again) await page.goto(`${url}${lang}/search/`);
  await page.locator('#search-input').fill(query);
  await page.locator('#search-input').press('Enter');
  await page.waitForFunction((q) => document.getElementById('search-status').textContent !== '' && new URLSearchParams(location.search).get('q') === q, query);
  await page.waitForTimeout(100);
}

async function pagefindResults(page, url, query, lang, again = false) {
  if (!again) await page.goto(`${url}${lang}/`);
  return page.evaluate(async (q) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const response = await pagefind.search(q);
    const data = await Promise.all(response.results.slice(0, 3).map((r) => r.data()));
    return data.map((d) => d.url);
  }, query);
}

async function nodeQueryTime(site) {
  const { search } = await import(pathToFileURL(join(site, 'assets/search.js')));
  // The generated guidebook has Japanese and English only.
  const asked = queries.filter(({ lang }) => existsSync(join(site, 'search', lang, 'index.json')));
  for (const { q, lang } of asked) await search(q, { lang, limit: 10, root: site }); // warm the cache
  const start = process.hrtime.bigint();
  for (const { q, lang } of asked) await search(q, { lang, limit: 10, root: site });
  return Number(process.hrtime.bigint() - start) / 1e6 / asked.length;
}

async function hitRates(site, browser) {
  const { search } = await import(pathToFileURL(join(site, 'assets/search.js')));
  const server = await serve(site);
  const page = await browser.newPage();
  let tebikiHits = 0;
  let pagefindHits = 0;
  let currentLang = '';
  for (const { q, lang, expect } of queries) {
    const wanted = `${lang}/${expect}/`;
    const ours = await search(q, { lang, limit: 3, root: site });
    if (ours.some((r) => r.url.split('#')[0] === wanted)) tebikiHits++;
    const theirs = await pagefindResults(page, server.url, q, lang, lang === currentLang);
    currentLang = lang;
    if (theirs.some((u) => u.replace(/^\//, '').split('#')[0] === wanted)) pagefindHits++;
  }
  await page.close();
  server.close();
  const rate = (hits) => `${((hits / queries.length) * 100).toFixed(1)}%`;
  return { tebiki: rate(tebikiHits), pagefind: rate(pagefindHits) };
}

rmSync(work, { recursive: true, force: true });
execFileSync('node', [join(repo, 'benches/generate.mjs'), String(chapters), join(work, 'generated')], { stdio: 'inherit' });
const browser = await launch();
const rows = [];
for (const [name, root] of [['sample (14 chapters, 6 languages)', repo], [`generated (${chapters} + ${Math.ceil(chapters / 2)} en)`, join(work, 'generated')]]) {
  const site = join(work, name.split(' ')[0], 'public');
  const buildTime = seconds(tebiki, ['build', '--root', root, '--out', site]);
  const pagefindSite = `${site}-pagefind`;
  rmSync(pagefindSite, { recursive: true, force: true });
  cpSync(site, pagefindSite, { recursive: true });
  const pagefindTime = seconds(pagefind, ['--site', pagefindSite]);
  const ours = await measureBrowser(site, browser, ['/assets/search', '/search/'], tebikiQuery);
  const theirs = await measureBrowser(pagefindSite, browser, ['/pagefind/'], pagefindResults);
  const queryMs = await nodeQueryTime(site);
  const hits = name.startsWith('sample') ? await hitRates(pagefindSite, browser) : { tebiki: '–', pagefind: '–' };
  const ourDisk = servedBytes(site, ['search', 'assets/search.js', 'assets/search-page.js']);
  const theirDisk = servedBytes(pagefindSite, ['pagefind']);
  rows.push([name, 'tebiki', `${buildTime.toFixed(2)} s (whole site)`, ours.first, ours.firstMax, ours.later, ourDisk, `${queryMs.toFixed(2)} ms`, hits.tebiki]);
  rows.push([name, 'Pagefind 1.6', `${pagefindTime.toFixed(2)} s (index only)`, theirs.first, theirs.firstMax, theirs.later, theirDisk, '–', hits.pagefind]);
}
await browser.close();

const kb = (n) => (typeof n === 'number' ? (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`) : n);
console.log('\n| site | search | build | first query (mean) | first query (max) | later query (mean) | on disk, as served | query time in Node | top-3 hit rate |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.map(kb).join(' | ')} |`);
