//! Problems found in a guidebook, collected across every file before the build gives up.
//!
//! Staff who edit chapters are not programmers, so every problem says where it is
//! (file:line:column, in the form editors and CI annotate), which field it concerns, what was
//! expected and what to do about it. The first line of each message keeps the conventional
//! `path:line:column: error: …` shape so terminals and editors make it clickable.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::messages::{Lang, Message};
use crate::msg;
pub(crate) use crate::text_position::Position;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    /// Path relative to the guidebook root, with `/` separators.
    pub(crate) file: String,
    pub(crate) position: Position,
    /// The front-matter key or setting concerned, when there is one.
    pub(crate) field: Option<String>,
    /// What is wrong: the catalogue key is the diagnostic's stable code (`E012`), and its
    /// `.expected` and `.help` attributes say what was expected and what to do.
    pub(crate) message: Message,
    /// Further help found for this case: the key meant by a typo, another way out.
    pub(crate) hints: Vec<Message>,
    /// What a library (the YAML parser, Typst, the file system) said, shown as it said it.
    pub(crate) detail: Option<String>,
    /// The offending source line, shown under the message.
    pub(crate) snippet: Option<String>,
}

impl Diagnostic {
    pub(crate) fn error(file: impl Into<String>, position: Position, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            position,
            field: None,
            message,
            hints: Vec::new(),
            detail: None,
            snippet: None,
        }
    }

    pub(crate) fn warning(file: impl Into<String>, position: Position, message: Message) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, position, message) }
    }

    pub(crate) fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub(crate) fn hint(mut self, hint: Message) -> Self {
        self.hints.push(hint);
        self
    }

    pub(crate) fn maybe_hint(self, hint: Option<Message>) -> Self {
        match hint {
            Some(hint) => self.hint(hint),
            None => self,
        }
    }

    pub(crate) fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Attaches `line`, the source line the position points into (for many problems in one
    /// file, where `with_source` would look for each line from the start of the file).
    pub(crate) fn with_line(mut self, line: &str) -> Self {
        self.snippet = Some(line.to_string());
        self
    }

    /// Attaches the source line the position points into, so the reader sees the mistake.
    pub(crate) fn with_source(mut self, source: &str) -> Self {
        if let Some(line) = source.lines().nth(self.position.line.saturating_sub(1)) {
            self.snippet = Some(line.to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable code staff can look up in the README (`E012`).
    pub(crate) fn code(&self) -> &'static str {
        self.message.key
    }

    /// What is wrong, in `lang`.
    pub(crate) fn text(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    /// What was expected, in `lang`, when the catalogue says.
    pub(crate) fn expected(&self, lang: Lang) -> Option<String> {
        self.message.attribute(lang, "expected")
    }

    /// What to do, in `lang`: the catalogue's help for the code, then the hints found.
    pub(crate) fn help(&self, lang: Lang) -> Vec<String> {
        let general = self.message.attribute(lang, "help");
        general.into_iter().chain(self.hints.iter().map(|h| h.text(lang))).collect()
    }

    /// The severity as a word in `lang`.
    pub(crate) fn severity_label(&self, lang: Lang) -> String {
        match self.severity {
            Severity::Error => msg!("label-error").text(lang),
            Severity::Warning => msg!("label-warning").text(lang),
        }
    }

    /// The source line and a caret under the column, as two lines of the same width so that
    /// a fixed-width font lines them up: wide characters are padded with an ideographic
    /// space.
    pub(crate) fn source_and_caret(&self) -> Option<(String, String)> {
        let snippet = self.snippet.as_ref()?;
        let gutter = self.position.line.to_string();
        let pad: String = snippet
            .chars()
            .take(self.position.column.saturating_sub(1))
            .map(|c| {
                if c == '\t' {
                    '\t'
                } else if is_wide(c) {
                    '\u{3000}'
                } else {
                    ' '
                }
            })
            .collect();
        Some((format!("{gutter} | {snippet}"), format!("{} | {pad}^", " ".repeat(gutter.len()))))
    }

    /// The problem as text for a terminal, in `lang`. The first line keeps the conventional
    /// `path:line:column: error[E012]: …` shape, which editors make clickable.
    pub fn render(&self, lang: Lang) -> String {
        let Position { line, column } = self.position;
        let mut out = format!("{}:{line}:{column}: {}[{}]: ", self.file, self.severity_label(lang), self.code());
        if let Some(field) = &self.field {
            out.push_str(&format!("{field}: "));
        }
        out.push_str(&self.text(lang));
        out.push('\n');
        if let Some((source, caret)) = self.source_and_caret() {
            out.push_str(&format!("  {source}\n  {caret}\n"));
        }
        for (label, text) in self.notes(lang) {
            out.push_str(&format!("  {label}: {text}\n"));
        }
        out
    }

    /// The lines under the message, each with its label in `lang`: what was expected, what
    /// to do, and what a library said.
    pub(crate) fn notes(&self, lang: Lang) -> Vec<(String, String)> {
        let mut notes = Vec::new();
        if let Some(expected) = self.expected(lang) {
            notes.push((msg!("label-expected").text(lang), expected));
        }
        for help in self.help(lang) {
            notes.push((msg!("label-help").text(lang), help));
        }
        if let Some(detail) = &self.detail {
            notes.push((msg!("label-detail").text(lang), detail.clone()));
        }
        notes
    }
}

/// Full-width characters take two columns in a terminal; pad under them with an
/// ideographic space so the caret lines up under Japanese text.
fn is_wide(c: char) -> bool {
    crate::japanese::is_east_asian_wide(c) || matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Collects diagnostics from many files, possibly from several threads at once.
#[derive(Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn push(&self, diagnostic: Diagnostic) {
        self.items.lock().expect("diagnostics lock").push(diagnostic);
    }

    pub(crate) fn extend(&self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.lock().expect("diagnostics lock").extend(diagnostics);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.items.lock().expect("diagnostics lock").iter().any(Diagnostic::is_error)
    }

    /// All diagnostics in a stable order: by file, then position, then text, so that the
    /// report reads top to bottom and two runs print the same thing.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().expect("diagnostics lock");
        items.sort_by(|a, b| {
            (&a.file, a.position, a.severity, &a.message, &a.hints)
                .cmp(&(&b.file, b.position, b.severity, &b.message, &b.hints))
        });
        items.dedup();
        items
    }
}

/// Path of `path` relative to `root`, with forward slashes, for messages.
pub(crate) fn display_path(root: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf());
    relative.to_string_lossy().replace('\\', "/")
}

/// "did you mean `x`?" for a mistyped key, or None when nothing is close enough.
pub(crate) fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Message> {
    closest(typed, candidates).map(|best| msg!("hint-did-you-mean", candidate = best))
}

/// The candidate closest to `typed`, if it is plausibly a typo of it.
pub(crate) fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(&typed_lower, &candidate.to_lowercase()), candidate))
        .filter(|(distance, candidate)| {
            let longest = typed.chars().count().max(candidate.chars().count());
            *distance <= (longest / 3).max(1)
        })
        .min()
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let stages = ["healthy", "frail", "needs-care", "hospital", "end-of-life"];
        assert_eq!(did_you_mean("end-of-lfe", stages), Some(msg!("hint-did-you-mean", candidate = "end-of-life")));
        assert_eq!(did_you_mean("banana", stages), None);
    }

    #[test]
    fn message_names_file_line_column_code_field_and_help() {
        let source = "---\nlife_stages: [end-of-lfe]\n---\n";
        let d = Diagnostic::error(
            "content/ja/a.md",
            Position::new(2, 15),
            msg!(
                "E022",
                what = msg!("what-life-stage"),
                name = "end-of-lfe",
                count = 2,
                known = "healthy, end-of-life",
                defined_in = "site.yaml"
            ),
        )
        .field("life_stages")
        .maybe_hint(did_you_mean("end-of-lfe", ["healthy", "end-of-life"]))
        .with_source(source);
        let text = d.render(Lang::En);
        assert!(
            text.starts_with("content/ja/a.md:2:15: error[E022]: life_stages: unknown life stage `end-of-lfe`\n"),
            "{text}"
        );
        assert!(text.contains("  2 | life_stages: [end-of-lfe]\n"));
        assert!(text.contains("    |               ^\n"));
        assert!(text.contains("help: did you mean `end-of-life`?"));
        let japanese = d.render(Lang::Ja);
        assert!(japanese.starts_with("content/ja/a.md:2:15: エラー[E022]: life_stages: "), "{japanese}");
        assert!(japanese.contains("end-of-life"), "{japanese}");
    }

    #[test]
    fn the_caret_lines_up_under_japanese_text() {
        let d = Diagnostic::error("a.md", Position::new(3, 4), msg!("E001")).with_line("受付：9時");
        let (source, caret) = d.source_and_caret().unwrap();
        assert_eq!(source, "3 | 受付：9時");
        assert_eq!(caret, "  | \u{3000}\u{3000}\u{3000}^");
    }
}
