//! Theme strings a guidebook defines that nothing shows: a key in `i18n/<lang>.yaml` that
//! is not one of the theme's strings, nor the label of a life stage, scenario or audience in
//! site.yaml. Usually a typo (`serch_label`), which leaves the intended string untranslated.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::guidebook::Guidebook;
use crate::msg;
use crate::theme::Theme;

pub(super) fn run(root: &Path, guidebook: &Guidebook, theme: &Theme) -> Vec<Diagnostic> {
    let config = &guidebook.config;
    let mut known: BTreeSet<String> = theme.string_keys.clone();
    for language in &config.languages {
        if let Some(text) = crate::embedded::i18n(&language.code) {
            known.extend(key_lines(text).into_iter().map(|(key, _)| key));
        }
    }
    for (group, keys) in
        [("life_stages", &config.life_stages), ("scenarios", &config.scenarios), ("audiences", &config.audiences)]
    {
        for key in keys {
            known.insert(crate::i18n::label_key(group, key));
            known.insert(format!("{group}.{key}.description"));
        }
    }
    let mut found = Vec::new();
    for language in &config.languages {
        let name = format!("i18n/{}.yaml", language.code);
        // Problems reading it were reported when the guidebook was loaded.
        let Ok(crate::source::SourceFile { text, .. }) = crate::source::SourceFile::read(root, &root.join(&name))
        else {
            continue;
        };
        for (key, line) in key_lines(&text) {
            if known.contains(&key) || known.iter().any(|k| k.starts_with(&format!("{key}."))) {
                continue;
            }
            let column = text.lines().nth(line - 1).map_or(1, |l| l.len() - l.trim_start().len() + 1);
            found.push(
                Diagnostic::warning(&name, Position::new(line, column), msg!("W019", key = &key))
                    .maybe_hint(did_you_mean(&key, known.iter().map(String::as_str)))
                    .with_source(&text),
            );
        }
    }
    found
}

/// Every leaf key of a YAML file of strings, dotted (`life_stages.healthy.label`), with
/// the line it is written on.
fn key_lines(text: &str) -> Vec<(String, usize)> {
    let mut path: Vec<(usize, String)> = Vec::new();
    let mut keys = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('-') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else { continue };
        let indent = line.len() - trimmed.len();
        while path.last().is_some_and(|(i, _)| *i >= indent) {
            path.pop();
        }
        let key = key.trim().trim_matches(['"', '\'']).to_string();
        let dotted = path.iter().map(|(_, k)| k.as_str()).chain([key.as_str()]).collect::<Vec<_>>().join(".");
        let value = value.trim();
        if value.is_empty() || value.starts_with('#') {
            path.push((indent, key)); // a mapping follows
        } else {
            keys.push((dotted, index + 1));
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_are_dotted_with_their_lines() {
        let text = "# strings\nsearch: 検索\nlife_stages:\n  healthy:\n    label: 元気\n    description: \"x\"\nhome: トップ\n";
        assert_eq!(
            key_lines(text),
            [
                ("search".to_string(), 2),
                ("life_stages.healthy.label".to_string(), 5),
                ("life_stages.healthy.description".to_string(), 6),
                ("home".to_string(), 7)
            ]
        );
    }
}
