// The query table: every key term of the sample guidebook typed the ways residents type it
// (kanji, hiragana without conversion, katakana, half-width, full-width, other names,
// English, and phrases in Chinese, Korean and Vietnamese) must find its chapter among the
// first three results, with an excerpt that marks what was found; where the chapter is
// the one answer (`first`), it must come first.
//
// The first 297 queries are frozen: they may not be edited to suit the engine (the test
// checks their hash). Reviewed cases are added after them, marked `reviewed`.
//
// Run by tests/search_engine.rs after building the sample site; TEBIKI_SITE names the
// built folder (default: public).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const site = process.env.TEBIKI_SITE ?? 'public';
const { search } = await import(resolve(site, 'assets/search.js'));
const queries = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));
const KANA_ONLY = new Set(['hiragana', 'katakana', 'halfwidth']);

const FROZEN = 297;
const FROZEN_SHA256 = '7750531fea34a3a201accebc97168d768b46a304324c776f4068e49d342c7e5e';

const outcomes = [];
for (const { q, lang, expect, kind, first, shows } of queries) {
  const results = await search(q, { lang, limit: 3, root: site });
  const urls = results.map((r) => r.url.split('#')[0]);
  outcomes.push({
    q,
    lang,
    kind,
    expect,
    pinned: first === true,
    shows,
    found: urls.includes(`${lang}/${expect}/`),
    firstFound: urls[0] === `${lang}/${expect}/`,
    results: urls,
    excerpts: results.map((r) => r.excerpt),
    empty: results.length === 0,
  });
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

test('the first 297 queries are as they were frozen', () => {
  const frozen = queries.slice(0, FROZEN).map((x) => [x.q, x.lang, x.expect, x.kind]);
  const hash = createHash('sha256').update(JSON.stringify(frozen)).digest('hex');
  assert.equal(hash, FROZEN_SHA256, 'a frozen query was changed, moved or removed');
  assert.ok(queries.slice(0, FROZEN).every((x) => !x.reviewed), 'reviewed cases go after the frozen ones');
  assert.ok(queries.slice(FROZEN).every((x) => x.reviewed), 'added cases are marked reviewed');
});

test('reviewed cases include phrases in English, Chinese, Korean and Vietnamese', () => {
  const reviewed = queries.slice(FROZEN);
  // A phrase: several words, spaced, or in Chinese (unspaced) four characters or more.
  const isPhrase = (x) => (x.lang === 'zh' ? [...x.q].length >= 4 : /\S[\s-]+\S/.test(x.q));
  for (const lang of ['en', 'zh', 'ko', 'vi']) {
    assert.ok(reviewed.filter((x) => x.lang === lang && isPhrase(x)).length >= 3, `fewer than 3 ${lang} phrases`);
  }
});

test('at least 99% of all queries have the expected chapter in the top 3', () => {
  const rate = outcomes.filter((o) => o.found).length / outcomes.length;
  console.log(`all: ${(rate * 100).toFixed(1)}% — ${report(outcomes)}`);
  assert.ok(rate >= 0.99, `${(rate * 100).toFixed(1)}%`);
});

test('at least 90% of the queries that pin a first result have it first', () => {
  const pinned = outcomes.filter((o) => o.pinned);
  assert.ok(pinned.length >= queries.length * 0.8, `only ${pinned.length} queries pin their first result`);
  const missed = pinned.filter((o) => !o.firstFound);
  const rate = (pinned.length - missed.length) / pinned.length;
  console.log(`first: ${pinned.length - missed.length}/${pinned.length}` + missed.map((o) => `\n  ${o.kind} ${o.q} → expected ${o.expect} first, got ${o.results.join(', ') || 'nothing'}`).join(''));
  assert.ok(rate >= 0.9, `${(rate * 100).toFixed(1)}%`);
});

test('every excerpt in the top 3 marks a word of the query, its reading or another name', () => {
  const unmarked = outcomes.flatMap((o) =>
    o.excerpts.map((e, i) => [o, e, i]).filter(([, e]) => !/<mark>[^<]+<\/mark>/.test(e)),
  );
  assert.deepEqual(unmarked.map(([o, e, i]) => `${o.q} → #${i + 1} ${o.results[i]}: ${e}`), []);
});

test('the excerpt shows the word as it is written, not only another name for it', () => {
  for (const o of outcomes.filter((o) => o.shows)) {
    assert.ok(o.excerpts[0].includes(`<mark>${o.shows}</mark>`), `${o.q}: ${o.excerpts[0]}`);
  }
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
