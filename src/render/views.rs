//! What templates see: plain data, already translated and with URLs relative to the page.
//!
//! Templates only lay things out. Every decision (which language a text is really in, which
//! URL a link gets, how a date is written) is made here, in Rust, where it can be tested.

use serde::Serialize;

use crate::content::Page;
use crate::guidebook::Guidebook;
use crate::output::paths::{PagePath, TermPath};
use crate::render::site::Site;

/// A link with its text; `lang` is set when the text is in another language than the page
/// (a fallback), so screen readers switch voice.
#[derive(Clone, Debug, Serialize)]
pub(super) struct LinkView {
    pub text: String,
    pub url: String,
    pub lang: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub(super) struct LanguageView {
    pub code: String,
    pub tag: String,
    pub name: String,
    pub url: String,
    pub absolute_url: String,
    pub current: bool,
}

#[derive(Clone, Debug, Serialize)]
pub(super) struct ContactView {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
    pub tel: Option<String>,
    pub hours: Option<String>,
    pub description: Option<String>,
    /// Set when the desk's text is shown in the source language for want of a translation.
    pub lang: Option<String>,
}

/// A chapter as a line in a list: title, one-sentence summary, link.
#[derive(Clone, Debug, Serialize)]
pub(super) struct ChapterCard {
    pub slug: String,
    pub title: String,
    /// The title and summary as HTML, with furigana and line-break points for Japanese.
    pub title_html: String,
    pub summary_html: String,
    pub url: String,
    pub lang: Option<String>,
}

/// A life stage, scenario or audience with its label in the page's language.
#[derive(Clone, Debug, Serialize)]
pub(super) struct TermView {
    pub key: String,
    pub label: String,
    /// The label as HTML, with line-break points like the description.
    pub label_html: String,
    pub description: String,
    /// The description as HTML: Japanese with line-break points, so that a line never
    /// starts with 。 (the theme's strings are text like any other).
    pub description_html: String,
    pub url: String,
    pub number: usize,
    /// How many chapters are tagged with it.
    pub count: usize,
    /// Those chapters, when the page shows them (see `Cards`).
    pub chapters: Vec<ChapterCard>,
}

/// Which terms of a list come with their chapters: a page that only links to a term, or
/// counts its chapters, is not made to carry every chapter's card.
#[derive(Clone, Copy)]
pub(super) enum Cards<'k> {
    None,
    /// Each term's key chapters (`key_for`), for a front page that stays short; the term's
    /// page lists them all.
    Key,
    Of(&'k str),
}

/// How many of a stage's chapters the front page shows when none is marked as key for it.
pub(super) const KEY_CHAPTERS_WHEN_UNMARKED: usize = 3;

/// The front page's block for a reader who is worried now: 119, the desks marked `urgent` in
/// data/contacts.yaml, and the chapters marked `urgent`.
#[derive(Clone, Debug, Serialize)]
pub(super) struct UrgentView {
    pub desks: Vec<ContactView>,
    pub chapters: Vec<ChapterCard>,
}

#[derive(Clone, Debug, Serialize)]
pub(super) struct SiteView {
    pub title: String,
    pub publisher: Option<String>,
    pub lang: Option<String>,
    pub home_url: String,
}

/// A chapter's own page: what `chapter.html` sees as `chapter`. A field the template
/// misspells is an error when the page is rendered, not an empty space on the page.
#[derive(Clone, Debug, Serialize)]
pub(super) struct ChapterView {
    pub slug: String,
    pub title: String,
    /// The title and summary as HTML, with furigana and line-break points for Japanese.
    pub title_html: String,
    pub summary_html: String,
    /// The body's placeholder (see `fragments`): the body itself is put in after minifying.
    pub body: String,
    /// The chapter's sections, for its table of contents.
    pub toc: Vec<TocEntry>,
    /// Shown in the source language for want of a translation.
    pub fallback: bool,
    /// The language the text is in, when it is not the page's.
    pub content_lang: Option<String>,
    /// When the text was last updated, as the page's language writes dates, and as ISO.
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub reviewed_by: Option<String>,
    /// Links to the listing pages of its life stages and scenarios.
    pub life_stages: Vec<LinkView>,
    pub scenarios: Vec<LinkView>,
    /// Whom it is written for, as labels.
    pub audience: Vec<String>,
}

/// A section of a chapter in its table of contents.
#[derive(Clone, Debug, Serialize)]
pub(super) struct TocEntry {
    pub id: String,
    pub text: String,
}

pub(super) fn chapter_card(site: &Site, page: &Page, lang: &str, from: &PagePath) -> ChapterCard {
    let guidebook = site.guidebook;
    let headline = site.headline(page);
    ChapterCard {
        slug: page.slug.clone(),
        title: page.front.title.clone(),
        title_html: headline.title_html.clone(),
        summary_html: headline.summary_html.clone(),
        url: from.link_to(&PagePath::chapter(lang, &page.slug)),
        lang: guidebook.config.lang_if_different(&page.lang, lang),
    }
}

pub(super) fn contacts(guidebook: &Guidebook, ids: &[String], lang: &str) -> Vec<ContactView> {
    let source = guidebook.source_code();
    ids.iter()
        .filter_map(|id| {
            let contact = guidebook.contacts.get(id)?;
            let (name, name_lang) = contact.name.get(lang, source)?;
            let text = |field: &Option<crate::contacts::Localized>| {
                field.as_ref().and_then(|f| f.get(lang, source)).map(|(t, _)| t.to_string())
            };
            Some(ContactView {
                id: id.clone(),
                name: name.to_string(),
                phone: contact.phone.clone(),
                tel: contact.tel_uri(),
                hours: text(&contact.hours),
                description: text(&contact.description),
                lang: guidebook.config.lang_if_different(name_lang, lang),
            })
        })
        .collect()
}

pub(super) fn languages(
    guidebook: &Guidebook,
    current: &str,
    from: &PagePath,
    path_in: &dyn Fn(&str) -> PagePath,
) -> Vec<LanguageView> {
    guidebook
        .config
        .languages
        .iter()
        .map(|language| {
            let target = path_in(&language.code);
            LanguageView {
                code: language.code.clone(),
                tag: language.tag().to_string(),
                name: language.name.clone(),
                url: from.link_to(&target),
                absolute_url: target.absolute(&guidebook.config.base_url),
                current: language.code == current,
            }
        })
        .collect()
}

pub(super) fn site(guidebook: &Guidebook, lang: &str, from: &PagePath) -> SiteView {
    let (front, _) = guidebook.front_page(lang);
    let publisher = front
        .front
        .publisher
        .clone()
        .or_else(|| guidebook.front_page(guidebook.source_code()).0.front.publisher.clone());
    SiteView {
        title: front.front.title.clone(),
        publisher,
        lang: guidebook.config.lang_if_different(&front.lang, lang),
        home_url: from.link_to(&PagePath::front(lang)),
    }
}

pub(super) fn urgent(site: &Site, lang: &str, from: &PagePath) -> UrgentView {
    let guidebook = site.guidebook;
    let source = guidebook.source_code();
    let desk_ids: Vec<String> = guidebook
        .contacts
        .ids()
        .filter(|id| guidebook.contacts.get(id).is_some_and(|c| c.urgent))
        .map(str::to_string)
        .collect();
    let chapters = guidebook
        .chapters
        .iter()
        .filter(|c| c.source(source).front.urgent)
        .map(|c| chapter_card(site, c.in_language(lang, source).0, lang, from))
        .collect();
    UrgentView { desks: contacts(guidebook, &desk_ids, lang), chapters }
}

/// Life stages (as numbered steps) or scenarios, each with its chapters in reading order.
pub(super) fn terms(site: &Site, group: &str, lang: &str, from: &PagePath, cards: Cards) -> Vec<TermView> {
    let guidebook = site.guidebook;
    let (keys, path): (&[String], TermPath) = match group {
        "life_stages" => (&guidebook.config.life_stages, PagePath::life_stage),
        _ => (&guidebook.config.scenarios, PagePath::scenario),
    };
    let source = guidebook.source_code();
    keys.iter()
        .enumerate()
        .map(|(i, key)| {
            let tagged: Vec<_> = guidebook
                .chapters
                .iter()
                .filter(|c| {
                    let front = &c.source(source).front;
                    let tagged = if group == "life_stages" { &front.life_stages } else { &front.scenarios };
                    tagged.contains(key)
                })
                .collect();
            let shown: Vec<_> = match cards {
                Cards::None => Vec::new(),
                Cards::Of(wanted) if wanted == key => tagged.clone(),
                Cards::Of(_) => Vec::new(),
                Cards::Key => {
                    let marked: Vec<_> =
                        tagged.iter().copied().filter(|c| c.source(source).front.key_for.contains(key)).collect();
                    if marked.is_empty() {
                        tagged.iter().copied().take(KEY_CHAPTERS_WHEN_UNMARKED).collect()
                    } else {
                        marked
                    }
                }
            };
            let chapters =
                shown.iter().map(|c| chapter_card(site, c.in_language(lang, source).0, lang, from)).collect();
            let description =
                guidebook.i18n.strings(lang).get(&format!("{group}.{key}.description")).cloned().unwrap_or_default();
            let label = guidebook.i18n.label(lang, group, key);
            TermView {
                key: key.clone(),
                label_html: site.text_html(&label, lang, site.options.furigana),
                label,
                description_html: site.text_html(&description, lang, site.options.furigana),
                description,
                url: from.link_to(&path(lang, key)),
                number: i + 1,
                count: tagged.len(),
                chapters,
            }
        })
        .collect()
}

/// A facet of the search page's filters (see crate::facets), with its values.
#[derive(Clone, Debug, Serialize)]
pub(super) struct FacetView {
    /// The URL parameter: `stage`, `scenario`, `audience`.
    pub key: &'static str,
    pub legend: String,
    pub values: Vec<FacetValueView>,
}

#[derive(Clone, Debug, Serialize)]
pub(super) struct FacetValueView {
    pub value: String,
    pub label_html: String,
    /// How many chapters have the value, as the page says it (「3章」).
    pub count_text: String,
    pub count: usize,
}

/// The search page's filters: every facet of the chapters, each value with its label and
/// the number of chapters that have it (what a listing without a query shows).
pub(super) fn search_filters(site: &Site, lang: &str) -> Vec<FacetView> {
    let guidebook = site.guidebook;
    let source = guidebook.source_code();
    crate::facets::chapter_facets(&guidebook.config)
        .into_iter()
        .map(|facet| FacetView {
            key: facet.key,
            legend: guidebook.i18n.get(lang, &format!("search_filter_{}", facet.key)),
            values: facet
                .values
                .iter()
                .map(|value| {
                    let count =
                        guidebook.chapters.iter().filter(|c| facet.chapter_has(&c.source(source).front, value)).count();
                    let label = guidebook.i18n.label(lang, facet.group, value);
                    FacetValueView {
                        value: value.clone(),
                        label_html: site.text_html(&label, lang, site.options.furigana),
                        count_text: guidebook.i18n.get(lang, "chapter_count").replace("{n}", &count.to_string()),
                        count,
                    }
                })
                .collect(),
        })
        .collect()
}
