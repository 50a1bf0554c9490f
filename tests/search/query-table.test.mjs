// The query table: every key term of the sample guidebook typed the ways residents type it
// (kanji, hiragana without conversion, katakana, half-width, full-width, other names,
// English) must find its chapter among the first three results.
//
// Run by tests/search_engine.rs after building the sample site; TEBIKI_SITE names the
// built folder (default: public).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const site = process.env.TEBIKI_SITE ?? 'public';
const { search } = await import(resolve(site, 'assets/search.js'));
const queries = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));
const KANA_ONLY = new Set(['hiragana', 'katakana', 'halfwidth']);

const outcomes = [];
for (const { q, lang, expect, kind } of queries) {
  const results = await search(q, { lang, limit: 3, root: site });
  const urls = results.map((r) => r.url.split('#')[0]);
  outcomes.push({ q, lang, kind, expect, found: urls.includes(`${lang}/${expect}/`), results: urls, empty: results.length === 0 });
}

function report(selected) {
  const missed = selected.filter((o) => !o.found);
  return `${selected.length - missed.length}/${selected.length}` + missed.map((o) => `\n  ${o.kind} ${o.q} → expected ${o.expect}, got ${o.results.join(', ') || 'nothing'}`).join('');
}

test('the table has at least 150 queries in every kind', () => {
  assert.ok(queries.length >= 150, `${queries.length} queries`);
  for (const kind of ['kanji', 'hiragana', 'katakana', 'halfwidth', 'fullwidth', 'synonym', 'mixed', 'english']) {
    assert.ok(queries.some((q) => q.kind === kind), `no ${kind} query`);
  }
});

test('at least 95% of all queries have the expected chapter in the top 3', () => {
  const rate = outcomes.filter((o) => o.found).length / outcomes.length;
  console.log(`all: ${(rate * 100).toFixed(1)}% — ${report(outcomes)}`);
  assert.ok(rate >= 0.95, `${(rate * 100).toFixed(1)}%`);
});

test('at least 90% of kana-only queries have the expected chapter in the top 3', () => {
  const kana = outcomes.filter((o) => KANA_ONLY.has(o.kind));
  const rate = kana.filter((o) => o.found).length / kana.length;
  console.log(`kana-only: ${(rate * 100).toFixed(1)}% of ${kana.length}`);
  assert.ok(rate >= 0.9, `${(rate * 100).toFixed(1)}%`);
});

test('no query for a word in the text returns nothing', () => {
  const empty = outcomes.filter((o) => o.empty).map((o) => `${o.kind} ${o.q}`);
  assert.deepEqual(empty, []);
});

test('per kind, for the record', () => {
  for (const kind of [...new Set(outcomes.map((o) => o.kind))]) {
    const selected = outcomes.filter((o) => o.kind === kind);
    console.log(`${kind}: ${selected.filter((o) => o.found).length}/${selected.length}`);
  }
});
