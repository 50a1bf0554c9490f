//! Links written in chapters: checked against the whole guidebook, rewritten to page URLs.
//!
//! Authors link to the Markdown file they can see in their editor
//! (`../services/home-services.md#house-calls`). tebiki turns that into the address of the
//! page in the reader's language. Because every language has every chapter (a missing
//! translation is shown from the source), the relative address is the same in every
//! language; only whether the anchor exists can differ, so links are checked per language.

use rayon::prelude::*;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::guidebook::Guidebook;
use crate::messages::{Arg, Message};
use crate::msg;

/// Why a link cannot be followed, and what to write instead when that can be said.
#[derive(Debug, PartialEq, Eq)]
pub struct Broken {
    pub reason: Message,
    pub hint: Option<Message>,
    /// The anchor is missing: it may exist in one language and not in another.
    pub missing_anchor: bool,
}

fn broken(reason: Message, hint: Option<Message>) -> Broken {
    Broken { reason, hint, missing_anchor: false }
}

/// The URL that `dest`, written in `page`, points to for a reader of `lang`.
pub fn resolve(guidebook: &Guidebook, page: &Page, lang: &str, dest: &str) -> Result<String, Broken> {
    if dest.is_empty() {
        return Err(broken(msg!("link-no-address"), Some(msg!("hint-link-parentheses"))));
    }
    if is_external(dest) {
        return Ok(dest.to_string());
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (dest, None),
    };
    if path.is_empty() {
        let anchor = anchor.unwrap_or_default();
        return if page.body.has_heading_id(anchor) {
            Ok(dest.to_string())
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
    let up = "../".repeat(depth(page));
    let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();

    let Some(slug) = target.strip_suffix(".md") else {
        if target.ends_with('/') || target.is_empty() || guidebook.chapter(target.trim_end_matches('/')).is_some() {
            let file = format!("{}.md", path.trim_end_matches('/'));
            return Err(broken(msg!("link-folder", dest = dest), Some(msg!("hint-link-file", file = file))));
        }
        return if guidebook.asset_exists(&page.lang, &target) {
            Ok(format!("{up}{target}"))
        } else {
            Err(broken(msg!("link-missing-file", dest = dest, lang = &page.lang, target = target), None))
        };
    };
    if slug == "_index" {
        let (front, _) = guidebook.front_page(lang);
        return match anchor {
            Some(a) if !front.body.has_heading_id(a) => Err(missing_anchor(a, msg!("place-front-page"), front)),
            _ => Ok(format!("{up}{fragment}")),
        };
    }
    let Some(chapter) = guidebook.chapter(slug) else {
        if guidebook.unreadable.contains(&format!("{}/{slug}", page.lang)) {
            return Ok(format!("{up}{slug}/{fragment}")); // reported already as unreadable
        }
        if guidebook.drafts.contains(slug) {
            return Err(broken(msg!("link-draft", dest = dest), Some(msg!("hint-link-publish"))));
        }
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
    Ok(format!("{up}{slug}/{fragment}"))
}

/// Where a link leads, for a medium without links (the printed booklet).
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Another site: the address is printed.
    External(String),
    /// A chapter of the guidebook, by slug: its page number is printed.
    Chapter(String),
    /// This page, the front page, or a file: the words alone are printed.
    Elsewhere,
}

/// Where `dest`, written in `page`, leads. Links were checked when the guidebook was
/// loaded, so anything not a chapter or another site is a place without a page number.
pub fn target(guidebook: &Guidebook, page: &Page, dest: &str) -> Target {
    if is_external(dest) {
        return Target::External(dest.to_string());
    }
    let path = dest.split_once('#').map_or(dest, |(path, _)| path);
    let base = page.slug.rsplit_once('/').map_or("", |(folder, _)| folder);
    match normalise(base, path).as_deref().and_then(|t| t.strip_suffix(".md")) {
        Some(slug) if guidebook.chapter(slug).is_some() => Target::Chapter(slug.to_string()),
        _ => Target::Elsewhere,
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

/// Folders between the page and its language root: `acp/what-is-acp` is two deep.
pub fn depth(page: &Page) -> usize {
    if page.is_front_page() { 0 } else { page.slug.split('/').count() }
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
pub fn check_all(guidebook: &Guidebook, diagnostics: &Diagnostics) {
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
