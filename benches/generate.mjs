// Generates a guidebook of N chapters in tebiki's layout for benchmarks, deterministically:
// Japanese chapters made of the sample guidebook's own sentences, recombined, with
// front-matter, headings, lists, a table and links between chapters; an English copy of
// every second chapter.
//
//   node benches/generate.mjs 1000 /tmp/guidebook-1000

import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const [count = '1000', out = `/tmp/guidebook-${count}`] = process.argv.slice(2);
const chapters = Number(count);

/** mulberry32: a small seeded generator, so every run writes the same files. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261123);
const pick = (list) => list[Math.floor(next() * list.length)];

function bodies(lang) {
  const dir = join(repo, 'content', lang);
  const texts = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md') && entry.name !== '_index.md') texts.push(readFileSync(path, 'utf8').split('\n---\n')[1] ?? '');
    }
  };
  walk(dir);
  return texts;
}

function sentences(texts, end) {
  return texts
    .flatMap((t) => t.split('\n'))
    .filter((l) => l && !/^[#|>\-0-9]/.test(l) && !l.includes('](') && !l.includes('{#'))
    .flatMap((l) => l.split(end).map((s) => s.trim()).filter((s) => s.length > 8).map((s) => s + end));
}

const ja = sentences(bodies('ja'), '。');
const en = sentences(bodies('en'), '.');
const headingsJa = ['相談できるところ', '使えるサービス', '家族ができること', '話し合っておくこと', '費用のめやす', '夜間や休日のとき', '退院の前に', '気をつけたいこと'];
const headingsEn = ['Where to ask', 'Services you can use', 'What the family can do', 'What to talk about', 'Costs', 'At night and on holidays', 'Before discharge', 'Things to watch for'];
const subjects = ['訪問看護', '訪問診療', '認知症', '介護保険', '人生会議', '看取り', '緩和ケア', 'ショートステイ', 'ケアマネジャー', '退院支援', '成年後見', 'フレイル'];
const places = ['東町', '西町', '南町', '北町', '中央', '川辺', '山手', '駅前'];
const stages = ['healthy', 'frail', 'needs-care', 'hospital', 'end-of-life'];
const scenarios = ['early-dementia', 'terminal-cancer', 'living-alone', 'after-discharge', 'family-caregiver'];
const contacts = ['chiiki-houkatsu', 'zaitaku-soudan', 'kaigo-hoken', 'ishikai'];

function paragraph(pool, n) {
  return Array.from({ length: n }, () => pick(pool)).join(pool === ja ? '' : ' ');
}

function chapter(i, lang) {
  const pool = lang === 'ja' ? ja : en;
  const heads = lang === 'ja' ? headingsJa : headingsEn;
  const subject = subjects[i % subjects.length];
  const place = places[Math.floor(i / subjects.length) % places.length];
  const title = lang === 'ja' ? `${place}の${subject}（${i + 1}）` : `${subject} in ${place} (${i + 1})`;
  const front = lang === 'ja'
    ? [`title: ${title}`, `summary: ${pick(ja).slice(0, 50)}`, `order: ${(i + 1) * 10}`,
       `life_stages: [${pick(stages)}, ${pick(stages)}]`, `scenarios: [${pick(scenarios)}]`,
       'audience: [resident, family]', `contacts: [${pick(contacts)}]`, 'updated: 2026-10-01']
    : [`title: "${title}"`, `summary: "${pick(en).slice(0, 80).replace(/"/g, "'")}"`, 'updated: 2026-10-01'];
  const sections = [paragraph(pool, 3)];
  const count = 3 + Math.floor(next() * 4);
  for (let s = 0; s < count; s++) {
    sections.push(`## ${heads[(i + s) % heads.length]} {#s${s}}`, paragraph(pool, 2 + Math.floor(next() * 4)));
    if (s === 1) sections.push([1, 2, 3].map((n) => `${n}. ${pick(pool)}`).join('\n'));
    if (s === 2) sections.push(`| ${lang === 'ja' ? '項目 | 内容' : 'Item | Details'} |\n|---|---|\n| ${pick(pool)} | ${pick(pool)} |`);
  }
  const other = (i * 7 + 3) % chapters;
  sections.push(lang === 'ja' ? `関連：[${other + 1}番目の章](chapter-${String(other).padStart(5, '0')}.md)` : `See also [chapter ${other + 1}](chapter-${String(other).padStart(5, '0')}.md).`);
  return `---\n${front.join('\n')}\n---\n${sections.join('\n\n')}\n`;
}

rmSync(out, { recursive: true, force: true });
for (const dir of ['content/ja/gen', 'content/en/gen', 'data']) mkdirSync(join(out, dir), { recursive: true });
const site = readFileSync(join(repo, 'site.yaml'), 'utf8').replace(/languages:[\s\S]*?\n(?=life_stages:)/, 'languages:\n  - code: ja\n    name: 日本語\n    source: true\n  - code: en\n    name: English\n\n');
writeFileSync(join(out, 'site.yaml'), site);
writeFileSync(
  join(out, 'data/contacts.yaml'),
  contacts.map((id, n) => `${id}:\n  name:\n    ja: 相談窓口${n + 1}\n    en: Advice desk ${n + 1}\n  phone: 000-555-01${String(n).padStart(2, '0')}\n`).join('\n'),
);
writeFileSync(join(out, 'content/ja/_index.md'), `---\ntitle: 試験用ガイドブック（${chapters}章）\nsummary: 性能測定のために作った章の集まりです。\n---\n${paragraph(ja, 4)}\n`);
writeFileSync(join(out, 'content/en/_index.md'), `---\ntitle: Benchmark guidebook (${chapters} chapters)\nsummary: Chapters made for measuring speed.\n---\n${paragraph(en, 4)}\n`);
for (let i = 0; i < chapters; i++) {
  const name = `chapter-${String(i).padStart(5, '0')}.md`;
  writeFileSync(join(out, 'content/ja/gen', name), chapter(i, 'ja'));
  if (i % 2 === 0) writeFileSync(join(out, 'content/en/gen', name), chapter(i, 'en'));
}
console.log(`${chapters} chapters (${Math.ceil(chapters / 2)} in English) in ${out}`);
