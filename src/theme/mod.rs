//! Loading a theme: tera templates and the static files copied beside the pages.
//!
//! A guidebook may carry its own `themes/<name>/`; otherwise the theme of that name built
//! into tebiki is used, so a guidebook folder needs nothing but content to build.

pub(crate) mod favicon;
mod scripts;

use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::content::is_left_by_tools;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::msg;

pub(crate) struct Theme {
    pub tera: Tera,
    /// Files under the theme's `static/`, by path relative to it, copied to the site root.
    pub static_files: Vec<(String, Vec<u8>)>,
    /// A hash of the templates: pages kept by a preview server are valid only for the
    /// templates that made them.
    pub templates_hash: u64,
    /// The theme strings the templates show (`t.search_label` → `search_label`).
    pub string_keys: std::collections::BTreeSet<String>,
    /// The site icon pages link to (see `favicon`), once chosen.
    pub favicon: Option<favicon::Favicon>,
}

impl Theme {
    pub(crate) fn load(root: &Path, name: &str, diagnostics: &Diagnostics) -> Option<Theme> {
        let folder = root.join("themes").join(name);
        let files: Vec<(String, Vec<u8>)> = if folder.is_dir() {
            // Files that editors and tools leave (.DS_Store, backups) are not part of it.
            WalkDir::new(&folder)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_left_by_tools(&e.file_name().to_string_lossy()))
                .filter_map(Result::ok)
                .filter(|e| !e.file_type().is_dir())
                .filter_map(|e| match crate::source::read_inside(root, e.path()) {
                    Ok(bytes) => Some((crate::diagnostics::display_path(&folder, e.path()), bytes)),
                    Err(refusal) => {
                        diagnostics.push(refusal.into_diagnostic(&crate::diagnostics::display_path(root, e.path())));
                        None
                    }
                })
                .collect()
        } else {
            crate::embedded::theme(name).into_iter().map(|(path, bytes)| (path.to_string(), bytes.to_vec())).collect()
        };
        if files.is_empty() {
            diagnostics.push(
                Diagnostic::error(crate::config::FILE_NAME, Position::START, msg!("E111", name = name)).field("theme"),
            );
            return None;
        }
        let theme_name = format!("themes/{name}");
        let mut templates = Vec::new();
        let mut static_files = Vec::new();
        for (path, bytes) in files {
            if let Some(template) = path.strip_prefix("templates/") {
                match String::from_utf8(bytes) {
                    Ok(text) => templates.push((template.to_string(), text)),
                    Err(_) => diagnostics.push(Diagnostic::error(
                        format!("{theme_name}/{path}"),
                        Position::START,
                        msg!("E006"),
                    )),
                }
            } else if let Some(asset) = path.strip_prefix("static/") {
                let bytes = scripts::served(asset, bytes);
                static_files.push((asset.to_string(), bytes));
            }
        }
        let templates_hash = {
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(&templates, &mut hasher);
            std::hash::Hasher::finish(&hasher)
        };
        let string_keys = templates.iter().flat_map(|(_, text)| string_keys(text)).collect();
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        if let Err(error) = tera.add_raw_templates(templates) {
            diagnostics.push(
                Diagnostic::error(format!("{theme_name}/templates"), Position::START, msg!("E112"))
                    .detail(error_chain(&error)),
            );
            return None;
        }
        Some(Theme { tera, static_files, templates_hash, string_keys, favicon: None })
    }
}

/// The keys a template reads from `t`, the theme's strings.
fn string_keys(template: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find("t.") {
        let before = template.len() - rest.len() + at;
        rest = &rest[at + 2..];
        let starts_word =
            template[..before].chars().last().is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'));
        let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if starts_word && !key.is_empty() {
            keys.push(key);
        }
    }
    keys
}

/// Tera nests the useful part of its messages (template, line, what went wrong) in the
/// error's sources.
pub(crate) fn error_chain(error: &tera::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        parts.push(inner.to_string());
        source = inner.source();
    }
    parts.join(": ")
}
