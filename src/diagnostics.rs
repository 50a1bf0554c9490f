//! Problems found in a guidebook, collected across every file before the build gives up.
//!
//! Staff who edit chapters are not programmers, so every problem says where it is
//! (file:line:column, in the form editors and CI annotate), which field it concerns, what was
//! expected and what to do about it. The first line of each message keeps the conventional
//! `path:line:column: error: …` shape so terminals and editors make it clickable.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file, 1-based, columns counted in characters (not bytes) so that Japanese
/// text points at the right character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the guidebook root, with `/` separators.
    pub file: String,
    pub position: Position,
    /// The front-matter key or setting concerned, when there is one.
    pub field: Option<String>,
    pub message: String,
    pub expected: Option<String>,
    pub suggestion: Option<String>,
    /// The offending source line, shown under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            position,
            field: None,
            message: message.into(),
            expected: None,
            suggestion: None,
            snippet: None,
        }
    }

    pub fn warning(file: impl Into<String>, position: Position, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, position, message) }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    pub fn suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    pub fn maybe_suggestion(self, suggestion: Option<String>) -> Self {
        match suggestion {
            Some(s) => self.suggestion(s),
            None => self,
        }
    }

    /// Attaches `line`, the source line the position points into (for many problems in one
    /// file, where `with_source` would look for each line from the start of the file).
    pub fn with_line(mut self, line: &str) -> Self {
        self.snippet = Some(line.to_string());
        self
    }

    /// Attaches the source line the position points into, so the reader sees the mistake.
    pub fn with_source(mut self, source: &str) -> Self {
        if let Some(line) = source.lines().nth(self.position.line.saturating_sub(1)) {
            self.snippet = Some(line.to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let Position { line, column } = self.position;
        write!(f, "{}:{line}:{column}: {label}: ", self.file)?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        writeln!(f, "{}", self.message)?;
        if let Some(snippet) = &self.snippet {
            let gutter = line.to_string();
            writeln!(f, "  {gutter} | {snippet}")?;
            let pad: String = snippet
                .chars()
                .take(column.saturating_sub(1))
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
            writeln!(f, "  {} | {pad}^", " ".repeat(gutter.len()))?;
        }
        if let Some(expected) = &self.expected {
            writeln!(f, "  expected: {expected}")?;
        }
        if let Some(suggestion) = &self.suggestion {
            writeln!(f, "  help: {suggestion}")?;
        }
        Ok(())
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

    pub fn push(&self, diagnostic: Diagnostic) {
        self.items.lock().expect("diagnostics lock").push(diagnostic);
    }

    pub fn extend(&self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.lock().expect("diagnostics lock").extend(diagnostics);
    }

    pub fn has_errors(&self) -> bool {
        self.items.lock().expect("diagnostics lock").iter().any(Diagnostic::is_error)
    }

    /// All diagnostics in a stable order: by file, then position, then text, so that the
    /// report reads top to bottom and two runs print the same thing.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().expect("diagnostics lock");
        items.sort_by(|a, b| {
            (&a.file, a.position, a.severity, &a.message).cmp(&(&b.file, b.position, b.severity, &b.message))
        });
        items.dedup();
        items
    }
}

/// Path of `path` relative to `root`, with forward slashes, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf());
    relative.to_string_lossy().replace('\\', "/")
}

/// "did you mean `x`?" for a mistyped key, or None when nothing is close enough.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(typed, candidates).map(|best| format!("did you mean `{best}`?"))
}

/// The candidate closest to `typed`, if it is plausibly a typo of it.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
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
        assert_eq!(did_you_mean("end-of-lfe", stages).as_deref(), Some("did you mean `end-of-life`?"));
        assert_eq!(did_you_mean("banana", stages), None);
    }

    #[test]
    fn message_names_file_line_column_field_and_help() {
        let source = "---\nlife_stages: [end-of-lfe]\n---\n";
        let d = Diagnostic::error("content/ja/a.md", Position::new(2, 15), "unknown life stage `end-of-lfe`")
            .field("life_stages")
            .expected("one of healthy, end-of-life")
            .suggestion("did you mean `end-of-life`?")
            .with_source(source);
        let text = d.to_string();
        assert!(text.starts_with("content/ja/a.md:2:15: error: life_stages: unknown life stage `end-of-lfe`\n"));
        assert!(text.contains("  2 | life_stages: [end-of-lfe]\n"));
        assert!(text.contains("    |               ^\n"));
        assert!(text.contains("help: did you mean `end-of-life`?"));
    }
}
