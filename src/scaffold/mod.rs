//! `tebiki new` and `tebiki init`: a chapter, or a whole small guidebook, with everything
//! filled in, so staff start from files that build rather than from a blank page.
//!
//! The new chapter is a draft (`draft: true`): it builds but is not published until the
//! author removes that line. The life stages, scenarios, audiences and contacts the site
//! defines are listed as comments beside their keys, so nobody has to look them up.

pub(crate) mod fill_in;

use std::path::{Path, PathBuf};

use crate::config::{SiteConfig, is_key};
use crate::contacts::Contacts;
use crate::content::RESERVED_FOLDERS;
use crate::diagnostics::{Diagnostic, Diagnostics, Position, did_you_mean};
use crate::messages::Message;
use crate::msg;

/// Creates `content/<lang>/<path>.md` under `root`; returns the file written.
pub fn new_chapter(root: &Path, wanted: &str, today: &str) -> Result<PathBuf, Vec<Diagnostic>> {
    let diagnostics = Diagnostics::new();
    let Some(config) = SiteConfig::load(root, &diagnostics) else { return Err(diagnostics.into_sorted()) };
    let problem = |message: Message| vec![Diagnostic::error(wanted, Position::START, message)];
    let wanted_path = wanted.trim_start_matches("content/").trim_end_matches(".md");
    let Some((lang, slug)) = wanted_path.split_once('/') else {
        return Err(problem(msg!("E140")));
    };
    if config.language(lang).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        let error = Diagnostic::error(wanted, Position::START, msg!("E097", code = lang, codes = codes.join(", ")))
            .maybe_hint(did_you_mean(lang, codes.iter().copied()));
        return Err(vec![error]);
    }
    if slug.split('/').any(|segment| !is_key(segment)) {
        return Err(problem(msg!("E010")));
    }
    if let Some(reserved) = RESERVED_FOLDERS.iter().find(|r| slug.split('/').next() == Some(**r)) {
        return Err(problem(msg!("E012", folder = *reserved)));
    }
    let file = root.join("content").join(lang).join(format!("{slug}.md"));
    if file.exists() {
        return Err(problem(msg!("E141", file = crate::diagnostics::display_path(root, &file))));
    }
    let source = &config.source_language().code;
    let text = if lang == source {
        source_chapter(root, &config, &diagnostics, today)
    } else {
        let original = root.join("content").join(source).join(format!("{slug}.md"));
        if !original.is_file() {
            return Err(problem(msg!("E142", file = format!("content/{source}/{slug}.md"))));
        }
        translation(&std::fs::read_to_string(&original).unwrap_or_default(), today)
    };
    if let Some(parent) = file.parent() {
        let folder = crate::diagnostics::display_path(root, parent);
        std::fs::create_dir_all(parent).map_err(|e| io_problem(wanted, msg!("E101", folder = folder), &e))?;
    }
    let written = crate::diagnostics::display_path(root, &file);
    std::fs::write(&file, text).map_err(|e| io_problem(wanted, msg!("E143", file = written), &e))?;
    Ok(file)
}

fn source_chapter(root: &Path, config: &SiteConfig, diagnostics: &Diagnostics, today: &str) -> String {
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let contacts = Contacts::load(root, &codes, &config.source_language().code, diagnostics);
    let order = next_order(&root.join("content").join(&config.source_language().code));
    let list = |keys: &[String]| keys.join(", ");
    let contact_ids: Vec<String> = contacts.ids().map(str::to_string).collect();
    format!(
        "---\n\
         title: {}\n\
         summary: {}\n\
         order: {order}\n\
         life_stages: []      # {}\n\
         scenarios: []        # {}\n\
         audience: []         # {}\n\
         contacts: []         # {}\n\
         updated: {today}\n\
         reviewed_by: {}\n\
         draft: true          # 公開するときはこの行を消します (remove this line to publish)\n\
         ---\n\
         ## {} {{#first-section}}\n\n\
         {}\n",
        fill_in::TITLE.text,
        fill_in::SUMMARY.text,
        list(&config.life_stages),
        list(&config.scenarios),
        list(&config.audiences),
        contact_ids.join(", "),
        fill_in::REVIEWER.text,
        fill_in::HEADING.text,
        fill_in::BODY.text,
    )
}

/// A translation starts from its source: the same headings and text, to be translated,
/// marked as a draft so the source keeps being shown until the translation is done.
fn translation(source: &str, today: &str) -> String {
    let (front, body) =
        source.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).unwrap_or(("", source));
    let keep = |key: &str| front.lines().find(|l| l.starts_with(&format!("{key}:"))).map(str::to_string);
    let lines: Vec<String> = [keep("title"), keep("summary")].into_iter().flatten().collect();
    format!(
        "---\n{}\nupdated: {today}\ndraft: true          # remove this line when the translation is done\n---\n{body}",
        lines.join("\n")
    )
}

/// Ten more than the highest `order` among the chapters, so the new one comes last.
fn next_order(folder: &Path) -> i64 {
    let highest = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|text| {
            text.lines()
                .take_while(|l| !l.is_empty())
                .find_map(|l| l.strip_prefix("order:").and_then(|v| v.trim().parse::<i64>().ok()))
        })
        .max()
        .unwrap_or(0);
    (highest / 10 + 1) * 10
}

/// The files of a new guidebook: settings, a front page, two chapters that link to each
/// other, one consultation desk, and the theme's words to adjust.
const STARTER: &[(&str, &str)] = &[
    ("site.yaml", include_str!("starter/site.yaml")),
    ("content/ja/_index.md", include_str!("starter/_index.md")),
    ("content/ja/acp/what-is-acp.md", include_str!("starter/what-is-acp.md")),
    ("content/ja/services/where-to-consult.md", include_str!("starter/where-to-consult.md")),
    ("data/contacts.yaml", include_str!("starter/contacts.yaml")),
    (".gitignore", include_str!("starter/gitignore")),
];

/// A pull-request check for the content repository (GitHub Actions), made by `workflow`.
pub const WORKFLOW: &str = ".github/workflows/check.yml";

/// Where the pull-request check of a new guidebook installs tebiki from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A Git repository of tebiki and one of its tags: `cargo install --git URL --tag TAG`.
    Git { url: String, tag: String },
    /// A version published on crates.io.
    Crates { version: String },
    /// Not known yet: the workflow's install step stops and says what to fill in.
    None,
}

impl Source {
    /// The source from `init`'s options, or why they cannot go into a workflow file.
    pub fn from_options(git: Option<String>, tag: Option<String>, version: Option<String>) -> Result<Source, Message> {
        let source = match (git, tag, version) {
            (Some(url), Some(tag), None) => Source::Git { url, tag },
            (None, None, Some(version)) => Source::Crates { version },
            (None, None, None) => Source::None,
            (Some(_), None, _) => return Err(msg!("E145")),
            (None, Some(_), _) => return Err(msg!("E146")),
            (Some(_), Some(_), Some(_)) => return Err(msg!("E147")),
        };
        // The values are written into YAML and into shell commands: only plain ones.
        let plain = |text: &str| {
            !text.is_empty()
                && text.chars().all(|c| c.is_ascii_alphanumeric() || "._-+/".contains(c))
                && !text.starts_with('-')
        };
        match &source {
            Source::Git { url, tag } => {
                let parsed = url::Url::parse(url).map_err(|_| msg!("E148", url = url))?;
                if !["https", "http", "ssh", "git", "file"].contains(&parsed.scheme())
                    || url.chars().any(|c| c.is_whitespace() || "\"'$`\\{}".contains(c))
                {
                    return Err(msg!("E148", url = url));
                }
                if !plain(tag) {
                    return Err(msg!("E149", tag = tag));
                }
            }
            Source::Crates { version } if !plain(version) => {
                return Err(msg!("E150", version = version));
            }
            _ => {}
        }
        Ok(source)
    }
}

/// The pull-request workflow, installing tebiki from `source`.
fn workflow(source: &Source) -> String {
    let (git, tag, version) = match source {
        Source::Git { url, tag } => (url.as_str(), tag.as_str(), ""),
        Source::Crates { version } => ("", "", version.as_str()),
        Source::None => ("", "", ""),
    };
    let quoted = |value: &str| format!("\"{value}\"");
    include_str!("starter/check.yml")
        .replace("{git}", &quoted(git))
        .replace("{tag}", &quoted(tag))
        .replace("{version}", &quoted(version))
}

/// Creates a new guidebook in `dir`, which must be empty or not exist yet.
pub fn init(dir: &Path, today: &str, source: &Source) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let name = dir.display().to_string();
    if dir.exists() && std::fs::read_dir(dir).map(|mut e| e.next().is_some()).unwrap_or(true) {
        return Err(vec![Diagnostic::error(&name, Position::START, msg!("E144"))]);
    }
    let strings = crate::embedded::i18n("ja").unwrap_or_default();
    let files = STARTER
        .iter()
        .map(|(path, text)| (*path, text.replace("{today}", today)))
        .chain([(WORKFLOW, workflow(source)), ("i18n/ja.yaml", strings.to_string())]);
    let mut written = Vec::new();
    for (path, text) in files {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            let folder = parent.display().to_string();
            std::fs::create_dir_all(parent).map_err(|e| io_problem(&name, msg!("E101", folder = folder), &e))?;
        }
        let shown = file.display().to_string();
        std::fs::write(&file, text).map_err(|e| io_problem(&name, msg!("E143", file = shown), &e))?;
        written.push(file);
    }
    Ok(written)
}

/// A file or folder that could not be made, with what the file system said.
fn io_problem(name: &str, message: Message, error: &std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(name, Position::START, message).detail(error.to_string())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_keeps_the_text_to_translate_and_is_a_draft() {
        let source = "---\ntitle: 題\nsummary: 要約\norder: 10\nlife_stages: [frail]\n---\n## 見出し {#a}\n\n本文\n";
        let text = translation(source, "2026-11-23");
        assert_eq!(
            text,
            "---\ntitle: 題\nsummary: 要約\nupdated: 2026-11-23\ndraft: true          # remove this line when the translation is done\n---\n## 見出し {#a}\n\n本文\n"
        );
    }
}
