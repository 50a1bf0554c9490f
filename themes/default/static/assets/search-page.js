// The search page: runs the engine as the reader types, never during IME conversion, and
// narrows results by the filters (life stage, scenario, audience). The query and the chosen
// filters are kept in the URL (?q=…&stage=…&audience=…), so a filtered list can be shared
// or bookmarked. Without JavaScript the page still offers the life-stage and scenario
// listings.
import { search, browse, mark } from './search.js';

const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const filters = document.getElementById('search-filters');
const clear = document.getElementById('search-filters-clear');
const chosenNote = document.getElementById('search-filters-chosen');
const { lang, root, found, none, listed, count } = form.dataset;
const PAUSE_MS = 300;

let composing = false;
let timer;
let latest = 0;

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, PAUSE_MS);
}

function item(result) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = root + result.url;
  const title = document.createElement('span');
  title.className = 'result-title';
  title.innerHTML = mark(result.title, result.marks);
  if (result.lang) title.lang = result.lang;
  link.append(title);
  if (result.heading) {
    const heading = document.createElement('span');
    heading.className = 'result-heading';
    heading.innerHTML = mark(result.heading, result.marks);
    if (result.lang) heading.lang = result.lang;
    link.append(heading);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.innerHTML = result.excerpt; // escaped by the engine; only <mark> is markup
  if (result.lang) excerpt.lang = result.lang;
  li.append(link, excerpt);
  return li;
}

/** The checkboxes of the filters, by facet. */
function boxes() {
  return filters ? [...filters.querySelectorAll('input[type=checkbox]')] : [];
}

/** What the filters choose: { facet: [values] }. */
function chosen() {
  const choice = {};
  for (const box of boxes()) if (box.checked) (choice[box.name] ??= []).push(box.value);
  return choice;
}

/** Each value's count, as the engine gave it for the current query and choices. */
function showCounts(counts) {
  if (!filters) return;
  for (const fieldset of filters.querySelectorAll('fieldset[data-facet]')) {
    const facet = counts?.[fieldset.dataset.facet];
    for (const label of fieldset.querySelectorAll('.filter-count')) {
      label.dataset.initial ??= label.textContent;
      const n = facet?.[label.dataset.value];
      label.textContent = n === undefined ? label.dataset.initial : count.replace('{n}', n);
    }
  }
}

function keepInUrl(query, choice) {
  const url = new URL(location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  for (const [facet, values] of Object.entries(choice)) for (const value of values) url.searchParams.append(facet, value);
  history.replaceState(null, '', url);
}

/** The summary of the closed filters says how many values are chosen. */
function noteChosen(choice) {
  if (!chosenNote) return;
  const n = Object.values(choice).flat().length;
  chosenNote.textContent = n ? `(${chosenNote.dataset.text.replace('{n}', n)})` : '';
}

async function run() {
  const query = input.value.trim();
  const choice = chosen();
  const anyChosen = Object.keys(choice).length > 0;
  noteChosen(choice);
  keepInUrl(query, choice);
  const ticket = ++latest;
  if (!query && !anyChosen) {
    list.replaceChildren();
    status.textContent = '';
    showCounts(null);
    return;
  }
  // Without a query, the chosen chapters in the guidebook's order; with one, the best ten.
  // Counts are fetched only while the filters are open (or chosen), not for every query.
  const results = query
    ? await search(query, { lang, limit: 10, filters: choice, counts: Boolean(filters?.open) })
    : await browse({ lang, filters: choice });
  if (ticket !== latest) return; // a newer query has started
  list.replaceChildren(...results.map(item));
  if (results.counts) showCounts(results.counts);
  const total = results.total ?? results.length;
  if (!results.length) status.textContent = none;
  else status.textContent = (query ? found : listed).replace('{n}', query ? results.length : total);
}

input.addEventListener('compositionstart', () => {
  composing = true;
  clearTimeout(timer);
});
input.addEventListener('compositionend', () => {
  composing = false;
  schedule();
});
input.addEventListener('input', (event) => {
  if (composing || event.isComposing) return;
  schedule();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run();
});
for (const box of boxes()) box.addEventListener('change', run);
// Opening the filters shows the counts for the query already typed.
filters?.addEventListener('toggle', () => {
  if (filters.open && input.value.trim()) run();
});
clear?.addEventListener('click', () => {
  for (const box of boxes()) box.checked = false;
  run();
});

const params = new URLSearchParams(location.search);
let fromUrl = false;
for (const box of boxes()) {
  if (params.getAll(box.name).includes(box.value)) {
    box.checked = true;
    fromUrl = true;
  }
}
// Filters chosen in the address stay closed (the summary says how many), so the results
// are what the reader sees first.
const initial = params.get('q');
if (initial) input.value = initial;
if (initial || fromUrl) run();
