//! Turning the guidebook into pages: one tera context per page, rendered in parallel.

mod fragments;
mod pages;
mod security_policy;
mod site;
mod sitemap;
mod typeset;
mod views;

pub use site::RenderOptions;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::guidebook::Guidebook;
use crate::japanese::Tokenizer;
use crate::memo;
use crate::msg;
use crate::output::{OutputFile, Sink};
use crate::theme::{self, Theme};
use site::Site;

/// Every page the site has.
#[derive(Clone, Debug)]
pub(crate) enum Job<'g> {
    LanguageChoice,
    NotFound,
    Front { lang: &'g str },
    Chapter { lang: &'g str, index: usize },
    LifeStage { lang: &'g str, key: &'g str },
    Search { lang: &'g str },
    Help { lang: &'g str },
    Scenario { lang: &'g str, key: &'g str },
}

/// Every page but the chapters', which are rendered by their chapter's own work.
fn other_jobs<'g>(guidebook: &'g Guidebook, options: &RenderOptions) -> Vec<Job<'g>> {
    let mut jobs = vec![Job::LanguageChoice, Job::NotFound];
    for language in &guidebook.config.languages {
        let lang = language.code.as_str();
        jobs.push(Job::Front { lang });
        if options.search {
            jobs.push(Job::Search { lang });
        }
        jobs.push(Job::Help { lang });
        jobs.extend(guidebook.config.life_stages.iter().map(|key| Job::LifeStage { lang, key }));
        jobs.extend(guidebook.config.scenarios.iter().map(|key| Job::Scenario { lang, key }));
    }
    jobs
}

/// What a preview server keeps between renders, so unchanged pages are not rendered again.
#[derive(Default)]
pub(crate) struct Kept {
    /// Minified pages, by template and context.
    pub pages: memo::Memo<Vec<u8>>,
    /// Chapter bodies as HTML, by text, links and readings.
    pub bodies: memo::Memo<String>,
}

impl Kept {
    /// Drops what the last render did not use.
    pub(crate) fn keep_only_used(&self) {
        self.pages.keep_only_used();
        self.bodies.keep_only_used();
    }
}

/// What else is made of each chapter's pages while they are rendered (the search index's
/// analysis), given each language's version of a chapter.
pub(crate) type PageWork<'a, T> = &'a (dyn Fn(&Page) -> T + Sync);

/// Renders every page, the sitemap and the theme's static files into `sink`, and, with
/// `page_work`, returns what it made of every chapter's page, by language and slug.
///
/// Each chapter is one piece of work: its bodies are made, every language's page of it is
/// rendered and handed to `sink`, and `page_work` is done on its text (the search index's
/// analysis), all within one tokenizer scope, so each text is tokenised once and nothing
/// of the chapter but what `page_work` returns outlives the work.
#[allow(clippy::too_many_arguments)]
pub(crate) fn render_site<T: Send>(
    guidebook: &Guidebook,
    theme: &Theme,
    tokenizer: &Tokenizer,
    options: RenderOptions,
    kept: Option<&Kept>,
    sink: Sink,
    diagnostics: &Diagnostics,
    page_work: Option<PageWork<T>>,
) -> Vec<((String, String), T)> {
    let site = Site::new(guidebook, tokenizer, options, kept.map(|k| &k.bodies), theme.favicon.clone());
    crate::timings::mark("titles, summaries and front pages annotated");
    let render = |job: &Job, bodies: &HashMap<String, String>| {
        if let Some(file) = render_page(&site, theme, job, bodies, kept.map(|k| &k.pages), diagnostics) {
            sink(file);
        }
    };
    // The pages that list many chapters come first, before the chapters' search terms are
    // kept: the two together would set the build's peak memory.
    let no_bodies = HashMap::new();
    other_jobs(guidebook, &options).par_iter().for_each(|job| render(job, &no_bodies));
    sink(OutputFile { path: "sitemap.xml".into(), bytes: Arc::new(sitemap::render(guidebook).into_bytes()) });
    for (path, bytes) in &theme.static_files {
        sink(OutputFile { path: path.clone(), bytes: Arc::new(bytes.clone()) });
    }
    crate::timings::mark("front, listing and other pages rendered");
    let languages = &guidebook.config.languages;
    let analysed = guidebook
        .chapters
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, chapter)| {
            let seed = chapter.versions.values().flat_map(|page| site.take_headline_reading(page)).collect();
            let (analysed, _) = tokenizer.within_scope(seed, || {
                let bodies = chapter.versions.values().map(|page| (page.lang.clone(), site.body(page))).collect();
                for language in languages {
                    render(&Job::Chapter { lang: &language.code, index }, &bodies);
                }
                let work = |page: &Page| page_work.map(|work| ((page.lang.clone(), page.slug.clone()), work(page)));
                chapter.versions.values().filter_map(work).collect::<Vec<_>>()
            });
            analysed
        })
        .collect();
    crate::timings::mark("chapter pages rendered, chapters analysed for search");
    analysed
}

/// One page rendered and minified, or None after reporting why it could not be.
fn render_page(
    site: &Site,
    theme: &Theme,
    job: &Job,
    bodies: &HashMap<String, String>,
    kept: Option<&memo::Memo<Vec<u8>>>,
    diagnostics: &Diagnostics,
) -> Option<OutputFile> {
    let pages::PageToRender { path, template, context, fragments } = pages::page(site, job, bodies);
    // A kept page is valid for the same templates, template, context (fragments included)
    // and dictionary.
    let key = kept.map(|_| {
        memo::key((
            site.dictionary_entries(),
            theme.templates_hash,
            template,
            fragments::fill(&context_json(&context), site.fragments(), &fragments),
        ))
    });
    let rendered = match kept.zip(key).and_then(|(kept, key)| kept.get(key)) {
        Some(bytes) => Ok(bytes),
        None => theme.tera.render(template, &context).map(|html| {
            let html = typeset::japanese_text(&html, &|text| site.template_text_html(text));
            let layout = security_policy::with_policy(&minify(&html));
            let bytes = fragments::fill(&layout, site.fragments(), &fragments).into_bytes();
            match kept.zip(key) {
                Some((kept, key)) => kept.put(key, bytes),
                None => Arc::new(bytes),
            }
        }),
    };
    match rendered {
        Ok(bytes) => Some(OutputFile { path: path.file(), bytes }),
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    format!("themes/{}/templates/{template}", site.guidebook.config.theme),
                    Position::START,
                    msg!("E110", page = path.file()),
                )
                .detail(theme::error_chain(&error)),
            );
            None
        }
    }
}

/// The context as text, written with keys in a fixed order, so equal contexts are equal text.
fn context_json(context: &tera::Context) -> String {
    serde_json::to_string(&context.clone().into_json()).unwrap_or_default()
}

fn minify(html: &str) -> String {
    // Closing tags are kept: they cost a few bytes, and tools that read the built pages
    // (Pagefind, some crawlers and accessibility checkers) mis-read pages without them.
    let cfg = minify_html::Cfg {
        minify_css: true,
        keep_html_and_head_opening_tags: true,
        keep_closing_tags: true,
        ..Default::default()
    };
    String::from_utf8(minify_html::minify(html.as_bytes(), &cfg)).expect("minified UTF-8 is UTF-8")
}
