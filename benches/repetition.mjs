// Hostile repetition (not a test): input shaped to make work grow faster than its size.
// Each case is a guidebook made from tests/fixtures/minimal with one chapter replaced, built
// three times with the release binary; the table shows the median wall time.
//
//   cargo build --release && node benches/repetition.mjs [headings]
//
// - 20,000 headings with the same words, against 20,000 different ones: the ids given to
//   repeated headings (-2, -3 …) must not make the first case slower than 1.5 × the second;
// - front-matter nested 100,000 levels deep in brackets (2,000 in indentation) must be refused
//   in under a second;
// - HTML nested 100,000 elements deep must be refused in under a second;
// - 20,000 refused tags in one chapter are reported, and 40,000 allowed ones published,
//   in time in proportion to their number (each message is made without rereading the file).

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
// TEBIKI=path/to/tebiki measures another build of it (an older one, say).
const tebiki = process.env.TEBIKI ?? join(repo, 'target/release/tebiki');
const headings = Number(process.argv[2] ?? 20000);
const work = mkdtempSync(join(tmpdir(), 'tebiki-repetition-'));

const front = (extra = '') => `---\ntitle: 繰り返し\nsummary: 試験用の章です。\norder: 900\n${extra}---\n`;

const cases = [
  { name: `${headings} identical headings`, chapter: front() + '## よくある質問\n\n本文です。\n\n'.repeat(headings), builds: true },
  {
    name: `${headings} distinct headings`,
    chapter: front() + Array.from({ length: headings }, (_, i) => `## よくある質問 ${i}\n\n本文です。\n\n`).join(''),
    builds: true,
  },
  { name: '100,000-deep brackets in front-matter', chapter: front(`audience: ${'['.repeat(100000)}${']'.repeat(100000)}\n`) + '本文\n', builds: false },
  {
    name: '2,000-deep indentation in front-matter',
    chapter: front('audience:\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}- k${i}:\n`).join('')) + '本文\n',
    builds: false,
  },
  { name: '100,000-deep HTML', chapter: front() + '<div>'.repeat(100000) + '\n', builds: false },
  { name: '20,000 refused HTML tags (20,000 messages)', chapter: front() + '<p><img src=x.png onerror=a></p>\n'.repeat(20000), builds: false },
  { name: '40,000 allowed inline HTML tags', chapter: front() + '本文<b>太字</b>です。'.repeat(20000) + '\n', builds: true },
];

function run(chapter, builds) {
  const root = join(work, 'guide');
  rmSync(root, { recursive: true, force: true });
  cpSync(join(repo, 'tests/fixtures/minimal'), root, { recursive: true });
  writeFileSync(join(root, 'content/ja/care/repeated.md'), chapter);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const out = join(work, `out-${i}`);
    const started = process.hrtime.bigint();
    const result = spawnSync(tebiki, ['build', '--root', root, '--out', out], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if ((result.status === 0) !== builds) throw new Error(`expected the build to ${builds ? 'pass' : 'fail'}:\n${result.stderr.slice(-1500)}`);
    if (!builds && i === 0) console.log(`  ${result.stderr.split('\n').find((l) => l.includes('error:'))}`);
  }
  return times.sort((a, b) => a - b)[1];
}

const results = [];
for (const { name, chapter, builds } of cases) {
  const wall = run(chapter, builds);
  results.push({ name, wall });
  console.log(`${name}: ${wall.toFixed(2)} s (median of 3)`);
}
const [identical, distinct] = results;
console.log(`\nidentical / distinct headings: ${(identical.wall / distinct.wall).toFixed(2)} (must be ≤ 1.5)`);
const refusals = results.slice(2, 5);
console.log(`slowest refusal: ${Math.max(...refusals.map((r) => r.wall)).toFixed(2)} s (must be < 1 s)`);
rmSync(work, { recursive: true, force: true });
const ok = identical.wall <= 1.5 * distinct.wall && refusals.every((r) => r.wall < 1);
process.exit(ok ? 0 : 1);
