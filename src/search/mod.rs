//! The search index: every chapter of every language, as the reader of that language sees
//! it (a fallback chapter is indexed in the source language's words), written as sharded
//! files under search/<lang>/ for the engine in themes/default/static/assets/search.js.

mod analyze;
mod filters;
mod index;
mod passages;
mod synonyms;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Page;
use crate::diagnostics::Diagnostics;
use crate::facets::chapter_facets;
use crate::guidebook::Guidebook;
use crate::japanese::{Tokenizer, normalize};
use crate::markdown::Section;
use crate::output::{OutputFile, PagePath};
use crate::words::{WrittenGroup, own_groups};
use analyze::{Analysis, CountedTerms, Terms, analyze};
use filters::{FilterEntry, filters_file};
use index::{ChapterEntry, Document, LanguageIndex, chapter_file};
use passages::passages;
use synonyms::Synonyms;

/// Weights of where a word stands: a word in the title or a heading says more about the
/// text than a word in a sentence (and is marked strong in the index, see index.rs); a
/// link in a list of links ("pages to read next") names another page's subject and says
/// least. Terms gained from synonyms weigh as much as written ones: counting them half was
/// tried and found fewer expected chapters in the query table.
const TITLE_WEIGHT: u32 = 6;
const SUMMARY_WEIGHT: u32 = 4;
const HEADING_WEIGHT: u32 = 4;
const BODY_WEIGHT: u32 = 2;
const LINK_WEIGHT: u32 = 1;

/// One field's terms: as written, and gained from the synonyms of what is written.
struct Field {
    written: CountedTerms,
    synonyms: CountedTerms,
}

impl Field {
    fn new(written: Terms, synonyms: Terms) -> Field {
        Field { written: written.into(), synonyms: synonyms.into() }
    }

    fn weighted(&self, weight: u32, strong: bool) -> [index::Field<'_>; 2] {
        [
            index::Field { terms: &self.written, weight, strong, gained: false },
            index::Field { terms: &self.synonyms, weight, strong, gained: true },
        ]
    }
}

/// A section as analysed: its heading, prose and link-list terms, and its passages.
struct AnalysedSection {
    section: Section,
    heading: Field,
    body: Field,
    links: Field,
    passages: Vec<String>,
}

/// A page's text analysed once, shared by every language that shows the page.
pub(crate) struct Analysed {
    title: Field,
    summary: Field,
    summary_passages: Vec<String>,
    sections: Vec<AnalysedSection>,
    /// Which of the guidebook's own synonym groups the page mentions (by their place in
    /// data/synonyms.yaml), to warn about groups no chapter mentions.
    mentions: Vec<usize>,
}

/// Analysed pages kept between builds by a preview server.
pub(crate) type Analyses = crate::memo::Memo<Analysed>;

/// What analyses pages for the index: the tokenizer and the prepared synonyms.
pub(crate) struct Analyser<'l> {
    tokenizer: &'l Tokenizer,
    synonyms: Synonyms,
    /// What an analysis is made from besides the page: the dictionary and the synonyms.
    setup_key: u64,
    /// The terms of each group of the guidebook's own data/synonyms.yaml, normalised.
    own_groups: Vec<Vec<String>>,
}

impl<'l> Analyser<'l> {
    pub(crate) fn new(tokenizer: &'l Tokenizer, synonyms: &[WrittenGroup]) -> Analyser<'l> {
        let setup_key =
            crate::memo::key((tokenizer.extra_entries(), synonyms.iter().map(|g| &g.terms).collect::<Vec<_>>()));
        let own_groups = own_groups(synonyms).map(|group| group.terms.iter().map(|t| normalize(t)).collect()).collect();
        Analyser { tokenizer, synonyms: Synonyms::prepare(synonyms, tokenizer), setup_key, own_groups }
    }

    /// The page's search terms; `kept` holds analyses from earlier builds (a preview server).
    pub(crate) fn analyse(&self, page: &Page, kept: Option<&Analyses>) -> Arc<Analysed> {
        let make = || analyse(page, self.tokenizer, &self.synonyms, &self.own_groups);
        match kept {
            Some(kept) => kept.get_or_make(crate::memo::key((self.setup_key, &page.lang, &page.file.text)), make),
            None => Arc::new(make()),
        }
    }
}

/// Every page's analysis, by language and slug.
pub(crate) type AnalysedPages = HashMap<(String, String), Arc<Analysed>>;

/// Writes the index of every language from the analysed pages, and warns about the
/// guidebook's synonym groups that no chapter mentions.
pub(crate) fn write_index(
    guidebook: &Guidebook,
    synonyms: &[WrittenGroup],
    analysed: &AnalysedPages,
    diagnostics: &Diagnostics,
    sink: &(dyn Fn(OutputFile) + Sync),
) {
    let mentioned: std::collections::BTreeSet<usize> =
        analysed.values().flat_map(|a| a.mentions.iter().copied()).collect();
    synonyms::warn_unknown(synonyms, &mentioned, diagnostics);

    let source = guidebook.source_code();
    let facets = chapter_facets(&guidebook.config);
    // Each language's index is its own work: built side by side.
    guidebook.config.languages.par_iter().for_each(|language| {
        let mut index = LanguageIndex::default();
        let mut filter_entries = Vec::new();
        let write = |(path, text): (String, String)| {
            sink(OutputFile { path: format!("search/{}/{path}", language.code), bytes: Arc::new(text.into_bytes()) })
        };
        for chapter in &guidebook.chapters {
            let (page, _) = chapter.in_language(&language.code, source);
            let number = index.add_chapter();
            let analysed = &analysed[&(page.lang.clone(), page.slug.clone())];
            // The chapter's first document is its title and summary: a chapter whose title
            // names the query ranks above one that mentions it in passing.
            index.add_document(&Document {
                fields: [analysed.title.weighted(TITLE_WEIGHT, true), analysed.summary.weighted(SUMMARY_WEIGHT, false)]
                    .concat(),
            });
            let mut shown = vec![(None, "", analysed.summary_passages.as_slice())];
            for section in &analysed.sections {
                index.add_document(&Document {
                    fields: [
                        section.heading.weighted(HEADING_WEIGHT, true),
                        section.body.weighted(BODY_WEIGHT, false),
                        section.links.weighted(LINK_WEIGHT, false),
                    ]
                    .concat(),
                });
                shown.push((section.section.anchor.as_deref(), section.section.heading.as_str(), &section.passages));
            }
            let entry = ChapterEntry {
                title: page.front.title.clone(),
                url: PagePath::chapter(&language.code, &chapter.slug).0,
                lang: guidebook.config.lang_if_different(&page.lang, &language.code),
            };
            write(chapter_file(number, &entry, &shown));
            // Which life stages and so on a chapter has is the source's word, as on the
            // listing pages.
            filter_entries.push(FilterEntry {
                title: &page.front.title,
                url: entry.url,
                summary: &page.front.summary,
                lang: entry.lang,
                front: &chapter.source(source).front,
            });
        }
        write(("filters.json".to_string(), filters_file(&facets, &filter_entries)));
        index.write(&mut |path, text| write((path, text)));
    });
}

fn analyse(page: &Page, tokenizer: &Tokenizer, synonyms: &Synonyms, own_groups: &[Vec<String>]) -> Analysed {
    let analysis = Analysis::for_language(&page.lang);
    let field =
        |text: &str, normalized: &str| Field::new(analyze(text, analysis, tokenizer), synonyms.expand(normalized));
    let mut sections = page.body.sections();
    let title = normalize(&page.front.title);
    let normalized: Vec<(String, String)> =
        sections.iter().map(|s| (normalize(&s.heading), normalize(&s.prose))).collect();
    let mentions = own_groups
        .iter()
        .enumerate()
        .filter(|(_, terms)| {
            terms.iter().any(|term| {
                title.contains(term.as_str())
                    || normalized.iter().any(|(h, t)| h.contains(term.as_str()) || t.contains(term.as_str()))
            })
        })
        .map(|(i, _)| i)
        .collect();
    let analysed_sections = sections
        .iter_mut()
        .zip(&normalized)
        .map(|(section, (heading, prose))| {
            // The body is analysed piece by piece, as the renderer annotated it, so every
            // piece is tokenised once for both; synonyms look at the whole prose.
            let mut written = Terms::default();
            for piece in std::mem::take(&mut section.pieces) {
                written.append(analyze(&piece, analysis, tokenizer));
            }
            let mut linked = Terms::default();
            let link_names = synonyms.expand(&normalize(&section.link_pieces.join("\n")));
            for piece in std::mem::take(&mut section.link_pieces) {
                linked.append(analyze(&piece, analysis, tokenizer));
            }
            AnalysedSection {
                heading: field(&section.heading, heading),
                body: Field::new(written, synonyms.expand(prose)),
                links: Field::new(linked, link_names),
                passages: passages(&section.text, analysis, tokenizer),
                section: std::mem::take(section),
            }
        })
        .collect();
    Analysed {
        title: field(&page.front.title, &title),
        summary: field(&page.front.summary, &normalize(&page.front.summary)),
        summary_passages: passages(&page.front.summary, analysis, tokenizer),
        sections: analysed_sections,
        mentions,
    }
}
