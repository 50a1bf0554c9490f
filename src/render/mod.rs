//! Turning the guidebook into pages: one tera context per page, rendered in parallel.

mod pages;
pub mod paths;
mod site;
mod sitemap;
pub mod theme;
mod views;

pub use views::lang_if_different;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::guidebook::Guidebook;
use crate::japanese::Tokenizer;
use crate::memo;
use site::Site;
use theme::Theme;

/// A file of the built site: its path from the site root and its bytes.
pub struct OutputFile {
    pub path: String,
    /// Shared, because a preview server keeps pages between renders.
    pub bytes: Arc<Vec<u8>>,
}

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

fn jobs(guidebook: &Guidebook) -> Vec<Job<'_>> {
    let mut jobs = vec![Job::LanguageChoice, Job::NotFound];
    for language in &guidebook.config.languages {
        let lang = language.code.as_str();
        jobs.push(Job::Front { lang });
        jobs.push(Job::Search { lang });
        jobs.push(Job::Help { lang });
        jobs.extend((0..guidebook.chapters.len()).map(|index| Job::Chapter { lang, index }));
        jobs.extend(guidebook.config.life_stages.iter().map(|key| Job::LifeStage { lang, key }));
        jobs.extend(guidebook.config.scenarios.iter().map(|key| Job::Scenario { lang, key }));
    }
    jobs
}

/// Renders every page, the sitemap and the theme's static files.
pub fn render_site(
    guidebook: &Guidebook,
    theme: &Theme,
    tokenizer: &Tokenizer,
    kept: Option<&crate::Kept>,
    diagnostics: &Diagnostics,
) -> Vec<OutputFile> {
    let site = Site::new(guidebook, tokenizer, kept.map(|k| &k.bodies));
    let kept = kept.map(|k| &k.pages);
    let mut files: Vec<OutputFile> = jobs(guidebook)
        .par_iter()
        .filter_map(|job| {
            let (path, template, context) = pages::page(&site, job);
            // A kept page is valid for the same templates, template and context.
            let key = kept.map(|_| memo::key((theme.templates_hash, template, context_json(&context))));
            let rendered = match kept.zip(key).and_then(|(kept, key)| kept.get(key)) {
                Some(bytes) => Ok(bytes),
                None => theme.tera.render(template, &context).map(|html| {
                    let bytes = minify(&html);
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
                            format!("themes/{}/templates/{template}", guidebook.config.theme),
                            Position::START,
                            format!("the page {} could not be rendered: {}", path.file(), theme::error_chain(&error)),
                        )
                        .suggestion("fix the template; the message names the variable or filter that failed"),
                    );
                    None
                }
            }
        })
        .collect();
    files.push(OutputFile { path: "sitemap.xml".into(), bytes: Arc::new(sitemap::render(guidebook).into_bytes()) });
    files.extend(
        theme
            .static_files
            .iter()
            .map(|(path, bytes)| OutputFile { path: path.clone(), bytes: Arc::new(bytes.clone()) }),
    );
    files
}

/// The context as text, written with keys in a fixed order, so equal contexts are equal text.
fn context_json(context: &tera::Context) -> String {
    serde_json::to_string(&context.clone().into_json()).unwrap_or_default()
}

fn minify(html: &str) -> Vec<u8> {
    // Closing tags are kept: they cost a few bytes, and tools that read the built pages
    // (Pagefind, some crawlers and accessibility checkers) mis-read pages without them.
    let cfg = minify_html::Cfg {
        minify_css: true,
        keep_html_and_head_opening_tags: true,
        keep_closing_tags: true,
        ..Default::default()
    };
    minify_html::minify(html.as_bytes(), &cfg)
}
