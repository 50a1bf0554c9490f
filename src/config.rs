//! `site.yaml`: the languages, the taxonomy keys and where the site will be published.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::ime_slips;
use crate::messages::Message;
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::Locator;

pub(crate) const FILE_NAME: &str = "site.yaml";

/// The keys of site.yaml, for finding the slips of a Japanese input method in it.
const SLIP_KEYS: ime_slips::Keys = ime_slips::Keys {
    known: &["base_url", "theme", "languages", "life_stages", "scenarios", "audiences", "default_contacts", "favicon"],
    nested: &["code", "name", "tag", "source", "furigana"],
    any_top_level: false,
    numbers: &[],
    dates: &[],
    lists: &["life_stages", "scenarios", "audiences", "default_contacts"],
};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteConfig {
    /// Absolute URL the site is published at, always ending in `/`.
    pub base_url: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub languages: Vec<Language>,
    #[serde(default)]
    pub life_stages: Vec<String>,
    #[serde(default)]
    pub scenarios: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    /// Contacts shown on pages whose chapter names none.
    #[serde(default)]
    pub default_contacts: Vec<String>,
    /// The guidebook's own site icon (PNG or ICO), from the guidebook folder, in place of
    /// the theme's (see theme::favicon).
    #[serde(default)]
    pub favicon: Option<String>,
    /// Where `favicon:` is written, for a message about the file found later.
    #[serde(skip)]
    pub favicon_position: Position,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Language {
    /// Folder under content/ and first segment of URLs.
    pub code: String,
    /// The language's name in its own script, for the language switcher.
    pub name: String,
    /// BCP 47 tag for `lang` and `hreflang`; defaults to `code`.
    #[serde(default)]
    tag: Option<String>,
    #[serde(default)]
    pub source: bool,
    /// Whether furigana over kanji are shown when a page opens (readers can switch them).
    #[serde(default)]
    pub furigana: bool,
}

impl Language {
    pub(crate) fn tag(&self) -> &str {
        self.tag.as_deref().unwrap_or(&self.code)
    }
}

fn default_theme() -> String {
    "default".to_string()
}

impl SiteConfig {
    /// Reads and checks `site.yaml` in `root`. Problems go to `diagnostics`; `None` when the
    /// file is unusable.
    pub(crate) fn load(root: &Path, diagnostics: &Diagnostics) -> Option<SiteConfig> {
        let path = root.join(FILE_NAME);
        if !path.is_file() {
            diagnostics.push(Diagnostic::error(
                FILE_NAME,
                Position::START,
                msg!("E034", folder = root.display().to_string()),
            ));
            return None;
        }
        let file = SourceFile::read(root, &path).map_err(|d| diagnostics.push(d)).ok()?;
        let (slips, corrected) = ime_slips::in_file(&file.name, &file.text, &SLIP_KEYS);
        let mut config: SiteConfig = match ime_slips::deserialize(&file.name, &file.text, corrected.as_deref()) {
            Ok(config) => config,
            Err(d) => {
                let d = if d.hints.is_empty() { d.hint(msg!("hint-see-readme-site")) } else { d };
                diagnostics.extend(ime_slips::with_slips(slips, vec![d], true));
                return None;
            }
        };
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        // Read with its slips corrected, the settings can still serve to check the rest of
        // the guidebook; the slips themselves are errors, so nothing is built.
        let own = config.problems(root, &file);
        let usable = !own.iter().any(Diagnostic::is_error);
        diagnostics.extend(ime_slips::with_slips(slips, own, false));
        usable.then_some(config)
    }

    fn problems(&mut self, root: &Path, file: &SourceFile) -> Vec<Diagnostic> {
        let locator = Locator::new(&file.text, 1);
        let error = |position: Position, field: &str, message: Message| {
            Diagnostic::error(&file.name, position, message).field(field).with_source(&file.text)
        };
        let mut problems = Vec::new();
        if !(self.base_url.starts_with("https://") || self.base_url.starts_with("http://")) {
            problems.push(error(locator.key("base_url"), "base_url", msg!("E035", url = &self.base_url)));
        }
        if let Some(wanted) = &self.favicon {
            self.favicon_position = locator.value("favicon", wanted);
            if favicon_type(wanted).is_none() {
                problems.push(error(self.favicon_position, "favicon", msg!("E036", file = wanted)));
            } else if !root.join(wanted).is_file() {
                problems.push(error(self.favicon_position, "favicon", msg!("E037", file = wanted)));
            }
        }
        let sources: Vec<&Language> = self.languages.iter().filter(|l| l.source).collect();
        if sources.len() != 1 {
            problems.push(error(locator.key("languages"), "languages", msg!("E038", count = sources.len())));
        }
        let mut seen = BTreeSet::new();
        for language in &self.languages {
            let position = locator.anywhere(&format!("code: {}", language.code), Position::START);
            if !is_key(&language.code) {
                problems.push(error(position, "languages.code", msg!("E039", code = &language.code)));
            }
            if !seen.insert(&language.code) {
                problems.push(error(position, "languages.code", msg!("E040", code = &language.code)));
            }
        }
        for (field, keys) in
            [("life_stages", &self.life_stages), ("scenarios", &self.scenarios), ("audiences", &self.audiences)]
        {
            let mut seen = BTreeSet::new();
            for key in keys {
                let position = locator.value(field, key);
                if !is_key(key) {
                    problems.push(error(position, field, msg!("E041", key = key)));
                }
                if !seen.insert(key) {
                    problems.push(error(position, field, msg!("E042", key = key)));
                }
            }
        }
        problems
    }

    /// The code of the source language written in `root`'s site.yaml, read as leniently as
    /// the file allows (its input-method slips corrected, nothing else checked): which
    /// language to speak to the staff in is decided before the guidebook is loaded.
    pub(crate) fn written_source_language(root: &Path) -> Option<String> {
        let text = std::fs::read_to_string(root.join(FILE_NAME)).ok()?;
        let corrected = ime_slips::corrected(&text, &ime_slips::find(&text, 1, &SLIP_KEYS));
        let settings: serde_yaml::Value = ime_slips::deserialize(FILE_NAME, &text, corrected.as_deref()).ok()?;
        let languages = settings.get("languages")?.as_sequence()?;
        let source = languages.iter().find(|l| l.get("source").and_then(serde_yaml::Value::as_bool) == Some(true))?;
        source.get("code")?.as_str().map(str::to_string)
    }

    pub(crate) fn source_language(&self) -> &Language {
        self.languages.iter().find(|l| l.source).expect("validated: one source language")
    }

    pub(crate) fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The `lang` attribute for text written in `text_lang` on a page in `page_lang`, or
    /// None when they are the same: what the site and the search results both mark.
    pub(crate) fn lang_if_different(&self, text_lang: &str, page_lang: &str) -> Option<String> {
        (text_lang != page_lang).then(|| self.language(text_lang).map_or(text_lang, |l| l.tag()).to_string())
    }
}

/// Whether a language code is Japanese (`ja`, and variants such as `ja-easy`): what decides,
/// in every output, line breaking without spaces, furigana and the Japanese checks.
pub(crate) fn is_japanese(code: &str) -> bool {
    code == "ja" || code.starts_with("ja-")
}

/// The extension and media type of a guidebook's own icon: PNG or ICO. Not SVG: an SVG file
/// can hold script, which would run on the site's own address if someone opened the file
/// directly, and site.yaml's picture may come from anyone who edits the guidebook.
pub(crate) fn favicon_type(path: &str) -> Option<(&'static str, &'static str)> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    [("png", "image/png"), ("ico", "image/x-icon")].into_iter().find(|(e, _)| *e == extension)
}

/// Keys and language codes become URL segments and CSS classes: keep them plain.
pub(crate) fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !key.starts_with('-')
}
