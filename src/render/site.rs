//! What every page of a build shares: the guidebook, the Japanese text annotator, each
//! page's title and summary annotated once (every listing shows them), and the front pages'
//! introductions. Chapter bodies are made by the chapter's own task and dropped after it.

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::config::is_japanese;
use crate::content::Page;
use crate::guidebook::Guidebook;
use crate::japanese::{Annotation, Remembered, Tokenizer, annotate, escape};
use crate::links::{self, Target};
use crate::memo::{self, Memo};
use crate::output::PagePath;

use super::fragments;

/// What a build makes besides the pages themselves.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// The search page, its index and the header's search link.
    pub search: bool,
    /// Readings over kanji (chapters can still turn them off one by one).
    pub furigana: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { search: true, furigana: true }
    }
}

pub(super) struct Site<'g> {
    pub guidebook: &'g Guidebook,
    pub options: RenderOptions,
    /// The site icon every page links to.
    pub favicon: Option<crate::theme::favicon::Favicon>,
    tokenizer: &'g Tokenizer,
    kept_bodies: Option<&'g Memo<String>>,
    /// The front pages' introductions as HTML, by language.
    front_bodies: HashMap<String, String>,
    /// Title and summary as HTML, by language and slug: every listing and front page shows
    /// them, so they are annotated once, not once per page that lists the chapter.
    headlines: HashMap<(String, String), Headline>,
    /// The titles' and summaries' HTML, which pages carry as placeholders until they are
    /// minified (see `fragments`).
    fragments: Vec<String>,
    /// Japanese text the templates print, as HTML with break points, by text: the same
    /// strings (the header's labels, a desk's name) come back on every page.
    template_text: Mutex<HashMap<String, String>>,
}

pub(super) struct Headline {
    /// Placeholders of the title and summary as HTML.
    pub title_html: String,
    pub summary_html: String,
    /// The title's and summary's morphemes, handed to the chapter's own work (which
    /// analyses them for search) so they are tokenised once.
    read: Mutex<Remembered>,
}

impl<'g> Site<'g> {
    /// Annotates every page's title and summary and the front pages' introductions; `kept`
    /// holds bodies from earlier builds (a preview server).
    pub(super) fn new(
        guidebook: &'g Guidebook,
        tokenizer: &'g Tokenizer,
        options: RenderOptions,
        kept_bodies: Option<&'g Memo<String>>,
        favicon: Option<crate::theme::favicon::Favicon>,
    ) -> Site<'g> {
        let mut site = Site {
            guidebook,
            options,
            favicon,
            tokenizer,
            kept_bodies,
            front_bodies: HashMap::new(),
            headlines: HashMap::new(),
            fragments: Vec::new(),
            template_text: Mutex::default(),
        };
        let pages: Vec<&Page> =
            guidebook.chapters.iter().flat_map(|c| c.versions.values()).chain(guidebook.front_pages.values()).collect();
        let annotated: Vec<(String, String, Remembered)> = pages
            .par_iter()
            .map(|page| {
                let ruby = site.ruby_for(page);
                let ((title, summary), read) = tokenizer.within_scope(Remembered::new(), || {
                    (
                        site.text_html(&page.front.title, &page.lang, ruby),
                        site.text_html(&page.front.summary, &page.lang, ruby),
                    )
                });
                (title, summary, read)
            })
            .collect();
        let mut headlines = HashMap::with_capacity(pages.len());
        let mut fragments = Vec::with_capacity(pages.len() * 2);
        for (page, (title, summary, read)) in pages.iter().zip(annotated) {
            let headline = Headline {
                title_html: fragments::site_placeholder(fragments.len()),
                summary_html: fragments::site_placeholder(fragments.len() + 1),
                read: Mutex::new(read),
            };
            fragments.extend([title, summary]);
            headlines.insert((page.lang.clone(), page.slug.clone()), headline);
        }
        site.fragments = fragments;
        let front_bodies = guidebook.front_pages.values().map(|page| (page.lang.clone(), site.body(page))).collect();
        site.headlines = headlines;
        site.front_bodies = front_bodies;
        site
    }

    /// What the site-wide placeholders stand for.
    pub(super) fn fragments(&self) -> &[String] {
        &self.fragments
    }

    /// The title and summary of a page as HTML.
    pub(super) fn headline(&self, page: &Page) -> &Headline {
        &self.headlines[&(page.lang.clone(), page.slug.clone())]
    }

    /// The morphemes read for the page's title and summary, given once: to the work that
    /// renders and analyses the page.
    pub(super) fn take_headline_reading(&self, page: &Page) -> Remembered {
        std::mem::take(&mut *self.headline(page).read.lock().expect("headline reading"))
    }

    /// The introduction of a front page as HTML.
    pub(super) fn front_body(&self, page: &Page) -> &str {
        &self.front_bodies[&page.lang]
    }

    /// The body of a page as HTML, made now (or taken from an earlier build's).
    pub(super) fn body(&self, page: &Page) -> String {
        // Relative links are the same from every language's copy of the page.
        let rewrite = |dest: &str| match links::resolve(self.guidebook, page, &page.lang, dest) {
            Ok(target) => link_url(target, page),
            Err(_) => dest.to_string(),
        };
        let ruby = self.ruby_for(page);
        let render = || {
            let html = crate::markdown::to_html(&page.body, &rewrite, &|text| self.text_html(text, &page.lang, ruby));
            super::typeset::units_beside_brackets(&html, &page.lang)
        };
        match self.kept_bodies {
            // A body is made from its text, where its links lead, and the readings.
            Some(kept) => {
                let links: Vec<String> = page.body.links.iter().map(|l| rewrite(&l.dest)).collect();
                let key = memo::key((&page.lang, &page.file.text, ruby, links, self.tokenizer.extra_entries()));
                kept.get_or_make(key, render).as_ref().clone()
            }
            None => render(),
        }
    }

    /// Whether a page's Japanese text carries furigana: when the site has them and the
    /// page allows them (see `Guidebook::furigana_allowed`).
    pub(super) fn ruby_for(&self, page: &Page) -> bool {
        self.options.furigana && self.guidebook.furigana_allowed(page)
    }

    /// Text as HTML: Japanese with line-break points (and furigana if `ruby`), other
    /// languages escaped.
    pub(super) fn text_html(&self, text: &str, text_lang: &str, ruby: bool) -> String {
        if is_japanese(text_lang) {
            annotate(text, self.tokenizer, Annotation { ruby, breaks: true })
        } else {
            escape(text)
        }
    }
}

impl Site<'_> {
    /// Japanese text a template printed, with break points (no furigana: a label's
    /// accessible name would then carry its reading too).
    pub(super) fn template_text_html(&self, text: &str) -> String {
        if let Some(html) = self.template_text.lock().expect("template text").get(text) {
            return html.clone();
        }
        let html = annotate(text, self.tokenizer, Annotation { ruby: false, breaks: true });
        self.template_text.lock().expect("template text").insert(text.to_string(), html.clone());
        html
    }

    /// The guidebook's own dictionary entries, which every annotation depends on.
    pub(super) fn dictionary_entries(&self) -> &str {
        self.tokenizer.extra_entries()
    }
}

/// The relative URL of where a link leads, from `page` (the same from every language's
/// copy of it: the languages' folders are laid out alike).
fn link_url(target: Target, page: &Page) -> String {
    let here =
        if page.is_front_page() { PagePath::front(&page.lang) } else { PagePath::chapter(&page.lang, &page.slug) };
    let up = here.to_language_root();
    let fragment = |anchor: Option<String>| anchor.map(|a| format!("#{a}")).unwrap_or_default();
    match target {
        Target::External(url) => url,
        Target::ThisPage { anchor } => format!("#{anchor}"),
        Target::Front { anchor } => format!("{up}{}", fragment(anchor)),
        Target::Chapter { slug, anchor } => format!("{up}{slug}/{}", fragment(anchor)),
        Target::Asset(path) => format!("{up}{path}"),
    }
}
