// Incremental rebuild under `tebiki serve` (not a test): generates an N-chapter guidebook,
// times full builds with `tebiki build`, then starts `tebiki serve`, edits one chapter
// again and again, and times each save until the page's reload event arrives: what the
// person editing waits for.
//
//   cargo build --release && node benches/serve.mjs [chapters=1000] [edits=7]

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const tebiki = join(repo, 'target/release/tebiki');
const [chapters = '1000', edits = '7'] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'tebiki-serve-bench-'));
const guidebook = join(work, 'guidebook');
execFileSync('node', [join(repo, 'benches/generate.mjs'), chapters, guidebook], { stdio: 'inherit' });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const full = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  execFileSync(tebiki, ['build', '--root', guidebook, '--out', join(work, 'public')], { stdio: 'ignore' });
  full.push(performance.now() - started);
}

const server = spawn(tebiki, ['serve', '--port', '0', '--root', guidebook], { stdio: ['ignore', 'pipe', 'ignore'] });
const startedServing = performance.now();
const port = await new Promise((resolve) => {
  let seen = '';
  server.stdout.on('data', (chunk) => {
    seen += chunk;
    const found = seen.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (found) resolve(Number(found[1]));
  });
});
const firstBuild = performance.now() - startedServing;

// The event stream a page listens to; each reload event resolves the waiting save.
let waiting = null;
get({ host: '127.0.0.1', port, path: '/__tebiki/events?since=1' }, (response) => {
  response.setEncoding('utf8');
  response.on('data', (text) => {
    if (text.includes('event: reload') && waiting) waiting();
  });
});
await new Promise((resolve) => setTimeout(resolve, 500));

const chapter = join(guidebook, 'content/ja/gen/chapter-00500.md');
const original = readFileSync(chapter, 'utf8');
const saves = [];
for (let edit = 0; edit < Number(edits); edit++) {
  const reloaded = new Promise((resolve) => (waiting = resolve));
  const started = performance.now();
  writeFileSync(chapter, original.replace('\n## ', `\n${edit + 1}回目の編集で足した文です。\n\n## `));
  await reloaded;
  saves.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 300));
}
server.kill();
rmSync(work, { recursive: true, force: true });

console.log(`\n${chapters} chapters (+${Math.ceil(chapters / 2)} in English), ${edits} saves of one chapter\n`);
console.log('| what | time |');
console.log('|---|---|');
console.log(`| full build, tebiki build (median of 3) | ${seconds(median(full))} |`);
console.log(`| first build under tebiki serve | ${seconds(firstBuild)} |`);
console.log(`| save → reload event (median) | ${seconds(median(saves))} |`);
console.log(`| save → reload event (min – max) | ${seconds(Math.min(...saves))} – ${seconds(Math.max(...saves))} |`);
console.log('\nThe save time includes the 120 ms the server waits for the editor to finish writing.');
