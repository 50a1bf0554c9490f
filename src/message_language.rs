//! Which language tebiki speaks to staff in.
//!
//! In order: `--messages`, then `TEBIKI_MESSAGES`, then the guidebook's source language
//! (Japanese for a guidebook written in Japanese), then the system's language settings
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`) when there is no guidebook to read yet (`init`, or a
//! site.yaml that does not parse). With none of them, Japanese: tebiki's staff read Japanese.

use std::path::Path;

use crate::messages::Lang;

/// What the choice is made from, read once from the command line and the environment.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    /// `--messages ja|en`.
    pub flag: Option<Lang>,
    /// `TEBIKI_MESSAGES`, as set.
    pub environment: Option<String>,
    /// `LC_ALL`, `LC_MESSAGES` and `LANG`, as set, in that order.
    pub locale: [Option<String>; 3],
}

impl Choice {
    /// The choice as this process's environment makes it, with the `--messages` given.
    pub fn from_environment(flag: Option<Lang>) -> Choice {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Choice { flag, environment: var("TEBIKI_MESSAGES"), locale: [var("LC_ALL"), var("LC_MESSAGES"), var("LANG")] }
    }

    /// The language for the guidebook at `root` (or for no guidebook).
    pub fn resolve(&self, root: Option<&Path>) -> Lang {
        self.flag
            .or_else(|| self.environment.as_deref().and_then(parse_lang))
            .or_else(|| root.and_then(guidebook_language))
            .unwrap_or_else(|| from_locale(&self.locale))
    }

    /// `TEBIKI_MESSAGES` when it names no language tebiki speaks, to say so.
    pub fn unknown_environment(&self) -> Option<&str> {
        self.environment.as_deref().filter(|v| parse_lang(v).is_none())
    }
}

/// `ja` or `en` (any case, a region allowed: `ja-JP`, `en_US`).
pub fn parse_lang(text: &str) -> Option<Lang> {
    let primary = text.split(['-', '_', '.']).next().unwrap_or_default().to_ascii_lowercase();
    match primary.as_str() {
        "ja" => Some(Lang::Ja),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language of the first locale variable set: Japanese for `ja_JP.UTF-8`, English for
/// any other (`C`, `en_US.UTF-8`, `de_DE`), Japanese when none is set.
pub(crate) fn from_locale(locale: &[Option<String>; 3]) -> Lang {
    match locale.iter().flatten().next() {
        Some(value) if value.to_ascii_lowercase().starts_with("ja") => Lang::Ja,
        Some(_) => Lang::En,
        None => Lang::Ja,
    }
}

/// Japanese for a guidebook whose source language is Japanese (ja, ja-easy), English for
/// one written in another language; None when its site.yaml cannot be read.
fn guidebook_language(root: &Path) -> Option<Lang> {
    let code = crate::config::SiteConfig::written_source_language(root)?;
    Some(if crate::config::is_japanese(&code) { Lang::Ja } else { Lang::En })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(all: Option<&str>, messages: Option<&str>, lang: Option<&str>) -> [Option<String>; 3] {
        [all, messages, lang].map(|v| v.map(str::to_string))
    }

    #[test]
    fn the_first_locale_variable_set_decides_and_none_means_japanese() {
        assert_eq!(from_locale(&locale(None, None, None)), Lang::Ja);
        assert_eq!(from_locale(&locale(None, None, Some("ja_JP.UTF-8"))), Lang::Ja);
        assert_eq!(from_locale(&locale(None, None, Some("C.UTF-8"))), Lang::En);
        assert_eq!(from_locale(&locale(Some("en_US.UTF-8"), None, Some("ja_JP.UTF-8"))), Lang::En);
        assert_eq!(from_locale(&locale(None, Some("ja_JP"), Some("en_US"))), Lang::Ja);
    }

    #[test]
    fn the_flag_beats_the_environment_which_beats_the_guidebook() {
        let guidebook = tempfile::tempdir().unwrap();
        std::fs::write(
            guidebook.path().join("site.yaml"),
            "base_url: https://example.jp/\nlanguages:\n  - code: en\n  - code: ja\n    source: true\n",
        )
        .unwrap();
        let mut choice = Choice { locale: locale(None, None, Some("en_US.UTF-8")), ..Choice::default() };
        assert_eq!(choice.resolve(Some(guidebook.path())), Lang::Ja, "a Japanese guidebook");
        assert_eq!(choice.resolve(None), Lang::En, "no guidebook: the locale");
        choice.environment = Some("en".into());
        assert_eq!(choice.resolve(Some(guidebook.path())), Lang::En);
        choice.flag = Some(Lang::Ja);
        assert_eq!(choice.resolve(Some(guidebook.path())), Lang::Ja);
        choice = Choice { environment: Some("fr".into()), ..Choice::default() };
        assert_eq!(choice.unknown_environment(), Some("fr"));
        assert_eq!(choice.resolve(None), Lang::Ja);
    }

    #[test]
    fn a_site_yaml_that_does_not_parse_leaves_the_choice_to_the_locale() {
        let guidebook = tempfile::tempdir().unwrap();
        std::fs::write(guidebook.path().join("site.yaml"), "languages: [\n").unwrap();
        let choice = Choice { locale: locale(None, None, Some("en_GB.UTF-8")), ..Choice::default() };
        assert_eq!(choice.resolve(Some(guidebook.path())), Lang::En);
    }
}
