//! Turning the guidebook into pages: one tera context per page, rendered in parallel.

pub mod paths;
mod sitemap;
pub mod theme;
mod views;

pub use views::lang_if_different;

use rayon::prelude::*;
use serde_json::json;
use tera::Context;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::guidebook::Guidebook;
use crate::links;
use paths::{PagePath, TermPath};
use theme::Theme;
use views::LinkView;

/// A file of the built site: its path from the site root and its bytes.
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every page the site has.
#[derive(Clone, Debug)]
enum Job<'g> {
    LanguageChoice,
    NotFound,
    Front { lang: &'g str },
    Chapter { lang: &'g str, index: usize },
    LifeStage { lang: &'g str, key: &'g str },
    Search { lang: &'g str },
    Scenario { lang: &'g str, key: &'g str },
}

fn jobs(guidebook: &Guidebook) -> Vec<Job<'_>> {
    let mut jobs = vec![Job::LanguageChoice, Job::NotFound];
    for language in &guidebook.config.languages {
        let lang = language.code.as_str();
        jobs.push(Job::Front { lang });
        jobs.push(Job::Search { lang });
        jobs.extend((0..guidebook.chapters.len()).map(|index| Job::Chapter { lang, index }));
        jobs.extend(guidebook.config.life_stages.iter().map(|key| Job::LifeStage { lang, key }));
        jobs.extend(guidebook.config.scenarios.iter().map(|key| Job::Scenario { lang, key }));
    }
    jobs
}

/// Renders every page, the sitemap and the theme's static files.
pub fn render_site(guidebook: &Guidebook, theme: &Theme, diagnostics: &Diagnostics) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = jobs(guidebook)
        .par_iter()
        .filter_map(|job| {
            let (path, template, context) = page(guidebook, job);
            match theme.tera.render(template, &context) {
                Ok(html) => Some(OutputFile { path: path.file(), bytes: minify(&html) }),
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
    files.push(OutputFile { path: "sitemap.xml".into(), bytes: sitemap::render(guidebook).into_bytes() });
    files
        .extend(theme.static_files.iter().map(|(path, bytes)| OutputFile { path: path.clone(), bytes: bytes.clone() }));
    files
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

/// The output path, template and context of one page.
fn page<'g>(guidebook: &'g Guidebook, job: &Job<'g>) -> (PagePath, &'static str, Context) {
    let source = guidebook.source_code();
    match *job {
        Job::LanguageChoice => {
            let path = PagePath::language_root();
            let mut context = common(guidebook, source, &path, &PagePath::front, &guidebook.config.default_contacts);
            context.insert("page_title", &guidebook.front_page(source).0.front.title);
            (path, "languages.html", context)
        }
        Job::NotFound => {
            // Served at any depth, so links start from the site's base path.
            let path = PagePath("404.html".into());
            let mut context = common(guidebook, source, &path, &PagePath::front, &guidebook.config.default_contacts);
            let base_path = base_path(&guidebook.config.base_url);
            context.insert("root", &base_path);
            context.insert("search_url", &format!("{base_path}{source}/search/"));
            // Whoever lands here may not read Japanese: each language offers the way home in
            // its own words.
            let languages: Vec<_> = guidebook
                .config
                .languages
                .iter()
                .map(|l| {
                    json!({
                        "code": l.code, "tag": l.tag(), "name": l.name, "url": format!("{base_path}{}/", l.code),
                        "home": guidebook.i18n.get(&l.code, "not_found_home"),
                    })
                })
                .collect();
            context.insert("languages", &languages);
            context.insert("site", &json!({ "title": guidebook.front_page(source).0.front.title, "home_url": format!("{base_path}{source}/") }));
            context.insert("page_title", &guidebook.i18n.get(source, "not_found_title"));
            (path, "404.html", context)
        }
        Job::Front { lang } => {
            let path = PagePath::front(lang);
            let (front, fallback) = guidebook.front_page(lang);
            let mut context = common(guidebook, lang, &path, &PagePath::front, &guidebook.config.default_contacts);
            let intro = crate::markdown::to_html(&front.body, &|dest| {
                links::resolve(guidebook, front, lang, dest).unwrap_or_else(|_| dest.to_string())
            });
            context.insert("page_title", &front.front.title);
            context.insert("description", &front.front.summary);
            context.insert("intro", &intro);
            context.insert(
                "intro_lang",
                &fallback.then(|| views::lang_if_different(guidebook, &front.lang, lang)).flatten(),
            );
            context.insert("life_stages", &views::terms(guidebook, "life_stages", lang, &path));
            context.insert("scenarios", &views::terms(guidebook, "scenarios", lang, &path));
            let cards: Vec<_> = guidebook
                .chapters
                .iter()
                .map(|c| views::chapter_card(guidebook, c.in_language(lang, source).0, lang, &path))
                .collect();
            context.insert("chapters", &cards);
            (path, "front.html", context)
        }
        Job::Chapter { lang, index } => chapter_page(guidebook, lang, index),
        Job::Search { lang } => {
            let path = PagePath::search(lang);
            let mut context = common(guidebook, lang, &path, &PagePath::search, &guidebook.config.default_contacts);
            context.insert("page_title", &guidebook.i18n.get(lang, "search"));
            // Without JavaScript there is no search: the page offers the listing pages instead.
            context.insert("life_stages", &views::terms(guidebook, "life_stages", lang, &path));
            context.insert("scenarios", &views::terms(guidebook, "scenarios", lang, &path));
            (path, "search.html", context)
        }
        Job::LifeStage { lang, key } => term_page(guidebook, "life_stages", lang, key),
        Job::Scenario { lang, key } => term_page(guidebook, "scenarios", lang, key),
    }
}

fn chapter_page(guidebook: &Guidebook, lang: &str, index: usize) -> (PagePath, &'static str, Context) {
    let source = guidebook.source_code();
    let chapter = &guidebook.chapters[index];
    let (page, fallback) = chapter.in_language(lang, source);
    let path = PagePath::chapter(lang, &chapter.slug);
    let front = &chapter.source(source).front;
    let contact_ids = if front.contacts.is_empty() { &guidebook.config.default_contacts } else { &front.contacts };
    let mut context = common(guidebook, lang, &path, &|l| PagePath::chapter(l, &chapter.slug), contact_ids);
    let body = crate::markdown::to_html(&page.body, &|dest| {
        links::resolve(guidebook, page, lang, dest).unwrap_or_else(|_| dest.to_string())
    });
    let neighbour = |i: usize| {
        let card = views::chapter_card(guidebook, guidebook.chapters[i].in_language(lang, source).0, lang, &path);
        LinkView { text: card.title, url: card.url, lang: card.lang }
    };
    let term_links = |group: &str, keys: &[String], to: fn(&str, &str) -> PagePath| -> Vec<LinkView> {
        keys.iter()
            .map(|key| LinkView {
                text: guidebook.i18n.get(lang, &format!("{group}.{key}.label")),
                url: path.link_to(&to(lang, key)),
                lang: None,
            })
            .collect()
    };
    let audience: Vec<String> =
        front.audience.iter().map(|a| guidebook.i18n.get(lang, &format!("audiences.{a}.label"))).collect();
    let toc: Vec<_> =
        page.body.headings.iter().filter(|h| h.level == 2).map(|h| json!({ "id": h.id, "text": h.text })).collect();
    let updated = page.front.updated.as_deref().or(front.updated.as_deref());
    context.insert("page_title", &page.front.title);
    context.insert("description", &page.front.summary);
    context.insert(
        "chapter",
        &json!({
            "slug": chapter.slug,
            "title": page.front.title,
            "summary": page.front.summary,
            "body": body,
            "toc": toc,
            "fallback": fallback,
            "content_lang": views::lang_if_different(guidebook, &page.lang, lang),
            "updated": updated.map(|d| guidebook.i18n.format_date(lang, d)),
            "updated_iso": updated,
            "reviewed_by": page.front.reviewed_by.as_ref().or(front.reviewed_by.as_ref()),
            "life_stages": term_links("life_stages", &front.life_stages, PagePath::life_stage),
            "scenarios": term_links("scenarios", &front.scenarios, PagePath::scenario),
            "audience": audience,
        }),
    );
    context.insert("previous", &index.checked_sub(1).map(neighbour));
    context.insert("next", &(index + 1 < guidebook.chapters.len()).then(|| neighbour(index + 1)));
    (path, "chapter.html", context)
}

fn term_page(guidebook: &Guidebook, group: &str, lang: &str, key: &str) -> (PagePath, &'static str, Context) {
    let to: TermPath = if group == "life_stages" { PagePath::life_stage } else { PagePath::scenario };
    let path = to(lang, key);
    let mut context = common(guidebook, lang, &path, &|l| to(l, key), &guidebook.config.default_contacts);
    let terms = views::terms(guidebook, group, lang, &path);
    let term = terms.iter().find(|t| t.key == key).expect("listing pages are made for defined keys");
    context.insert("page_title", &term.label);
    context.insert("description", &term.description);
    context.insert("group", group);
    context.insert("term", term);
    context.insert("terms", &terms);
    (path, "listing.html", context)
}

/// What every page's layout needs: its language, the theme's words, the site's name, the
/// language switcher, canonical and alternate URLs, and the contacts block.
fn common(
    guidebook: &Guidebook,
    lang: &str,
    path: &PagePath,
    path_in: &dyn Fn(&str) -> PagePath,
    contact_ids: &[String],
) -> Context {
    let language = guidebook.config.language(lang).expect("pages are made for configured languages");
    let mut context = Context::new();
    context.insert("lang", &json!({ "code": language.code, "tag": language.tag(), "name": language.name }));
    context.insert("t", guidebook.i18n.strings(lang));
    context.insert("root", &path.to_root());
    context.insert("site", &views::site(guidebook, lang, path));
    context.insert("languages", &views::languages(guidebook, lang, path, path_in));
    context.insert("canonical", &path.absolute(&guidebook.config.base_url));
    context.insert("search_url", &path.link_to(&PagePath::search(lang)));
    context.insert("contacts", &views::contacts(guidebook, contact_ids, lang));
    context.insert("description", "");
    context
}

/// The path part of the base URL: `https://a.example/guide/` → `/guide/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/".to_string(), |i| after_scheme[i..].to_string())
}
