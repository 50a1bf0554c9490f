//! The tera context of each page: what it shows, already translated, linked and annotated.

use std::collections::HashMap;

use serde_json::json;
use tera::Context;

use super::Job;
use super::fragments;
use super::site::Site;
use super::views::{self, Cards, ChapterView, LinkView, TocEntry};
use crate::output::paths::{PagePath, TermPath};

/// One page before it is rendered.
pub(super) struct PageToRender<'a> {
    pub path: PagePath,
    pub template: &'static str,
    pub context: Context,
    /// What the context's page placeholders stand for (see `fragments`).
    pub fragments: Vec<&'a str>,
}

/// The output path, template, context and fragments of one page. `bodies` holds, by
/// language, the bodies of the chapter a chapter page shows.
pub(super) fn page<'a>(site: &'a Site, job: &Job, bodies: &'a HashMap<String, String>) -> PageToRender<'a> {
    match *job {
        Job::LanguageChoice => language_choice_page(site),
        Job::NotFound => not_found_page(site),
        Job::Front { lang } => front_page(site, lang),
        Job::Chapter { lang, index } => chapter_page(site, lang, index, bodies),
        Job::Search { lang } => search_page(site, lang),
        Job::Help { lang } => help_page(site, lang),
        Job::LifeStage { lang, key } => term_page(site, "life_stages", lang, key),
        Job::Scenario { lang, key } => term_page(site, "scenarios", lang, key),
    }
}

impl<'a> PageToRender<'a> {
    /// A page with at most one fragment (a body), as page placeholder 0.
    fn new(path: PagePath, template: &'static str, context: Context, body: Option<&'a str>) -> Self {
        PageToRender { path, template, context, fragments: body.into_iter().collect() }
    }
}

/// The site's root: a choice of language.
fn language_choice_page<'a>(site: &Site) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let source = guidebook.source_code();
    let path = PagePath::language_root();
    let mut context = common(site, source, &path, &PagePath::front, &guidebook.config.default_contacts);
    context.insert("page_title", &guidebook.front_page(source).0.front.title);
    PageToRender::new(path, "languages.html", context, None)
}

fn not_found_page<'a>(site: &Site) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let source = guidebook.source_code();
    // Served at any depth, so links start from the site's base path.
    let path = PagePath("404.html".into());
    let mut context = common(site, source, &path, &PagePath::front, &guidebook.config.default_contacts);
    let base_path = base_path(&guidebook.config.base_url);
    context.insert("root", &base_path);
    if site.options.search {
        context.insert("search_url", &format!("{base_path}{source}/search/"));
    }
    context.insert("help_url", &format!("{base_path}{source}/help/"));
    // Whoever lands here may not read Japanese: each language offers the way home in its
    // own words.
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
    context.insert(
        "site",
        &json!({ "title": guidebook.front_page(source).0.front.title, "home_url": format!("{base_path}{source}/") }),
    );
    context.insert("page_title", &guidebook.i18n.get(source, "not_found_title"));
    PageToRender::new(path, "404.html", context, None)
}

fn front_page<'a>(site: &'a Site, lang: &str) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let source = guidebook.source_code();
    let path = PagePath::front(lang);
    let (front, fallback) = guidebook.front_page(lang);
    let mut context = common(site, lang, &path, &PagePath::front, &guidebook.config.default_contacts);
    let intro = site.front_body(front);
    context.insert("page_title", &front.front.title);
    context.insert("description", &front.front.summary);
    context.insert("intro", &fragments::page_placeholder(0));
    context.insert("intro_lang", &fallback.then(|| guidebook.config.lang_if_different(&front.lang, lang)).flatten());
    context.insert("urgent", &views::urgent(site, lang, &path));
    context.insert("life_stages", &views::terms(site, "life_stages", lang, &path, Cards::Key));
    context.insert("scenarios", &views::terms(site, "scenarios", lang, &path, Cards::None));
    let cards: Vec<_> = guidebook
        .chapters
        .iter()
        .map(|c| views::chapter_card(site, c.in_language(lang, source).0, lang, &path))
        .collect();
    context.insert("chapters", &cards);
    PageToRender::new(path, "front.html", context, Some(intro))
}

fn search_page<'a>(site: &Site, lang: &str) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let path = PagePath::search(lang);
    let mut context = common(site, lang, &path, &PagePath::search, &guidebook.config.default_contacts);
    context.insert("page_title", &guidebook.i18n.get(lang, "search"));
    context.insert("description", &guidebook.i18n.get(lang, "search_description"));
    // Without JavaScript there is no search: the page offers the listing pages instead.
    context.insert("life_stages", &views::terms(site, "life_stages", lang, &path, Cards::None));
    context.insert("scenarios", &views::terms(site, "scenarios", lang, &path, Cards::None));
    context.insert("filters", &views::search_filters(site, lang));
    PageToRender::new(path, "search.html", context, None)
}

fn help_page<'a>(site: &Site, lang: &str) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let path = PagePath::help(lang);
    let mut context = common(site, lang, &path, &PagePath::help, &guidebook.config.default_contacts);
    context.insert("page_title", &guidebook.i18n.get(lang, "help_title"));
    PageToRender::new(path, "help.html", context, None)
}

fn chapter_page<'a>(site: &Site, lang: &str, index: usize, bodies: &'a HashMap<String, String>) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let source = guidebook.source_code();
    let chapter = &guidebook.chapters[index];
    let (page, fallback) = chapter.in_language(lang, source);
    let path = PagePath::chapter(lang, &chapter.slug);
    let front = &chapter.source(source).front;
    let contact_ids = if front.contacts.is_empty() { &guidebook.config.default_contacts } else { &front.contacts };
    let mut context = common(site, lang, &path, &|l| PagePath::chapter(l, &chapter.slug), contact_ids);
    let neighbour = |i: usize| {
        let card = views::chapter_card(site, guidebook.chapters[i].in_language(lang, source).0, lang, &path);
        LinkView { text: card.title, url: card.url, lang: card.lang }
    };
    let term_links = |group: &str, keys: &[String], to: TermPath| -> Vec<LinkView> {
        keys.iter()
            .map(|key| LinkView {
                text: guidebook.i18n.label(lang, group, key),
                url: path.link_to(&to(lang, key)),
                lang: None,
            })
            .collect()
    };
    let headline = site.headline(page);
    let updated = guidebook.updated(page);
    let view = ChapterView {
        slug: chapter.slug.clone(),
        title: page.front.title.clone(),
        title_html: headline.title_html.clone(),
        summary_html: headline.summary_html.clone(),
        body: fragments::page_placeholder(0),
        toc: page
            .body
            .headings
            .iter()
            .filter(|h| h.level == 2)
            .map(|h| TocEntry { id: h.id.clone(), text: h.text.clone() })
            .collect(),
        fallback,
        content_lang: guidebook.config.lang_if_different(&page.lang, lang),
        updated: updated.map(|d| guidebook.i18n.format_date(lang, d)),
        updated_iso: updated.map(str::to_string),
        reviewed_by: guidebook.reviewed_by(page).cloned(),
        life_stages: term_links("life_stages", &front.life_stages, PagePath::life_stage),
        scenarios: term_links("scenarios", &front.scenarios, PagePath::scenario),
        audience: front.audience.iter().map(|a| guidebook.i18n.label(lang, "audiences", a)).collect(),
    };
    context.insert("page_title", &page.front.title);
    context.insert("description", &page.front.summary);
    context.insert("chapter", &view);
    context.insert("previous", &index.checked_sub(1).map(neighbour));
    context.insert("next", &(index + 1 < guidebook.chapters.len()).then(|| neighbour(index + 1)));
    PageToRender::new(path, "chapter.html", context, Some(bodies[&page.lang].as_str()))
}

fn term_page<'a>(site: &Site, group: &str, lang: &str, key: &str) -> PageToRender<'a> {
    let guidebook = site.guidebook;
    let to: TermPath = if group == "life_stages" { PagePath::life_stage } else { PagePath::scenario };
    let path = to(lang, key);
    let mut context = common(site, lang, &path, &|l| to(l, key), &guidebook.config.default_contacts);
    let terms = views::terms(site, group, lang, &path, Cards::Of(key));
    let term = terms.iter().find(|t| t.key == key).expect("listing pages are made for defined keys");
    context.insert("page_title", &term.label);
    context.insert("description", &term.description);
    context.insert("group", group);
    context.insert("term", term);
    context.insert("terms", &terms);
    PageToRender::new(path, "listing.html", context, None)
}

/// What every page's layout needs: its language, the theme's words, the site's name, the
/// language switcher, canonical and alternate URLs, and the contacts block.
fn common(
    site: &Site,
    lang: &str,
    path: &PagePath,
    path_in: &dyn Fn(&str) -> PagePath,
    contact_ids: &[String],
) -> Context {
    let guidebook = site.guidebook;
    let language = guidebook.config.language(lang).expect("pages are made for configured languages");
    let mut context = Context::new();
    context.insert("lang", &json!({ "code": language.code, "tag": language.tag(), "name": language.name }));
    context.insert("t", guidebook.i18n.strings(lang));
    context.insert("root", &path.to_root());
    context.insert("site", &views::site(guidebook, lang, path));
    context.insert("languages", &views::languages(guidebook, lang, path, path_in));
    context.insert("canonical", &path.absolute(&guidebook.config.base_url));
    if site.options.search {
        context.insert("search_url", &path.link_to(&PagePath::search(lang)));
    }
    context.insert("help_url", &path.link_to(&PagePath::help(lang)));
    context.insert("contacts", &views::contacts(guidebook, contact_ids, lang));
    context.insert("description", "");
    context.insert("favicon", &site.favicon);
    // Furigana shown when the page opens (the toolbar can change it); only Japanese text has it.
    context.insert("furigana", if language.furigana { "on" } else { "off" });
    context
}

/// The path part of the base URL: `https://a.example/guide/` → `/guide/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/".to_string(), |i| after_scheme[i..].to_string())
}
