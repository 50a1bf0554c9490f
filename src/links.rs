//! Links written in chapters: resolved against the whole guidebook to where they lead.
//!
//! Authors link to the Markdown file they can see in their editor
//! (`../services/home-services.md#house-calls`). tebiki resolves that to a `Target` (that
//! chapter, at that heading), which the site turns into the address of the page in the
//! reader's language and the booklet into a page number. Because every language has every
//! chapter (a missing translation is shown from the source), the relative address is the
//! same in every language; only whether the anchor exists can differ, so links are checked
//! per language.

use rayon::prelude::*;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::guidebook::Guidebook;
use crate::messages::{Arg, Message};
use crate::msg;

/// Why a link cannot be followed, and what to write instead when that can be said.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Broken {
    pub reason: Message,
    pub hint: Option<Message>,
    /// The anchor is missing: it may exist in one language and not in another.
    pub missing_anchor: bool,
}

fn broken(reason: Message, hint: Option<Message>) -> Broken {
    Broken { reason, hint, missing_anchor: false }
}

/// Where a link written in a chapter leads, once checked: what the site turns into a URL
/// (`render`) and the booklet into a page number or a printed address (`booklet`), so the
/// two cannot disagree about where a link goes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Another site, or a mailto: or tel: address, as written.
    External(String),
    /// A heading of the page the link is written in.
    ThisPage { anchor: String },
    /// The front page of the reader's language, at a heading or at its top.
    Front { anchor: Option<String> },
    /// A chapter, by slug, at a heading or at its top.
    Chapter { slug: String, anchor: Option<String> },
    /// A file published with the chapters (an image, a PDF), by its path in the language folder.
    Asset(String),
}

/// Where `dest`, written in `page`, leads for a reader of `lang`, or why it leads nowhere.
pub(crate) fn resolve(guidebook: &Guidebook, page: &Page, lang: &str, dest: &str) -> Result<Target, Broken> {
    if dest.is_empty() {
        return Err(broken(msg!("link-no-address"), Some(msg!("hint-link-parentheses"))));
    }
    if is_external(dest) {
        return Ok(Target::External(dest.to_string()));
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (dest, None),
    };
    if path.is_empty() {
        let anchor = anchor.unwrap_or_default();
        return if page.body.has_heading_id(anchor) {
            Ok(Target::ThisPage { anchor: anchor.to_string() })
        } else {
            Err(missing_anchor(anchor, msg!("place-this-page"), page))
        };
    }
    if path.starts_with('/') {
        return Err(broken(msg!("link-site-root", dest = dest), Some(msg!("hint-link-relative"))));
    }
    let base = page.slug.rsplit_once('/').map_or("", |(folder, _)| folder);
    let target = normalise(base, path).ok_or_else(|| {
        broken(msg!("link-leaves-language", dest = dest, lang = &page.lang), Some(msg!("hint-link-same-language")))
    })?;
    match target.strip_suffix(".md") {
        Some(slug) => chapter_target(guidebook, page, lang, dest, slug, anchor),
        None => file_target(guidebook, page, dest, path, target),
    }
}

/// A link to a Markdown file: the front page (`_index.md`) or a chapter.
fn chapter_target(
    guidebook: &Guidebook,
    page: &Page,
    lang: &str,
    dest: &str,
    slug: &str,
    anchor: Option<&str>,
) -> Result<Target, Broken> {
    let anchor_owned = anchor.map(str::to_string);
    if slug == crate::content::FRONT_PAGE_SLUG {
        let (front, _) = guidebook.front_page(lang);
        return match anchor {
            Some(a) if !front.body.has_heading_id(a) => Err(missing_anchor(a, msg!("place-front-page"), front)),
            _ => Ok(Target::Front { anchor: anchor_owned }),
        };
    }
    let Some(chapter) = guidebook.chapter(slug) else {
        if guidebook.unreadable.contains(&format!("{}/{slug}", page.lang)) {
            // Reported already as unreadable.
            return Ok(Target::Chapter { slug: slug.to_string(), anchor: anchor_owned });
        }
        if guidebook.drafts.contains(slug) {
            return Err(broken(msg!("link-draft", dest = dest), Some(msg!("hint-link-publish"))));
        }
        let base = page.slug.rsplit_once('/').map_or("", |(folder, _)| folder);
        let hint = closest(slug, guidebook.chapters.iter().map(|c| c.slug.as_str()))
            .map(|near| msg!("hint-did-you-mean", candidate = relative_to(base, near)));
        return Err(broken(msg!("link-not-chapter", dest = dest), hint));
    };
    if let Some(anchor) = anchor {
        let (target_page, _) = chapter.in_language(lang, guidebook.source_code());
        if !target_page.body.has_heading_id(anchor) {
            return Err(missing_anchor(anchor, &target_page.file.name, target_page));
        }
    }
    Ok(Target::Chapter { slug: slug.to_string(), anchor: anchor_owned })
}

/// A link to anything but a Markdown file: a file published with the chapters, or a folder
/// (written where the chapter's file was meant).
fn file_target(guidebook: &Guidebook, page: &Page, dest: &str, path: &str, target: String) -> Result<Target, Broken> {
    if target.ends_with('/') || target.is_empty() || guidebook.chapter(target.trim_end_matches('/')).is_some() {
        let file = format!("{}.md", path.trim_end_matches('/'));
        return Err(broken(msg!("link-folder", dest = dest), Some(msg!("hint-link-file", file = file))));
    }
    if guidebook.asset_exists(&page.lang, &target) {
        Ok(Target::Asset(target))
    } else {
        Err(broken(msg!("link-missing-file", dest = dest, lang = &page.lang, target = target), None))
    }
}

fn missing_anchor(anchor: &str, place: impl Into<Arg>, target: &Page) -> Broken {
    let ids: Vec<&str> = target.body.headings.iter().map(|h| h.id.as_str()).collect();
    let hint = closest(anchor, ids.iter().copied())
        .map(|near| msg!("hint-did-you-mean", candidate = format!("#{near}")))
        .or_else(|| {
            let listed = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
            (!ids.is_empty()).then(|| msg!("hint-headings-there", ids = listed))
        });
    let reason = msg!("link-no-heading", anchor = anchor, place = Into::<Arg>::into(place));
    Broken { reason, hint, missing_anchor: true }
}

/// Addresses with a scheme (https:, mailto:, tel:) or a host (//) leave the guidebook.
fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !scheme.contains('/')
        })
}

/// Joins a relative path to a folder and resolves `.` and `..`; None if it climbs out.
pub(crate) fn normalise(base: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let trailing = if path.ends_with('/') { "/" } else { "" };
    Some(parts.join("/") + trailing)
}

/// How the author would write a link from `base` to `slug`.md.
fn relative_to(base: &str, slug: &str) -> String {
    let depth = base.split('/').filter(|p| !p.is_empty()).count();
    format!("{}{slug}.md", "../".repeat(depth))
}

/// Checks every link of every page as shown in every language.
pub(crate) fn check_all(guidebook: &Guidebook, diagnostics: &Diagnostics) {
    let source = guidebook.source_code();
    let languages: Vec<&str> = guidebook.config.languages.iter().map(|l| l.code.as_str()).collect();
    languages.par_iter().for_each(|&lang| {
        let pages = guidebook
            .chapters
            .iter()
            .map(|c| c.in_language(lang, source).0)
            .chain(std::iter::once(guidebook.front_page(lang).0));
        for page in pages {
            // Made for the first broken link only: most pages have none, some have many.
            let mut lines = None;
            for link in &page.body.links {
                if let Err(problem) = resolve(guidebook, page, lang, &link.dest) {
                    // A heading missing only from the translation shown in its place.
                    let reader = if page.lang != lang && problem.missing_anchor { lang } else { "none" };
                    let kind = if link.is_image { msg!("what-image") } else { msg!("what-link") };
                    let message = msg!("E080", kind = kind, reason = problem.reason, reader = reader);
                    diagnostics.push(
                        Diagnostic::error(&page.file.name, link.position, message).maybe_hint(problem.hint).with_line(
                            lines
                                .get_or_insert_with(|| crate::text_position::LineIndex::new(&page.file.text))
                                .line_text(link.position.line),
                        ),
                    );
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_resolve_inside_the_language_folder() {
        assert_eq!(normalise("acp", "../services/home.md").as_deref(), Some("services/home.md"));
        assert_eq!(normalise("", "acp/x.md").as_deref(), Some("acp/x.md"));
        assert_eq!(normalise("acp", "../../en/x.md"), None);
    }

    #[test]
    fn schemes_are_external_and_paths_are_not() {
        assert!(is_external("https://example.jp/"));
        assert!(is_external("tel:0000"));
        assert!(is_external("mailto:a@b"));
        assert!(!is_external("../acp/x.md"));
        assert!(!is_external("x.md#a:b"));
    }
}
