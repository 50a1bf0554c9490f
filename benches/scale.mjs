// Build speed and memory at scale (not a test): the same generated Japanese guidebook of N
// chapters (plus an English copy of every second chapter) built by tebiki and, in Hugo's
// layout, by Hugo, with Pagefind indexing Hugo's output for search. Each build runs three
// times under /usr/bin/time -v; the table shows the median wall time, its CPU time and
// peak memory, the size of the output and of its search data, and the ratio to Hugo.
//
//   apt-get install hugo; npm install --no-save pagefind@1.6.0
//   cargo build --release && [BENCH_DIR=/dev/shm] node benches/scale.mjs 100 1000 [5000]

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const tebiki = join(repo, 'target/release/tebiki');
const pagefind = join(repo, 'node_modules/.bin/pagefind');
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(100, 1000);
// BENCH_DIR=/dev/shm keeps every build's input and output in memory, so that the figures
// measure the builders rather than the disk (see README, "Build speed at scale").
const work = join(process.env.BENCH_DIR || tmpdir(), 'tebiki-scale');

/** Runs a command three times under /usr/bin/time -v; the run with the median wall time.
 * Each run starts with `output` removed, as a build on a fresh clone does: tebiki replaces
 * a previous output folder whole (removing it is time the file system takes, as much as
 * 0.4 s for 1,000 chapters on a disk mounted with `discard`), while Hugo writes over it. */
function measure(command, args, output) {
  const runs = [];
  for (let run = 0; run < 3; run++) {
    rmSync(output, { recursive: true, force: true });
    const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
    const field = (name) => result.stderr.match(new RegExp(`${name}: (.*)`))[1];
    const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2).map(Number);
    runs.push({
      wall: m * 60 + s,
      cpu: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
      rss: Number(field('Maximum resident set size \\(kbytes\\)')) * 1024,
    });
  }
  runs.sort((a, b) => a.wall - b.wall);
  return runs[1];
}

function bytes(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytes(join(path, name)), 0);
}

/** The tebiki guidebook in Hugo's layout: one content folder per language, the same
 * Markdown and front-matter, the desks as data, and layouts that make the pages tebiki
 * makes: chapter pages with a language switcher, breadcrumbs, tags, contents, the desks
 * and previous/next links; a front page listing every chapter; a page per life stage and
 * scenario (Hugo taxonomies) listing its chapters. */
function hugoSite(guidebook, site) {
  rmSync(site, { recursive: true, force: true });
  for (const lang of ['ja', 'en']) cpSync(join(guidebook, 'content', lang), join(site, 'content', lang), { recursive: true });
  cpSync(join(guidebook, 'data/contacts.yaml'), join(site, 'data/contacts.yaml'));
  writeFileSync(join(site, 'config.yaml'), [
    'baseURL: https://guide.example.jp/',
    'defaultContentLanguage: ja',
    'defaultContentLanguageInSubdir: true',
    'disableKinds: [RSS]',
    'taxonomies: {life_stage: life_stages, scenario: scenarios}',
    'markup: {goldmark: {parser: {attribute: {title: true}}}, tableOfContents: {startLevel: 2, endLevel: 2}}',
    'minify: {minifyOutput: true}',
    'languages:',
    '  ja: {contentDir: content/ja, weight: 1, languageName: 日本語}',
    '  en: {contentDir: content/en, weight: 2, languageName: English}',
    '',
  ].join('\n'));
  const layouts = join(site, 'layouts/_default');
  mkdirSync(layouts, { recursive: true });
  writeFileSync(join(layouts, 'baseof.html'), `<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>{{ .Title }} | {{ .Site.Home.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}</head>
<body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Home.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav></header>
<main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body></html>
`);
  writeFileSync(join(layouts, 'single.html'), `{{ define "main" }}
<nav><a href="{{ .Site.Home.RelPermalink }}">Home</a>{{ with .GetTerms "life_stages" }}{{ with index . 0 }} › <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ end }}</nav>
<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
<ul>{{ range .GetTerms "life_stages" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}{{ range .GetTerms "scenarios" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .TableOfContents }}{{ .Content }}</article>
<aside>{{ range .Params.contacts }}{{ with index $.Site.Data.contacts . }}<h3>{{ index .name $.Site.Language.Lang | default (index .name "ja") }}</h3><p>{{ .phone }}</p>{{ end }}{{ end }}</aside>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
`);
  // The front page lists every chapter with its summary, as tebiki's does.
  writeFileSync(join(site, 'layouts/index.html'), `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}
`);
  writeFileSync(join(layouts, 'list.html'), `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}
`);
}

const rows = [];
for (const n of sizes) {
  const guidebook = join(work, `tebiki-${n}`);
  const site = join(work, `hugo-${n}`);
  execFileSync('node', [join(repo, 'benches/generate.mjs'), String(n), guidebook], { stdio: 'ignore' });
  hugoSite(guidebook, site);
  const out = join(work, `out-${n}`);
  const hugoOut = join(work, `hugo-out-${n}`);
  const results = [];
  results.push({ what: 'tebiki build (search, furigana, line breaks, minified)', ...measure(tebiki, ['build', '--root', guidebook, '--out', out], out), output: bytes(out), search: bytes(join(out, 'search')) });
  results.push({ what: 'tebiki build --no-search --no-furigana (line breaks, minified)', ...measure(tebiki, ['build', '--no-search', '--no-furigana', '--root', guidebook, '--out', out], out), output: bytes(out), search: 0 });
  const hugo = { what: 'Hugo 0.111 (HTML only, minified)', ...measure('hugo', ['--quiet', '--source', site, '--destination', hugoOut], hugoOut), output: bytes(hugoOut), search: 0 };
  results.push(hugo);
  if (existsSync(pagefind)) {
    const index = measure(pagefind, ['--site', hugoOut, '--output-subdir', 'pagefind', '--quiet'], join(hugoOut, 'pagefind'));
    results.push({ what: 'Pagefind 1.6 on Hugo\'s output', ...index, output: bytes(hugoOut), search: bytes(join(hugoOut, 'pagefind')) });
    results.push({ what: 'Hugo + Pagefind', wall: hugo.wall + index.wall, cpu: hugo.cpu + index.cpu, rss: Math.max(hugo.rss, index.rss), output: bytes(hugoOut), search: bytes(join(hugoOut, 'pagefind')) });
  }
  for (const result of results) rows.push({ n, ...result, ratio: result.wall / hugo.wall });
  rmSync(guidebook, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
}

const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
console.log(`\n| chapters (+ half in English) | build | wall (median of 3) | CPU | peak memory | output | search data | wall / Hugo |`);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n} | ${r.what} | ${r.wall.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${mb(r.rss)} | ${mb(r.output)} | ${r.search ? mb(r.search) : '–'} | ${r.ratio.toFixed(2)} |`);
}
