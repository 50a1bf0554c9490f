// The reading tools under the header: text size, background colour, furigana and
// read-aloud. Choices are saved in localStorage and applied on every page (the inline
// script in the page head applies them before the first paint).
const KEY = 'tebiki-reading';
const root = document.documentElement;
const tools = document.getElementById('reading-tools');

function saved() {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
}

function save(name, value) {
  const preferences = saved();
  preferences[name] = value;
  try {
    localStorage.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Private browsing may refuse storage: the choice still holds on this page.
  }
}

/** A row of buttons of which one is pressed, setting data-<name> on <html>. */
function choice(name, standard) {
  const buttons = tools.querySelectorAll(`button[data-${name}]`);
  const show = (value) => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset[name] === value)));
  show(root.dataset[name] ?? standard);
  buttons.forEach((button) =>
    button.addEventListener('click', () => {
      const value = button.dataset[name];
      if (value === standard) delete root.dataset[name];
      else root.dataset[name] = value;
      save(name, value === standard ? undefined : value);
      show(value);
    }),
  );
}

function furigana() {
  const button = document.getElementById('tool-furigana');
  if (!document.querySelector('ruby')) return; // nothing to switch on this page
  button.hidden = false;
  const show = () => button.setAttribute('aria-pressed', String(root.dataset.furigana === 'on'));
  show();
  button.addEventListener('click', () => {
    root.dataset.furigana = root.dataset.furigana === 'on' ? 'off' : 'on';
    save('furigana', root.dataset.furigana);
    show();
  });
}

/** The chapter's text as it should be spoken: the title and text, without the furigana. */
export function speakableText() {
  const parts = document.querySelectorAll('main h1, main .lead, main .prose');
  return [...parts]
    .map((part) => {
      const copy = part.cloneNode(true);
      copy.querySelectorAll('rt, rp').forEach((reading) => reading.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    })
    .filter(Boolean)
    .join('\n');
}

function readAloud() {
  const group = document.getElementById('tool-read');
  const prose = document.querySelector('main .prose');
  if (!prose || !('speechSynthesis' in window)) return;
  const lang = (prose.closest('[lang]') ?? root).lang;
  const primary = lang.split('-')[0];
  const voiceFor = () => speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(primary));
  const offer = () => {
    group.hidden = !voiceFor();
  };
  offer();
  speechSynthesis.addEventListener?.('voiceschanged', offer);
  group.querySelector('[data-speech=play]').addEventListener('click', () => {
    if (speechSynthesis.paused) {
      speechSynthesis.resume();
      return;
    }
    speechSynthesis.cancel();
    // Sentence by sentence: some browsers stop reading a very long utterance.
    for (const sentence of speakableText().split(/(?<=[。．！？.!?\n])/)) {
      if (!sentence.trim()) continue;
      const utterance = new SpeechSynthesisUtterance(sentence.trim());
      utterance.voice = voiceFor() ?? null;
      utterance.lang = utterance.voice?.lang ?? lang;
      speechSynthesis.speak(utterance);
    }
  });
  group.querySelector('[data-speech=pause]').addEventListener('click', () => speechSynthesis.pause());
  group.querySelector('[data-speech=stop]').addEventListener('click', () => speechSynthesis.cancel());
}

function settings() {
  const button = document.getElementById('tool-settings');
  const panel = document.getElementById('tool-panel');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  });
}

if (tools) {
  settings();
  choice('size', 'standard');
  choice('colour', 'white');
  furigana();
  readAloud();
  tools.hidden = false;
}
