//! Reading `content/`: every Markdown file of every language, parsed once, checked on its own.
//!
//! Checks that need more than one file (translations, duplicate order, links) happen when the
//! guidebook is assembled, in `guidebook`.

mod front_matter;
#[cfg(test)]
mod properties;
mod split;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{SiteConfig, is_key};
use crate::diagnostics::{Diagnostic, Diagnostics, Position, did_you_mean};
use crate::markdown::{self, ParsedBody};
use crate::msg;
use crate::source::{SourceFile, resolve_inside};

pub(crate) use front_matter::{FrontMatter, Furigana, Inherited, Kind, Vocabulary};

/// The slug of a language's front page: `content/<lang>/_index.md`.
pub(crate) const FRONT_PAGE_SLUG: &str = "_index";

/// First URL segments tebiki uses for pages of its own; chapters cannot live in these folders.
pub(crate) const RESERVED_FOLDERS: &[&str] = &["stages", "scenarios", "assets", "search", "help"];

/// One Markdown file: a chapter, or a language's front page (`slug` empty).
#[derive(Clone, Debug)]
pub(crate) struct Page {
    pub lang: String,
    /// Path under the language folder without `.md`, `/`-separated: `acp/what-is-acp`.
    pub slug: String,
    pub file: SourceFile,
    pub front: FrontMatter,
    pub body: ParsedBody,
}

impl Page {
    pub(crate) fn is_front_page(&self) -> bool {
        self.slug.is_empty()
    }

    /// Whether the page is written in Japanese (see `config::is_japanese`).
    pub(crate) fn is_japanese(&self) -> bool {
        crate::config::is_japanese(&self.lang)
    }

    /// Length in bytes of the Markdown body (the file after its front-matter).
    pub(crate) fn body_text_len(&self) -> usize {
        split::split(&self.file).map_or(0, |parts| parts.body.len())
    }
}

/// A file under content/ that is not Markdown (an image, a PDF), published beside the pages.
#[derive(Clone, Debug)]
pub(crate) struct Asset {
    pub lang: String,
    /// Path under the language folder, `/`-separated.
    pub relative: String,
    pub path: PathBuf,
}

#[derive(Debug, Default)]
pub(crate) struct Content {
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    /// `lang/slug` of Markdown files that could not be read at all (already reported), so
    /// that links to them and translations of them do not cause a second, confusing error.
    pub unreadable: BTreeSet<String>,
}

/// Reads every chapter and front page under content/ (in parallel) and lists the other
/// files as assets; every problem goes to `diagnostics`.
pub(crate) fn load(root: &Path, config: &SiteConfig, vocabulary: &Vocabulary, diagnostics: &Diagnostics) -> Content {
    let source = &config.source_language().code;
    let mut markdown_files = Vec::new();
    let mut assets = Vec::new();
    for found in walk(root, config, diagnostics) {
        match found {
            Found::Markdown { lang, slug, path } => markdown_files.push((lang, slug, path)),
            Found::Asset(asset) => assets.push(asset),
        }
    }
    let read: Vec<(String, Option<Page>)> = markdown_files
        .into_par_iter()
        .map(|(lang, slug, path)| {
            let key = format!("{lang}/{slug}");
            let kind = if slug == FRONT_PAGE_SLUG {
                Kind::FrontPage
            } else if &lang == source {
                Kind::SourceChapter
            } else {
                Kind::Translation
            };
            let (page, problems) = read_page(root, &path, lang, slug, kind, vocabulary);
            diagnostics.extend(problems);
            (key, page)
        })
        .collect();
    let mut content = Content { assets, ..Content::default() };
    for (key, page) in read {
        match page {
            Some(page) => content.pages.push(page),
            None => {
                content.unreadable.insert(key);
            }
        }
    }
    content
}

/// A file of a configured language under content/.
enum Found {
    /// A chapter or front page: `slug` is its path under the language folder without `.md`.
    Markdown {
        lang: String,
        slug: String,
        path: PathBuf,
    },
    Asset(Asset),
}

/// Every file under content/ in a language folder, in name order; what is in the wrong
/// place (a file beside the language folders, a folder of an unknown language, a link
/// that leads out of the guidebook) is reported and left out.
fn walk(root: &Path, config: &SiteConfig, diagnostics: &Diagnostics) -> Vec<Found> {
    let content_dir = root.join("content");
    let mut found = Vec::new();
    for entry in WalkDir::new(&content_dir).min_depth(1).sort_by_file_name() {
        match entry {
            Ok(entry) => found.extend(classify(root, &content_dir, config, &entry, diagnostics)),
            Err(error) => {
                let name = error.path().map_or("content".into(), |p| crate::diagnostics::display_path(root, p));
                diagnostics.push(Diagnostic::error(name, Position::START, msg!("E003")).detail(error.to_string()));
            }
        }
    }
    found
}

/// What one entry of content/ is, if it is to be read or published.
fn classify(
    root: &Path,
    content_dir: &Path,
    config: &SiteConfig,
    entry: &walkdir::DirEntry,
    diagnostics: &Diagnostics,
) -> Option<Found> {
    let path = entry.path();
    let name = crate::diagnostics::display_path(root, path);
    let relative = path.strip_prefix(content_dir).ok()?;
    let mut parts = relative.iter().map(|p| p.to_string_lossy().to_string());
    let lang = parts.next().unwrap_or_default();
    let rest: Vec<String> = parts.collect();
    if rest.iter().chain([&lang]).any(|p| is_left_by_tools(p)) {
        return None;
    }
    if entry.path_is_symlink() {
        match resolve_inside(root, path) {
            Ok(real) if real.is_dir() => {
                diagnostics.push(Diagnostic::error(name, Position::START, msg!("E007")));
                return None;
            }
            Ok(_) => {}
            Err(refusal) => {
                diagnostics.push(refusal.into_diagnostic(&name));
                return None;
            }
        }
    }
    if entry.depth() == 1 {
        check_language_folder(config, entry, &name, &lang, diagnostics);
        return None;
    }
    if config.language(&lang).is_none() || entry.file_type().is_dir() {
        return None;
    }
    let relative = rest.join("/");
    Some(match relative.strip_suffix(".md") {
        Some(slug) => Found::Markdown { lang, slug: slug.to_string(), path: path.to_path_buf() },
        None => Found::Asset(Asset { lang, relative, path: path.to_path_buf() }),
    })
}

/// content/ holds only folders named after the guidebook's languages.
fn check_language_folder(
    config: &SiteConfig,
    entry: &walkdir::DirEntry,
    name: &str,
    lang: &str,
    diagnostics: &Diagnostics,
) {
    if !entry.file_type().is_dir() {
        let source = &config.source_language().code;
        diagnostics.push(Diagnostic::error(name, Position::START, msg!("E008", source = source)));
    } else if config.language(lang).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        diagnostics.push(
            Diagnostic::error(name, Position::START, msg!("E009", lang = lang, codes = codes.join(", ")))
                .hint(did_you_mean(lang, codes.iter().copied()).unwrap_or(msg!("hint-add-language"))),
        );
    }
}

/// Names that editors, file managers and Git leave beside real files: `.git`, `.DS_Store`,
/// vim's `.chapter.md.swp`, `chapter.md~` backups, emacs' `#chapter.md#`, JetBrains'
/// `chapter.md___jb_tmp___`. They are neither read nor published.
pub(crate) fn is_left_by_tools(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.ends_with("___")
}

fn read_page(
    root: &Path,
    path: &Path,
    lang: String,
    slug: String,
    kind: Kind,
    vocabulary: &Vocabulary,
) -> (Option<Page>, Vec<Diagnostic>) {
    let file = match SourceFile::read(root, path) {
        Ok(file) => file,
        Err(problem) => return (None, vec![problem]),
    };
    let mut problems = slug_problems(&file, &slug);
    let parts = match split::split(&file) {
        Ok(parts) => parts,
        Err(problem) => {
            problems.push(problem);
            return (None, problems);
        }
    };
    let (front, front_problems) =
        front_matter::read(&file.name, parts.front_matter, parts.front_matter_line, kind, vocabulary);
    problems.extend(front_problems.into_iter().map(|p| p.with_source(&file.text)));
    let (body, body_problems) = markdown::parse(&file.name, &file.text, parts.body_offset);
    problems.extend(body_problems);
    let slug = if kind == Kind::FrontPage { String::new() } else { slug };
    (Some(Page { lang, slug, file, front, body }), problems)
}

/// A chapter's path becomes its web address: keep it to plain lowercase words.
fn slug_problems(file: &SourceFile, slug: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if slug == FRONT_PAGE_SLUG {
        return problems;
    }
    if slug.split('/').any(|segment| !is_key(segment) && segment != FRONT_PAGE_SLUG) {
        problems.push(Diagnostic::error(&file.name, Position::START, msg!("E010")));
    } else if slug.ends_with(&format!("/{FRONT_PAGE_SLUG}")) {
        problems.push(Diagnostic::error(&file.name, Position::START, msg!("E011")));
    }
    if let Some(reserved) = RESERVED_FOLDERS.iter().find(|r| slug.split('/').next() == Some(**r)) {
        problems.push(Diagnostic::error(&file.name, Position::START, msg!("E012", folder = *reserved)));
    }
    problems
}
