//! Separating a chapter's YAML front-matter from its Markdown body.

use crate::diagnostics::{Diagnostic, Position};
use crate::msg;
use crate::source::SourceFile;

/// The two parts of a chapter file, as slices of its text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Parts<'a> {
    pub front_matter: &'a str,
    /// File line on which the front-matter text starts (the line after the opening `---`).
    pub front_matter_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file text.
    pub body_offset: usize,
}

pub(super) fn split(file: &SourceFile) -> Result<Parts<'_>, Diagnostic> {
    let text = file.text.as_str();
    let Some(after_open) = text.strip_prefix("---\n").or_else(|| (text.trim_end() == "---").then_some("")) else {
        return Err(Diagnostic::error(&file.name, Position::START, msg!("E013")).with_source(text));
    };
    let open_len = text.len() - after_open.len();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_offset = open_len + offset + line.len();
            return Ok(Parts {
                front_matter: &after_open[..offset],
                front_matter_line: 2,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(&file.name, Position::START, msg!("E014")).with_source(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile { path: "a.md".into(), name: "a.md".into(), text: text.into() }
    }

    #[test]
    fn splits_settings_from_text() {
        let f = file("---\ntitle: あ\n---\n本文\n");
        let parts = split(&f).unwrap();
        assert_eq!(parts.front_matter, "title: あ\n");
        assert_eq!(parts.body, "本文\n");
        assert_eq!(&f.text[parts.body_offset..], "本文\n");
    }

    #[test]
    fn a_file_without_settings_is_reported() {
        let error = split(&file("# 見出し\n")).unwrap_err();
        assert_eq!(error.code(), "E013");
        let error = split(&file("---\ntitle: あ\n本文\n")).unwrap_err();
        assert_eq!(error.code(), "E014");
    }
}
