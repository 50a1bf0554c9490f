//! data/synonyms.yaml and tebiki's own dictionary/synonyms.yaml: groups of other names for
//! the same thing, as written, with where each group was written (for warnings that point
//! at the guidebook's file). The search index expands them (`search::synonyms`).

use std::path::Path;

use serde_yaml::Value;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::msg;
use crate::source::SourceFile;

pub(super) const BUILT_IN: &str = include_str!("../../dictionary/synonyms.yaml");
pub(super) const FILE_NAME: &str = "data/synonyms.yaml";

/// A group as written, with where it was written (for warnings about the guidebook's file).
pub(crate) struct WrittenGroup {
    pub terms: Vec<String>,
    pub file: String,
    pub line: usize,
}

/// tebiki's groups followed by the guidebook's own.
pub(crate) fn read_synonyms(root: &Path, diagnostics: &Diagnostics) -> Vec<WrittenGroup> {
    let mut groups = parse("dictionary/synonyms.yaml", BUILT_IN, diagnostics);
    let path = root.join(FILE_NAME);
    if path.is_file()
        && let Ok(file) = SourceFile::read(root, &path).map_err(|d| diagnostics.push(d))
    {
        groups.extend(parse(&file.name, &file.text, diagnostics));
    }
    groups
}

/// Reads a list of lists of terms, reporting anything else with its line.
fn parse(file: &str, text: &str, diagnostics: &Diagnostics) -> Vec<WrittenGroup> {
    let value = match crate::yaml::parse(file, text, 1) {
        Ok(value) => value,
        Err(problem) => {
            diagnostics.push(problem.with_source(text));
            return Vec::new();
        }
    };
    let items = match value {
        Value::Sequence(items) => items,
        Value::Null => return Vec::new(),
        other => {
            diagnostics.push(Diagnostic::error(
                file,
                Position::START,
                msg!("E095", found = crate::yaml::describe(&other)),
            ));
            return Vec::new();
        }
    };
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with('-') && !l.starts_with(' '))
        .map(|(i, _)| i + 1)
        .collect();
    let mut groups = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let line = lines.get(index).copied().unwrap_or(1);
        let terms: Option<Vec<String>> =
            item.as_sequence().map(|s| s.iter().filter_map(|t| t.as_str().map(|t| t.trim().to_string())).collect());
        match terms {
            Some(terms) if terms.len() >= 2 && item.as_sequence().is_some_and(|s| s.len() == terms.len()) => {
                groups.push(WrittenGroup { terms, file: file.to_string(), line })
            }
            _ => diagnostics.push(Diagnostic::error(file, Position::new(line, 1), msg!("E096")).with_source(text)),
        }
    }
    groups
}

/// The groups of the guidebook's own data/synonyms.yaml, in the order they are written.
pub(crate) fn own_groups(written: &[WrittenGroup]) -> impl Iterator<Item = &WrittenGroup> {
    written.iter().filter(|g| g.file == FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_file_is_valid() {
        let diagnostics = Diagnostics::new();
        let groups = parse("dictionary/synonyms.yaml", BUILT_IN, &diagnostics);
        assert!(!diagnostics.has_errors());
        assert!(groups.len() >= 10, "{} groups", groups.len());
    }
}
