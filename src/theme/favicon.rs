//! The site's icon, the small picture a browser shows in its tab and bookmarks.
//!
//! The theme brings one (`static/favicon.svg`); a guidebook can put its own in place with
//! `favicon:` in site.yaml. Pages link to it with a path relative to themselves, so a
//! guidebook published under a sub-path (`https://www.city.example.jp/guide/`) never makes
//! the browser ask the host's root for `/favicon.ico`.

use std::path::Path;

use super::Theme;
use crate::config::{FILE_NAME, SiteConfig};
use crate::diagnostics::{Diagnostics, Position};

/// Icon files a theme may bring, in order of preference.
const THEME_ICONS: &[&str] = &["favicon.svg", "favicon.png", "favicon.ico"];

/// Where the icon is in the site and its media type, for `<link rel="icon">`.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct Favicon {
    pub path: String,
    #[serde(rename = "type")]
    pub media_type: &'static str,
}

/// Puts the guidebook's icon, if site.yaml names one, among the theme's files, and sets the
/// icon the pages link to.
pub(crate) fn choose(root: &Path, config: &SiteConfig, theme: &mut Theme, diagnostics: &Diagnostics) {
    theme.favicon = chosen(root, config, theme, diagnostics);
}

fn chosen(root: &Path, config: &SiteConfig, theme: &mut Theme, diagnostics: &Diagnostics) -> Option<Favicon> {
    if let Some(wanted) = &config.favicon {
        return guidebook_icon(root, wanted, config.favicon_position, theme, diagnostics);
    }
    let found = THEME_ICONS.iter().find(|name| theme.static_files.iter().any(|(path, _)| path == *name))?;
    let media_type = match found.rsplit('.').next() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "image/x-icon",
    };
    Some(Favicon { path: found.to_string(), media_type })
}

/// Reads the icon site.yaml names (its name and type were checked with site.yaml).
fn guidebook_icon(
    root: &Path,
    wanted: &str,
    position: Position,
    theme: &mut Theme,
    diagnostics: &Diagnostics,
) -> Option<Favicon> {
    let (extension, media_type) = crate::config::favicon_type(wanted)?;
    match crate::source::read_inside(root, &root.join(wanted)) {
        Ok(bytes) => {
            let name = format!("favicon.{extension}");
            theme.static_files.retain(|(path, _)| !THEME_ICONS.contains(&path.as_str()));
            theme.static_files.push((name.clone(), bytes));
            Some(Favicon { path: name, media_type })
        }
        Err(refusal) => {
            let mut problem = refusal.into_diagnostic(FILE_NAME).field("favicon");
            problem.position = position;
            diagnostics.push(problem);
            None
        }
    }
}
