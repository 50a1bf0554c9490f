//! What every page of a build shares: the guidebook, the Japanese text annotator, and each
//! chapter body rendered once (a chapter shown untranslated in five languages is the same
//! HTML five times).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::content::{Furigana, Page};
use crate::guidebook::Guidebook;
use crate::japanese::{Annotation, Tokenizer, annotate, escape};
use crate::links;
use crate::memo::{self, Memo};

pub struct Site<'g> {
    pub guidebook: &'g Guidebook,
    tokenizer: &'g Tokenizer,
    bodies: HashMap<(String, String), String>,
    /// Title and summary as HTML, by language and slug: every listing and front page shows
    /// them, so they are annotated once, not once per page that lists the chapter.
    headlines: HashMap<(String, String), Headline>,
}

pub struct Headline {
    pub title_html: String,
    pub summary_html: String,
}

impl<'g> Site<'g> {
    /// Renders every page's body; `kept` holds bodies from earlier builds (a preview server).
    pub fn new(guidebook: &'g Guidebook, tokenizer: &'g Tokenizer, kept: Option<&Memo<String>>) -> Site<'g> {
        let pages: Vec<&Page> =
            guidebook.chapters.iter().flat_map(|c| c.versions.values()).chain(guidebook.front_pages.values()).collect();
        let mut site = Site { guidebook, tokenizer, bodies: HashMap::new(), headlines: HashMap::new() };
        let headlines = pages
            .par_iter()
            .map(|page| {
                let ruby = site.ruby_for(page);
                let headline = Headline {
                    title_html: site.text_html(&page.front.title, &page.lang, ruby),
                    summary_html: site.text_html(&page.front.summary, &page.lang, ruby),
                };
                ((page.lang.clone(), page.slug.clone()), headline)
            })
            .collect();
        let bodies = pages
            .par_iter()
            .map(|page| {
                // Relative links are the same from every language's copy of the page.
                let rewrite =
                    |dest: &str| links::resolve(guidebook, page, &page.lang, dest).unwrap_or_else(|_| dest.to_string());
                let ruby = site.ruby_for(page);
                let render =
                    || crate::markdown::to_html(&page.body, &rewrite, &|text| site.text_html(text, &page.lang, ruby));
                let html = match kept {
                    // A body is made from its text, where its links lead, and the readings.
                    Some(kept) => {
                        let links: Vec<String> = page.body.links.iter().map(|l| rewrite(&l.dest)).collect();
                        let key = memo::key((&page.lang, &page.file.text, ruby, links, tokenizer.extra_entries()));
                        kept.get_or_make(key, render).as_ref().clone()
                    }
                    None => render(),
                };
                ((page.lang.clone(), page.slug.clone()), html)
            })
            .collect();
        site.bodies = bodies;
        site.headlines = headlines;
        site
    }

    /// The title and summary of a page as HTML.
    pub fn headline(&self, page: &Page) -> &Headline {
        &self.headlines[&(page.lang.clone(), page.slug.clone())]
    }

    /// The body of a page as HTML.
    pub fn body(&self, page: &Page) -> &str {
        &self.bodies[&(page.lang.clone(), page.slug.clone())]
    }

    /// Whether a page's Japanese text carries furigana: unless the chapter (or its source)
    /// says `furigana: off`.
    pub fn ruby_for(&self, page: &Page) -> bool {
        let source = self.guidebook.chapter(&page.slug).map(|c| &c.source(self.guidebook.source_code()).front);
        let setting = page.front.furigana.or_else(|| source.and_then(|f| f.furigana));
        setting != Some(Furigana::Off)
    }

    /// Text as HTML: Japanese with line-break points (and furigana if `ruby`), other
    /// languages escaped.
    pub fn text_html(&self, text: &str, text_lang: &str, ruby: bool) -> String {
        if is_japanese(text_lang) {
            annotate(text, self.tokenizer, Annotation { ruby, breaks: true })
        } else {
            escape(text)
        }
    }
}

pub fn is_japanese(code: &str) -> bool {
    code == "ja" || code.starts_with("ja-")
}
