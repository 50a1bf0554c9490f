//! Splitting Japanese text into words with lindera and IPADIC, plus the domain dictionary.
//!
//! Each text is tokenised once and its morphemes shared: rendering (furigana and line-break
//! points) and the search index ask for the same texts, and the second ask pays only a
//! lookup. How long morphemes are kept depends on who asks:
//! - a build keeps them only while it works on one chapter (`Tokenizer::within_scope`), so
//!   its memory does not grow with the size of the guidebook;
//! - a preview server keeps every text it has read (`Tokenizer::remembering`), so a
//!   rebuild after a save tokenises only the text that changed.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use lindera::dictionary::UserDictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

/// The domain dictionary built into tebiki: terms of home care and ACP that IPADIC splits
/// or reads wrongly (認知症, 人生会議, 看取り …). Staff extend it per guidebook with
/// data/dictionary.csv in the same format.
pub(crate) const DOMAIN_DICTIONARY: &str = include_str!("../../dictionary/domain.csv");

/// The word classes tebiki cares about, from IPADIC's first part-of-speech field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    Noun,
    Verb,
    Adjective,
    Adverb,
    Prefix,
    Particle,
    Auxiliary,
    Symbol,
    Other,
}

impl WordClass {
    fn from_ipadic(pos: &str) -> WordClass {
        match pos {
            "名詞" => WordClass::Noun,
            "動詞" => WordClass::Verb,
            "形容詞" => WordClass::Adjective,
            "副詞" | "連体詞" => WordClass::Adverb,
            "接頭詞" => WordClass::Prefix,
            "助詞" => WordClass::Particle,
            "助動詞" => WordClass::Auxiliary,
            "記号" => WordClass::Symbol,
            _ => WordClass::Other,
        }
    }

    /// Words that carry meaning on their own; particles and auxiliaries do not.
    pub fn is_content(self) -> bool {
        matches!(self, WordClass::Noun | WordClass::Verb | WordClass::Adjective | WordClass::Adverb)
    }
}

/// One word of a text as the dictionary sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Morpheme {
    pub surface: String,
    /// Dictionary form (行きます → 行く); the surface when the dictionary has none.
    pub base: String,
    /// Reading in katakana; empty for words the dictionary does not know (Latin, symbols).
    pub reading: String,
    pub class: WordClass,
    /// IPADIC's second part-of-speech field (数, 非自立, 接尾 …), for finer decisions.
    pub subclass: String,
    /// Byte offsets of the word in the text.
    pub start: usize,
    pub end: usize,
}

pub struct Tokenizer {
    segmenter: Segmenter,
    /// The guidebook's own entries it was made with: a preview server keeps the tokenizer,
    /// and what it has already seen, for as long as these stay the same.
    extra_entries: String,
    /// The texts tokenised since the last `forget_unused`, and those of the build before,
    /// for a tokenizer that remembers (a preview server's).
    seen: Option<Mutex<Seen>>,
    /// This tokenizer's number (see `ENTRIES`).
    id: usize,
}

/// Texts and their morphemes, as kept by a scope.
pub(crate) type Remembered = HashMap<String, Arc<[Morpheme]>>;

/// What a remembering tokenizer keeps: the texts asked for in this build, and those of the
/// last one, which move over when asked for again. Dropping what was not asked for after a
/// build keeps memory from growing over a whole editing session.
#[derive(Default)]
struct Seen {
    now: Remembered,
    before: Remembered,
}

thread_local! {
    /// The texts tokenised in the scope running on this thread, with the address of the
    /// tokenizer that made them (a scope only serves its own tokenizer).
    static SCOPE: RefCell<Option<(usize, Remembered)>> = const { RefCell::new(None) };
}

impl Tokenizer {
    /// A tokenizer with IPADIC, the domain dictionary and a guidebook's own entries
    /// (`surface,part_of_speech,reading` lines, like dictionary/domain.csv).
    pub fn new(extra_entries: &str) -> Result<Tokenizer, String> {
        let dictionary = super::dictionary::load().map_err(|e| format!("cannot load the dictionary: {e}"))?;
        let user_dictionary = user_dictionary(&dictionary, extra_entries)?;
        let segmenter = Segmenter::new(Mode::Normal, dictionary, Some(user_dictionary));
        let id = TOKENIZERS_MADE.fetch_add(1, Ordering::Relaxed);
        Ok(Tokenizer { segmenter, extra_entries: extra_entries.to_string(), seen: None, id })
    }

    /// This tokenizer, keeping every text it reads for as long as it lives.
    pub fn remembering(mut self) -> Tokenizer {
        self.seen = Some(Mutex::new(Seen::default()));
        self
    }

    /// Forgets the texts not asked for since the last call (a preview server calls it
    /// after each build), and says how many texts are still kept.
    pub fn forget_unused(&self) -> usize {
        let Some(seen) = &self.seen else { return 0 };
        let mut seen = seen.lock().expect("tokenizer cache");
        seen.before = std::mem::take(&mut seen.now);
        seen.before.len()
    }

    /// Runs `work`, keeping the morphemes of the texts it tokenises on this thread (starting
    /// with `seed`) until it returns them with its result. Scopes nest: an inner scope hides
    /// the outer one until it ends.
    pub fn within_scope<R>(&self, seed: Remembered, work: impl FnOnce() -> R) -> (R, Remembered) {
        let id = self as *const Tokenizer as usize;
        let outer = SCOPE.with(|scope| scope.borrow_mut().replace((id, seed)));
        let result = work();
        let (_, remembered) =
            SCOPE.with(|scope| std::mem::replace(&mut *scope.borrow_mut(), outer)).expect("the scope set above");
        (result, remembered)
    }

    pub fn extra_entries(&self) -> &str {
        &self.extra_entries
    }

    /// The morphemes of `text`, tokenised the first time it is asked for.
    pub fn tokenize(&self, text: &str) -> Arc<[Morpheme]> {
        if let Some(seen) = &self.seen {
            let known = {
                let mut seen = seen.lock().expect("tokenizer cache");
                match seen.now.get(text) {
                    Some(known) => Some(Arc::clone(known)),
                    None => seen.before.remove(text).inspect(|known| {
                        seen.now.insert(text.to_string(), Arc::clone(known));
                    }),
                }
            };
            if let Some(known) = known {
                return known;
            }
            let morphemes: Arc<[Morpheme]> = self.segment(text).into();
            seen.lock().expect("tokenizer cache").now.insert(text.to_string(), Arc::clone(&morphemes));
            return morphemes;
        }
        let id = self as *const Tokenizer as usize;
        let known = SCOPE.with(|scope| match &*scope.borrow() {
            Some((owner, remembered)) if *owner == id => Some(remembered.get(text).cloned()),
            _ => None,
        });
        match known {
            Some(Some(morphemes)) => morphemes,
            Some(None) => {
                let morphemes: Arc<[Morpheme]> = self.segment(text).into();
                SCOPE.with(|scope| {
                    if let Some((_, remembered)) = &mut *scope.borrow_mut() {
                        remembered.insert(text.to_string(), Arc::clone(&morphemes));
                    }
                });
                morphemes
            }
            None => self.segment(text).into(),
        }
    }

    fn segment(&self, text: &str) -> Vec<Morpheme> {
        let Ok(tokens) = self.segmenter.segment(Cow::Borrowed(text)) else { return Vec::new() };
        ENTRIES.with(|cell| {
            let mut read = cell.borrow_mut();
            if read.tokenizer != self.id {
                *read = EntriesRead { tokenizer: self.id, entries: HashMap::new() };
            }
            let entries = &mut read.entries;
            tokens
                .into_iter()
                .map(|mut token| {
                    // Ids are numbered within each dictionary: system, user, unknown words.
                    let key = (token.word_id.id(), token.word_id.lex_type() as u8);
                    let entry = entries.entry(key).or_insert_with(|| Entry::read(&mut token));
                    let surface = token.surface.to_string();
                    Morpheme {
                        base: entry.base.clone().unwrap_or_else(|| surface.clone()),
                        reading: entry.reading.clone(),
                        class: entry.class,
                        subclass: entry.subclass.clone(),
                        start: token.byte_start,
                        end: token.byte_end,
                        surface,
                    }
                })
                .collect()
        })
    }
}

/// What tebiki reads from a dictionary entry.
struct Entry {
    base: Option<String>,
    reading: String,
    class: WordClass,
    subclass: String,
}

impl Entry {
    fn read(token: &mut lindera::token::Token) -> Entry {
        let details = token.details();
        let field = |i: usize| details.get(i).filter(|d| **d != "*").map(|d| d.to_string());
        Entry {
            base: field(6),
            reading: field(7).unwrap_or_default(),
            class: WordClass::from_ipadic(details.first().copied().unwrap_or("")),
            subclass: field(1).unwrap_or_default(),
        }
    }
}

/// Each tokenizer gets its own number, so that the entries a thread has read (`ENTRIES`)
/// are never taken for those of another tokenizer with other user entries.
static TOKENIZERS_MADE: AtomicUsize = AtomicUsize::new(1);

thread_local! {
    /// Dictionary entries already read on this thread, by word (id and dictionary), with the
    /// number of the tokenizer they belong to. Reading an entry's fields for every token was
    /// a tenth of a build; a guidebook uses a few thousand words over and over.
    static ENTRIES: RefCell<EntriesRead> = RefCell::new(EntriesRead { tokenizer: 0, entries: HashMap::new() });
}

/// The dictionary entries one thread has read for one tokenizer.
struct EntriesRead {
    tokenizer: usize,
    entries: HashMap<(u32, u8), Entry>,
}

/// The entries of a dictionary in domain.csv's format: its lines without blanks and
/// `#` comments.
pub(crate) fn dictionary_entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn user_dictionary(dictionary: &lindera::dictionary::Dictionary, extra: &str) -> Result<UserDictionary, String> {
    let lines: String =
        dictionary_entries(DOMAIN_DICTIONARY).chain(dictionary_entries(extra)).map(|l| format!("{l}\n")).collect();
    lindera_dictionary::builder::DictionaryBuilder::new((*dictionary.metadata).clone())
        .build_user_dict_from_reader(lines.as_bytes())
        .map_err(|e| format!("the user dictionary is not valid: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String)> {
        let tokenizer = Tokenizer::new("").unwrap();
        tokenizer.tokenize(text).iter().map(|m| (m.surface.clone(), m.reading.clone())).collect()
    }

    #[test]
    fn domain_terms_are_single_words_with_their_readings() {
        let found = words("認知症の方と人生会議をします。看取りと胃ろうについて。");
        for (surface, reading) in
            [("認知症", "ニンチショウ"), ("人生会議", "ジンセイカイギ"), ("看取り", "ミトリ"), ("胃ろう", "イロウ")]
        {
            assert!(found.contains(&(surface.to_string(), reading.to_string())), "{surface} in {found:?}");
        }
    }

    #[test]
    fn each_tokenizer_reads_its_own_entries() {
        // The same word with two readings, in two guidebooks' dictionaries: each tokenizer
        // answers with its own, however they take turns on one thread.
        let first = Tokenizer::new("陽溜町,名詞,ヒダマリチョウ").unwrap();
        let second = Tokenizer::new("陽溜町,名詞,ヨウリュウチョウ").unwrap();
        let reading = |tokenizer: &Tokenizer| tokenizer.segment("陽溜町")[0].reading.clone();
        for _ in 0..2 {
            assert_eq!(reading(&first), "ヒダマリチョウ");
            assert_eq!(reading(&second), "ヨウリュウチョウ");
        }
    }

    #[test]
    fn ordinary_words_get_readings_and_base_forms() {
        let tokenizer = Tokenizer::new("").unwrap();
        let morphemes = tokenizer.tokenize("家で受けられます");
        let verb = morphemes.iter().find(|m| m.class == WordClass::Verb).unwrap();
        assert_eq!(verb.base, "受ける");
        assert_eq!(morphemes[0].reading, "イエ");
    }

    #[test]
    fn a_remembering_tokenizer_tokenises_a_text_once() {
        let tokenizer = Tokenizer::new("").unwrap().remembering();
        let first = tokenizer.tokenize("認知症の相談");
        let second = tokenizer.tokenize("認知症の相談");
        assert!(Arc::ptr_eq(&first, &second));
    }

    #[test]
    fn a_remembering_tokenizer_forgets_what_the_last_build_did_not_read() {
        let tokenizer = Tokenizer::new("").unwrap().remembering();
        let kept = tokenizer.tokenize("認知症の相談");
        tokenizer.tokenize("古い段落");
        assert_eq!(tokenizer.forget_unused(), 2);
        assert!(Arc::ptr_eq(&tokenizer.tokenize("認知症の相談"), &kept), "read again: still kept");
        assert_eq!(tokenizer.forget_unused(), 1, "the text no longer read is forgotten");
        assert_eq!(tokenizer.forget_unused(), 0);
    }

    #[test]
    fn a_scope_tokenises_a_text_once_and_forgets_it_when_it_ends() {
        let tokenizer = Tokenizer::new("").unwrap();
        let ((first, second), remembered) = tokenizer.within_scope(Remembered::new(), || {
            (tokenizer.tokenize("認知症の相談"), tokenizer.tokenize("認知症の相談"))
        });
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(remembered.keys().collect::<Vec<_>>(), ["認知症の相談"]);
        assert!(!Arc::ptr_eq(&tokenizer.tokenize("認知症の相談"), &first), "nothing is kept outside a scope");
        // A seeded scope starts with what an earlier one read.
        let (again, _) = tokenizer.within_scope(remembered, || tokenizer.tokenize("認知症の相談"));
        assert!(Arc::ptr_eq(&again, &first));
    }

    #[test]
    fn a_guidebook_can_add_its_own_words() {
        let tokenizer = Tokenizer::new("ひだまりあんしんセンター,名詞,ヒダマリアンシンセンター").unwrap();
        let morphemes = tokenizer.tokenize("ひだまりあんしんセンターへ");
        assert_eq!(morphemes[0].surface, "ひだまりあんしんセンター");
    }
}
