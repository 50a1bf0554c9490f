//! The search index: every chapter of every language, as the reader of that language sees
//! it (a fallback chapter is indexed in the source language's words), written as sharded
//! files under search/<lang>/ for the engine in themes/default/static/assets/search.js.

mod analyze;
mod index;
mod synonyms;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::guidebook::Guidebook;
use crate::japanese::{Tokenizer, is_kana, normalize};
use crate::markdown::Section;
use crate::render::OutputFile;
use crate::render::paths::PagePath;
use analyze::{Analysis, Terms, analyze};
use index::{ChapterEntry, Document, LanguageIndex};
use synonyms::{Synonyms, WrittenGroup};

pub use index::fnv1a;

/// A guidebook's own words for the tokenizer, in the format of dictionary/domain.csv.
pub const USER_DICTIONARY: &str = "data/dictionary.csv";

/// Weights of where a word stands: a word in the title or a heading says more about the
/// text than a word in a sentence. Terms gained from synonyms weigh as much as written
/// ones: counting them half was tried and found fewer expected chapters in the query table.
const TITLE_WEIGHT: u32 = 5;
const SUMMARY_WEIGHT: u32 = 2;
const HEADING_WEIGHT: u32 = 3;
const BODY_WEIGHT: u32 = 1;

/// What the index is built with: the tokenizer (with the domain and guidebook
/// dictionaries) and the synonym groups.
pub struct SearchSetup {
    tokenizer: Arc<Tokenizer>,
    synonyms: Vec<WrittenGroup>,
}

impl SearchSetup {
    /// Reads the guidebook's dictionary and synonyms. `reuse` is a tokenizer from an earlier
    /// build; it is kept when the guidebook's dictionary has not changed, with every text it
    /// has already tokenised.
    pub fn load(root: &Path, diagnostics: &Diagnostics, reuse: Option<&Arc<Tokenizer>>) -> Option<SearchSetup> {
        let extra = read_user_dictionary(root, diagnostics);
        let synonyms = Synonyms::load(root, diagnostics);
        if let Some(tokenizer) = reuse.filter(|t| t.extra_entries() == extra) {
            return Some(SearchSetup { tokenizer: Arc::clone(tokenizer), synonyms });
        }
        match Tokenizer::new(&extra) {
            Ok(tokenizer) => Some(SearchSetup { tokenizer: Arc::new(tokenizer), synonyms }),
            Err(message) => {
                diagnostics.push(Diagnostic::error(USER_DICTIONARY, Position::START, message));
                None
            }
        }
    }

    pub fn shared_tokenizer(&self) -> &Arc<Tokenizer> {
        &self.tokenizer
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }
}

/// Checks data/dictionary.csv line by line: `surface,part_of_speech,reading`, reading in katakana.
fn read_user_dictionary(root: &Path, diagnostics: &Diagnostics) -> String {
    let path = root.join(USER_DICTIONARY);
    if !path.is_file() {
        return String::new();
    }
    let Ok(file) = crate::source::SourceFile::read(root, &path).map_err(|d| diagnostics.push(d)) else {
        return String::new();
    };
    let mut accepted = String::new();
    for (index, line) in file.text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split(',').collect();
        let problem = match fields.as_slice() {
            [surface, pos, reading]
                if !surface.is_empty()
                    && !pos.is_empty()
                    && is_kana(reading)
                    && !reading.chars().any(|c| ('ぁ'..='ゖ').contains(&c)) =>
            {
                None
            }
            [_, _, reading] => Some(format!("the reading `{reading}` is not written in katakana")),
            _ => Some(format!("expected 3 fields separated by commas, found {}", fields.len())),
        };
        match problem {
            None => {
                accepted.push_str(trimmed);
                accepted.push('\n');
            }
            Some(message) => diagnostics.push(
                Diagnostic::error(&file.name, Position::new(index + 1, 1), message)
                    .expected("surface,part of speech,reading in katakana")
                    .suggestion("write it like 認知症,名詞,ニンチショウ")
                    .with_source(&file.text),
            ),
        }
    }
    accepted
}

/// One field's terms: as written, and gained from the synonyms of what is written.
struct Field {
    written: Terms,
    synonyms: Terms,
}

impl Field {
    fn weighted(&self, weight: u32) -> [(&Terms, u32); 2] {
        [(&self.written, weight), (&self.synonyms, weight)]
    }
}

/// A page's text analysed once, shared by every language that shows the page.
pub struct Analysed {
    title: Field,
    summary: Field,
    sections: Vec<(Section, Field, Field)>,
    /// Title, headings and text, normalised: where synonyms are looked for.
    normalized: String,
}

/// Analysed pages kept between builds by a preview server.
pub type Analyses = crate::memo::Memo<Analysed>;

/// Builds the index of every language.
pub fn build(
    guidebook: &Guidebook,
    setup: &SearchSetup,
    kept: Option<&Analyses>,
    diagnostics: &Diagnostics,
) -> Vec<OutputFile> {
    let synonyms = Synonyms::prepare(&setup.synonyms, &setup.tokenizer);
    let pages: Vec<&Page> = guidebook.chapters.iter().flat_map(|c| c.versions.values()).collect();
    // What an analysis is made from besides the page: the dictionary and the synonyms.
    let setup_key = crate::memo::key((
        setup.tokenizer.extra_entries(),
        setup.synonyms.iter().map(|g| &g.terms).collect::<Vec<_>>(),
    ));
    let analysed: HashMap<(String, String), Arc<Analysed>> = pages
        .par_iter()
        .map(|page| {
            let make = || analyse(page, &setup.tokenizer, &synonyms);
            let analysis = match kept {
                Some(kept) => kept.get_or_make(crate::memo::key((setup_key, &page.lang, &page.file.text)), make),
                None => Arc::new(make()),
            };
            ((page.lang.clone(), page.slug.clone()), analysis)
        })
        .collect();

    let all_text: String =
        pages.iter().map(|p| analysed[&(p.lang.clone(), p.slug.clone())].normalized.as_str()).collect();
    synonyms::warn_unknown(&setup.synonyms, &all_text, diagnostics);

    let source = guidebook.source_code();
    // Each language's index is its own work: built side by side.
    let per_language: Vec<Vec<OutputFile>> = guidebook
        .config
        .languages
        .par_iter()
        .map(|language| {
            let mut index = LanguageIndex::default();
            for chapter in &guidebook.chapters {
                let (page, _) = chapter.in_language(&language.code, source);
                let id = index.add_chapter(ChapterEntry {
                    title: page.front.title.clone(),
                    url: PagePath::chapter(&language.code, &chapter.slug).0,
                    lang: crate::render::lang_if_different(guidebook, &page.lang, &language.code),
                });
                let analysed = &analysed[&(page.lang.clone(), page.slug.clone())];
                // The chapter's first document is its title and summary: a chapter whose title
                // names the query ranks above one that mentions it in passing.
                index.add_document(&Document {
                    chapter: id,
                    anchor: None,
                    heading: String::new(),
                    text: page.front.summary.clone(),
                    fields: [analysed.title.weighted(TITLE_WEIGHT), analysed.summary.weighted(SUMMARY_WEIGHT)].concat(),
                });
                for (section, heading, body) in &analysed.sections {
                    index.add_document(&Document {
                        chapter: id,
                        anchor: section.anchor.clone(),
                        heading: section.heading.clone(),
                        text: section.text.clone(),
                        fields: [heading.weighted(HEADING_WEIGHT), body.weighted(BODY_WEIGHT)].concat(),
                    });
                }
            }
            index
                .files()
                .into_iter()
                .map(|(path, text)| OutputFile {
                    path: format!("search/{}/{path}", language.code),
                    bytes: Arc::new(text.into_bytes()),
                })
                .collect()
        })
        .collect();
    per_language.into_iter().flatten().collect()
}

fn analyse(page: &Page, tokenizer: &Tokenizer, synonyms: &Synonyms) -> Analysed {
    let analysis = Analysis::for_language(&page.lang);
    let with_synonyms =
        |text: &str| Field { written: analyze(text, analysis, tokenizer), synonyms: synonyms.expand(&normalize(text)) };
    let sections = page.body.sections();
    let normalized = std::iter::once(normalize(&page.front.title))
        .chain(sections.iter().map(|s| normalize(&s.heading) + &normalize(&s.text)))
        .collect();
    Analysed {
        normalized,
        title: with_synonyms(&page.front.title),
        summary: with_synonyms(&page.front.summary),
        sections: sections
            .into_iter()
            .map(|section| {
                let heading = with_synonyms(&section.heading);
                // The body is analysed piece by piece, as the renderer annotated it, so every
                // piece is tokenised once for both; synonyms look at the whole text.
                let mut written = Terms::default();
                for piece in &section.pieces {
                    written.append(analyze(piece, analysis, tokenizer));
                }
                let body = Field { written, synonyms: synonyms.expand(&normalize(&section.text)) };
                (section, heading, body)
            })
            .collect(),
    }
}
