//! The theme's words in every language: `i18n/<lang>.yaml`, over the defaults built in.
//!
//! Each language's strings are the built-in defaults for that language (the files in this
//! repository's i18n/ folder, compiled in), overlaid by the guidebook's own
//! `i18n/<lang>.yaml`. A string missing in a language falls back to the source language
//! with a warning, so a half-translated theme still builds and nothing is blank.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::msg;
use crate::source::SourceFile;

pub(crate) type Strings = BTreeMap<String, String>;

#[derive(Debug, Default)]
pub(crate) struct I18n {
    by_language: BTreeMap<String, Strings>,
}

impl I18n {
    pub(crate) fn load(root: &Path, config: &SiteConfig, diagnostics: &Diagnostics) -> I18n {
        let source = config.source_language().code.as_str();
        let mut by_language: BTreeMap<String, Strings> = BTreeMap::new();
        for language in &config.languages {
            let mut strings = Strings::new();
            if let Some(text) = crate::embedded::i18n(&language.code) {
                flatten("", &serde_yaml::from_str(text).expect("built-in i18n is valid YAML"), &mut strings);
            }
            let path = root.join("i18n").join(format!("{}.yaml", language.code));
            if path.is_file()
                && let Some(own) = read_strings(root, &path, diagnostics)
            {
                strings.extend(own);
            }
            by_language.insert(language.code.clone(), strings);
        }
        let source_strings = by_language.get(source).cloned().unwrap_or_default();
        check_taxonomy_labels(config, &source_strings, diagnostics);
        for language in &config.languages {
            let strings = by_language.get_mut(&language.code).expect("inserted above");
            let missing: Vec<&String> = source_strings.keys().filter(|k| !strings.contains_key(*k)).collect();
            if !missing.is_empty() && language.code != source {
                let file = format!("i18n/{}.yaml", language.code);
                let message = if strings.is_empty() {
                    msg!("W002", file = &file, count = missing.len(), source = source)
                } else {
                    let names: Vec<&str> = missing.iter().take(8).map(|k| k.as_str()).collect();
                    msg!(
                        "W003",
                        count = missing.len(),
                        source = source,
                        names = names.join(", "),
                        more = missing.len().saturating_sub(8)
                    )
                };
                diagnostics.push(Diagnostic::warning(file, Position::START, message));
                for key in missing {
                    strings.insert(key.clone(), source_strings[key].clone());
                }
            }
        }
        I18n { by_language }
    }

    /// Every string of the theme in `lang`, fallbacks included.
    pub(crate) fn strings(&self, lang: &str) -> &Strings {
        &self.by_language[lang]
    }

    /// One string, or the key itself (so a missing label is visible rather than blank).
    pub(crate) fn get(&self, lang: &str, key: &str) -> String {
        self.by_language.get(lang).and_then(|s| s.get(key)).map_or_else(|| key.to_string(), String::clone)
    }

    /// The label of a life stage, scenario or audience (`group` is `life_stages`,
    /// `scenarios` or `audiences`) in `lang`.
    pub(crate) fn label(&self, lang: &str, group: &str, key: &str) -> String {
        self.get(lang, &label_key(group, key))
    }

    /// A `YYYY-MM-DD` date written the way the language writes dates, from its
    /// `date_format` (with {y} {m} {d} {month}) and `months` strings.
    pub(crate) fn format_date(&self, lang: &str, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().unwrap_or(0));
        let (y, m, d) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        let months = self.get(lang, "months");
        let month = months.split_whitespace().nth(m.saturating_sub(1) as usize).unwrap_or("");
        self.get(lang, "date_format")
            .replace("{y}", &y.to_string())
            .replace("{m}", &m.to_string())
            .replace("{d}", &d.to_string())
            .replace("{month}", month)
    }
}

fn read_strings(root: &Path, path: &Path, diagnostics: &Diagnostics) -> Option<Strings> {
    let file = SourceFile::read(root, path).map_err(|d| diagnostics.push(d)).ok()?;
    let value =
        crate::yaml::parse(&file.name, &file.text, 1).map_err(|d| diagnostics.push(d.with_source(&file.text))).ok()?;
    if !matches!(value, Value::Mapping(_) | Value::Null) {
        diagnostics.push(Diagnostic::error(&file.name, Position::START, msg!("E090")));
        return None;
    }
    let mut strings = Strings::new();
    flatten("", &value, &mut strings);
    Some(strings)
}

/// Nested mappings become dotted keys: `life_stages: {healthy: {label: …}}` is
/// `life_stages.healthy.label`.
fn flatten(prefix: &str, value: &Value, out: &mut Strings) {
    match value {
        Value::Mapping(mapping) => {
            for (key, value) in crate::yaml::keys(mapping) {
                let key = if prefix.is_empty() { key } else { format!("{prefix}.{key}") };
                flatten(&key, value, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        Value::Number(n) => {
            out.insert(prefix.to_string(), n.to_string());
        }
        Value::Bool(b) => {
            out.insert(prefix.to_string(), b.to_string());
        }
        Value::Null | Value::Sequence(_) | Value::Tagged(_) => {}
    }
}

/// Every life stage, scenario and audience in site.yaml needs a label in the source language.
fn check_taxonomy_labels(config: &SiteConfig, source_strings: &Strings, diagnostics: &Diagnostics) {
    let source = &config.source_language().code;
    let groups =
        [("life_stages", &config.life_stages), ("scenarios", &config.scenarios), ("audiences", &config.audiences)];
    for (group, keys) in groups {
        for key in keys {
            let label = label_key(group, key);
            if !source_strings.contains_key(&label) {
                diagnostics.push(
                    Diagnostic::error(
                        format!("i18n/{source}.yaml"),
                        Position::START,
                        msg!("E091", key = key, group = group),
                    )
                    .field(label.clone()),
                );
            }
        }
    }
}

/// Where the label of a term is kept in i18n/<lang>.yaml: `life_stages.healthy.label`.
pub(crate) fn label_key(group: &str, key: &str) -> String {
    format!("{group}.{key}.label")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_are_flattened_with_dots() {
        let value: Value = serde_yaml::from_str("a: x\nlife_stages:\n  healthy:\n    label: 元気\n").unwrap();
        let mut out = Strings::new();
        flatten("", &value, &mut out);
        assert_eq!(out.get("life_stages.healthy.label").map(String::as_str), Some("元気"));
        assert_eq!(out.get("a").map(String::as_str), Some("x"));
    }

    #[test]
    fn dates_follow_the_language_pattern() {
        let mut i18n = I18n::default();
        let ja: Strings = [("date_format", "{y}年{m}月{d}日")].map(|(k, v)| (k.into(), v.into())).into();
        let en: Strings = [("date_format", "{d} {month} {y}"), ("months", "January February March April")]
            .map(|(k, v)| (k.into(), v.into()))
            .into();
        i18n.by_language.insert("ja".into(), ja);
        i18n.by_language.insert("en".into(), en);
        assert_eq!(i18n.format_date("ja", "2026-04-01"), "2026年4月1日");
        assert_eq!(i18n.format_date("en", "2026-04-01"), "1 April 2026");
    }
}
