// The search page: runs the engine as the reader types, never during IME conversion.
// Without JavaScript the page still offers the life-stage and scenario listings.
import { search, mark } from './search.js';

const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const { lang, root, found, none } = form.dataset;
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

async function run() {
  const query = input.value.trim();
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  const ticket = ++latest;
  if (!query) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const results = await search(query, { lang, limit: 10 });
  if (ticket !== latest) return; // a newer query has started
  list.replaceChildren(...results.map(item));
  status.textContent = results.length ? found.replace('{n}', results.length) : none;
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

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  run();
}
