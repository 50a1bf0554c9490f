//! The whole guidebook in memory: every chapter with its translations, the front pages, the
//! settings, contacts and theme strings. Renderers read it; nothing writes to it after
//! `assemble`. Checks that need several files at once live here.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::config::SiteConfig;
use crate::contacts::Contacts;
use crate::content::{Asset, Content, FrontMatter, Furigana, Inherited, Page};
use crate::diagnostics::{Diagnostic, Diagnostics, Position, closest};
use crate::i18n::I18n;
use crate::msg;

/// One chapter: its source-language page and whichever translations exist.
#[derive(Debug)]
pub(crate) struct Chapter {
    pub slug: String,
    /// Keyed by language code; always holds the source language.
    pub versions: BTreeMap<String, Page>,
}

impl Chapter {
    /// The page to show a reader of `lang`, and whether it is the source shown as a fallback.
    pub(crate) fn in_language<'a>(&'a self, lang: &str, source: &str) -> (&'a Page, bool) {
        match self.versions.get(lang) {
            Some(page) => (page, false),
            None => (&self.versions[source], true),
        }
    }

    pub(crate) fn source<'a>(&'a self, source: &str) -> &'a Page {
        &self.versions[source]
    }
}

#[derive(Debug)]
pub(crate) struct Guidebook {
    pub config: SiteConfig,
    pub contacts: Contacts,
    pub i18n: I18n,
    /// Published chapters in reading order (`order`, then path).
    pub chapters: Vec<Chapter>,
    /// Position of each chapter in `chapters`, by slug.
    pub index: HashMap<String, usize>,
    /// Slugs of draft chapters, so a link to one can be told from a link to nothing.
    pub drafts: BTreeSet<String>,
    /// `lang/slug` of files that could not be read (already reported).
    pub unreadable: BTreeSet<String>,
    /// Front pages by language code; the source language's always exists.
    pub front_pages: BTreeMap<String, Page>,
    /// Non-Markdown files by language code and path under the language folder.
    pub assets: BTreeMap<String, BTreeMap<String, Asset>>,
}

impl Guidebook {
    pub(crate) fn source_code(&self) -> &str {
        &self.config.source_language().code
    }

    pub(crate) fn chapter(&self, slug: &str) -> Option<&Chapter> {
        self.index.get(slug).map(|&i| &self.chapters[i])
    }

    /// The front page shown to a reader of `lang`, and whether it is a fallback.
    pub(crate) fn front_page(&self, lang: &str) -> (&Page, bool) {
        match self.front_pages.get(lang) {
            Some(page) => (page, false),
            None => (&self.front_pages[self.source_code()], true),
        }
    }

    /// The front-matter a page takes its chapter's facts from: its chapter's source page's
    /// (a translation inherits them), or its own for a front page.
    fn source_front<'a>(&'a self, page: &'a Page) -> &'a FrontMatter {
        self.chapter(&page.slug).map_or(&page.front, |c| &c.source(self.source_code()).front)
    }

    /// Whether a page's Japanese text may carry furigana: unless the page, or its chapter's
    /// source, says `furigana: off`. The site and the booklet both ask here.
    pub(crate) fn furigana_allowed(&self, page: &Page) -> bool {
        page.front.furigana.or(self.source_front(page).furigana) != Some(Furigana::Off)
    }

    /// When a page was last updated: its own date, or its source's (`YYYY-MM-DD`).
    pub(crate) fn updated<'a>(&'a self, page: &'a Page) -> Option<&'a str> {
        page.front.updated.as_deref().or(self.source_front(page).updated.as_deref())
    }

    /// Who reviewed a page: as the page says, or as its source says.
    pub(crate) fn reviewed_by<'a>(&'a self, page: &'a Page) -> Option<&'a String> {
        page.front.reviewed_by.as_ref().or(self.source_front(page).reviewed_by.as_ref())
    }

    /// Whether `relative` exists as an asset of `lang`, or of the source language (assets
    /// fall back like chapters).
    pub(crate) fn asset_exists(&self, lang: &str, relative: &str) -> bool {
        [lang, self.source_code()].iter().any(|l| self.assets.get(*l).is_some_and(|a| a.contains_key(relative)))
    }
}

/// Puts the pages read from content/ together, checking what spans several files.
pub(crate) fn assemble(
    config: SiteConfig,
    contacts: Contacts,
    i18n: I18n,
    content: Content,
    diagnostics: &Diagnostics,
) -> Option<Guidebook> {
    let source = config.source_language().code.clone();
    let mut front_pages = BTreeMap::new();
    let mut sources = Vec::new();
    let mut translations = Vec::new();
    let content_pages = content.pages;
    for page in content_pages {
        if page.is_front_page() {
            front_pages.insert(page.lang.clone(), page);
        } else if page.lang == source {
            sources.push(page);
        } else {
            translations.push(page);
        }
    }
    if !front_pages.contains_key(&source) {
        diagnostics.push(Diagnostic::error(
            format!("content/{source}/{}.md", crate::content::FRONT_PAGE_SLUG),
            Position::START,
            msg!("E081"),
        ));
    }

    let drafts: BTreeSet<String> = sources.iter().filter(|p| p.front.draft).map(|p| p.slug.clone()).collect();
    sources.retain(|p| !p.front.draft);
    sources.sort_by(|a, b| (a.front.order, &a.slug).cmp(&(b.front.order, &b.slug)));
    check_unique_order(&sources, diagnostics);

    let mut chapters: Vec<Chapter> = sources
        .into_iter()
        .map(|page| Chapter { slug: page.slug.clone(), versions: BTreeMap::from([(source.clone(), page)]) })
        .collect();
    let index: HashMap<String, usize> = chapters.iter().enumerate().map(|(i, c)| (c.slug.clone(), i)).collect();
    for page in translations {
        match index.get(&page.slug) {
            Some(&i) => {
                check_inherited(&chapters[i].versions[&source], &page, diagnostics);
                if !page.front.draft {
                    chapters[i].versions.insert(page.lang.clone(), page);
                }
            }
            None if drafts.contains(&page.slug) || content.unreadable.contains(&format!("{source}/{}", page.slug)) => {}
            None => diagnostics.push(orphan_translation(&page, &source, chapters.iter().map(|c| c.slug.as_str()))),
        }
    }

    let mut assets: BTreeMap<String, BTreeMap<String, Asset>> = BTreeMap::new();
    for asset in content.assets {
        assets.entry(asset.lang.clone()).or_default().insert(asset.relative.clone(), asset);
    }
    // Problems in single files do not stop here: the guidebook is still assembled so that
    // links can be checked too, and every problem is reported in one run.
    if !front_pages.contains_key(&source) {
        return None;
    }
    let unreadable = content.unreadable;
    Some(Guidebook { config, contacts, i18n, chapters, index, drafts, unreadable, front_pages, assets })
}

/// Two chapters with the same `order` would have no defined reading order.
fn check_unique_order(sorted: &[Page], diagnostics: &Diagnostics) {
    for pair in sorted.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        if first.front.order.is_some() && first.front.order == second.front.order {
            let position = second.front.positions.get("order").copied().unwrap_or(Position::START);
            diagnostics.push(
                Diagnostic::error(
                    &second.file.name,
                    position,
                    msg!("E082", order = second.front.order.unwrap_or_default(), other = &first.file.name),
                )
                .field("order")
                .with_source(&second.file.text),
            );
        }
    }
}

/// A translation may repeat the taxonomy of its source, but not contradict it.
fn check_inherited(source: &Page, translation: &Page, diagnostics: &Diagnostics) {
    for inherited in Inherited::ALL {
        let key = inherited.key();
        let Some(&position) = translation.front.positions.get(key) else {
            continue;
        };
        if !inherited.agrees(&source.front, &translation.front) {
            diagnostics.push(
                Diagnostic::error(
                    &translation.file.name,
                    position,
                    msg!("E083", key = key, source = &source.file.name),
                )
                .field(key)
                .with_source(&translation.file.text),
            );
        }
    }
}

fn orphan_translation<'a>(page: &Page, source: &str, slugs: impl Iterator<Item = &'a str>) -> Diagnostic {
    let expected_path = format!("content/{source}/{}.md", page.slug);
    let slugs: Vec<&str> = slugs.collect();
    let hint = match closest(&page.slug, slugs.iter().copied()) {
        Some(near) => msg!("hint-name-it", file = format!("content/{}/{near}.md", page.lang)),
        None => msg!("hint-write-source-first", file = &expected_path),
    };
    Diagnostic::error(&page.file.name, Position::START, msg!("E084", file = &expected_path)).hint(hint)
}
