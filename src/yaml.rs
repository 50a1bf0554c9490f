//! YAML documents with positions, so that every problem can point at its line and column.
//!
//! serde_yaml reports a position only for syntax errors and the first type error, and a
//! `Value` carries none. Front-matter and settings are small, so a `Locator` recovers
//! positions from the text itself: the line of a top-level key, and where a given value is
//! written within that key's block. That lets validation check every field and report every
//! problem, instead of stopping at the first one.

use serde_yaml::{Mapping, Value};

use crate::diagnostics::{Diagnostic, Position};
use crate::messages::Message;
use crate::msg;

/// Deeper than this, YAML is refused before it is parsed: tebiki's own files nest three or
/// four levels, and the parser takes time out of all proportion on very deep nesting.
pub(crate) const MAX_NESTING: usize = 64;

/// Parses YAML text that starts at `first_line` of the file named `file`.
pub(crate) fn parse(file: &str, text: &str, first_line: usize) -> Result<Value, Diagnostic> {
    check_nesting(file, text, first_line)?;
    serde_yaml::from_str::<Value>(text).map_err(|error| {
        let (position, detail) = serde_place(&error, first_line);
        let hint = syntax_hint(text, position.line + 1 - first_line);
        Diagnostic::error(file, position, msg!("E020")).hint(hint).detail(detail)
    })
}

/// Reads a whole settings file straight into a typed structure. serde reports only the
/// first problem, which is enough for files edited rarely (site.yaml, contacts).
pub(crate) fn deserialize<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    check_nesting(file, text, 1)?;
    serde_yaml::from_str(text).map_err(|error| {
        let (position, detail) = serde_place(&error, 1);
        settings_problem(file, position, detail).with_source(text)
    })
}

/// Refuses text nested deeper than `MAX_NESTING`, found in one pass over it: brackets of
/// flow lists and maps (outside quotes and comments), indentation, and `- ` or `? ` items
/// written on the same line.
fn check_nesting(file: &str, text: &str, first_line: usize) -> Result<(), Diagnostic> {
    let mut flow = 0usize;
    let mut indents: Vec<usize> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        let mut depth_here = 0;
        if flow == 0 && !content.is_empty() && !content.starts_with('#') {
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
            let mut rest = content;
            while let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("? ")) {
                depth_here += 1;
                rest = after.trim_start_matches(' ');
            }
        }
        let (mut quote, mut previous) = (None, ' ');
        for (column, c) in line.char_indices() {
            match (quote, c) {
                (Some('"'), '\\') if previous != '\\' => {}
                (Some(q), c) if c == q && !(q == '"' && previous == '\\') => quote = None,
                (Some(_), _) => {}
                (None, '#') if previous == ' ' || column == 0 => break,
                (None, '"' | '\'') if flow > 0 || previous == ' ' || column == 0 => quote = Some(c),
                (None, '[' | '{') => flow += 1,
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                _ => {}
            }
            previous = if previous == '\\' && c == '\\' { ' ' } else { c };
            if indents.len() + depth_here + flow > MAX_NESTING {
                let position = Position::new(first_line + index, line[..column].chars().count() + 1);
                return Err(Diagnostic::error(file, position, msg!("E021", levels = MAX_NESTING)));
            }
        }
    }
    Ok(())
}

/// A settings file that serde could not read into its structure, said in staff's words
/// where serde's message is one tebiki knows ("unknown field `languges`, expected one of
/// `languages`, …", "missing field `base_url`"), and with serde's own words otherwise.
fn settings_problem(file: &str, position: Position, detail: String) -> Diagnostic {
    if let Some(rest) = detail.strip_prefix("unknown field `")
        && let Some((typed, rest)) = rest.split_once('`')
    {
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Diagnostic::error(file, position, msg!("E032", key = typed, keys = candidates.join(", ")))
            .field(typed)
            .maybe_hint(crate::diagnostics::did_you_mean(typed, candidates));
    }
    if let Some(rest) = detail.strip_prefix("missing field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return Diagnostic::error(file, position, msg!("E033", key = key)).field(key);
    }
    Diagnostic::error(file, position, msg!("E031")).detail(detail)
}

/// Where a serde_yaml error is, and its message without the place it appends.
fn serde_place(error: &serde_yaml::Error, first_line: usize) -> (Position, String) {
    let position = error
        .location()
        .map(|l| Position::new(l.line() + first_line - 1, l.column()))
        .unwrap_or(Position::new(first_line, 1));
    let message = error.to_string();
    // serde_yaml appends " at line X column Y"; the position is already in the prefix.
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    (position, message)
}

/// The usual mistakes behind a YAML syntax error, in plain words.
fn syntax_hint(text: &str, line: usize) -> Message {
    let offending = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    if offending.contains('\t') {
        msg!("hint-yaml-tabs")
    } else if offending.matches(':').count() > 1 || offending.contains(": ") && offending.contains('#') {
        msg!("hint-yaml-quotes")
    } else {
        msg!("hint-yaml-lines")
    }
}

/// Finds where keys and values are written in a YAML text.
pub(crate) struct Locator<'a> {
    lines: Vec<&'a str>,
    /// File line number of the first line of `text`.
    first_line: usize,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str, first_line: usize) -> Self {
        Locator { lines: text.lines().collect(), first_line }
    }

    fn position(&self, index: usize, byte: usize) -> Position {
        let column = self.lines[index][..byte].chars().count() + 1;
        Position::new(index + self.first_line, column)
    }

    /// Index of the line where top-level `key:` is written.
    fn key_line(&self, key: &str) -> Option<usize> {
        self.lines.iter().position(|line| line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
    }

    /// Where top-level `key` is written, or the start of the text if it is not.
    pub(crate) fn key(&self, key: &str) -> Position {
        self.key_line(key).map_or(Position::new(self.first_line, 1), |i| self.position(i, 0))
    }

    /// Where `needle` is first written inside the block of top-level `key` (its line and the
    /// indented lines after it), or the key itself when the needle is not found.
    pub(crate) fn value(&self, key: &str, needle: &str) -> Position {
        let Some(start) = self.key_line(key) else {
            return Position::new(self.first_line, 1);
        };
        let value_start = self.lines[start].find(':').map_or(0, |i| i + 1);
        if let Some(found) = self.lines[start][value_start..].find(needle) {
            return self.position(start, value_start + found);
        }
        for index in start + 1..self.lines.len() {
            let line = self.lines[index];
            if !line.starts_with([' ', '\t', '-']) && !line.trim().is_empty() {
                break;
            }
            if let Some(found) = line.find(needle) {
                return self.position(index, found);
            }
        }
        self.key(key)
    }

    /// Where `needle` is first written anywhere at or after the line of `after`.
    pub(crate) fn anywhere(&self, needle: &str, after: Position) -> Position {
        let from = after.line.saturating_sub(self.first_line);
        (from..self.lines.len()).find_map(|i| self.lines[i].find(needle).map(|b| self.position(i, b))).unwrap_or(after)
    }
}

/// How a YAML value is described to a person ("found a list").
pub(crate) fn describe(value: &Value) -> Message {
    match value {
        Value::Null => msg!("value-nothing"),
        Value::Bool(b) => msg!("value-yes-no", value = b.to_string()),
        Value::Number(n) => msg!("value-number", number = n.to_string()),
        Value::String(s) => msg!("value-text", text = s),
        Value::Sequence(_) => msg!("value-list"),
        Value::Mapping(_) => msg!("value-group"),
        Value::Tagged(t) => msg!("value-tagged", tag = t.tag.to_string()),
    }
}

/// Keys of a mapping as text, in the order written; non-text keys are shown as YAML.
pub(crate) fn keys(mapping: &Mapping) -> impl Iterator<Item = (String, &Value)> {
    mapping.iter().map(|(key, value)| {
        let name = match key {
            Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
        };
        (name, value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    const FRONT: &str = "title: あ\nlife_stages: [healthy, end-of-lfe]\nscenarios:\n  - living-alon\norder: 1\n";

    #[test]
    fn finds_values_in_flow_and_block_lists() {
        let locator = Locator::new(FRONT, 2);
        assert_eq!(locator.key("order"), Position::new(6, 1));
        assert_eq!(locator.value("life_stages", "end-of-lfe"), Position::new(3, 24));
        assert_eq!(locator.value("scenarios", "living-alon"), Position::new(5, 5));
        assert_eq!(locator.value("title", "あ"), Position::new(2, 8));
    }

    #[test]
    fn unknown_settings_get_the_nearest_name() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Settings {
            base_url: String,
            languages: Vec<String>,
        }
        let error = deserialize::<Settings>("site.yaml", "base_url: x\nlanguges: []\n").unwrap_err();
        assert_eq!(error.position, Position::new(2, 1));
        assert_eq!(error.code(), "E032");
        assert_eq!(error.help(Lang::En), ["did you mean `languages`?"]);
    }

    #[test]
    fn deep_nesting_is_refused_before_the_parser_sees_it() {
        let deep = format!("title: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse("a.md", &deep, 2).unwrap_err();
        assert_eq!(error.position, Position::new(2, 7 + MAX_NESTING), "the bracket that goes one level too deep");
        assert_eq!(error.code(), "E021");
        let dashes = format!("list:\n{}x\n", "- ".repeat(200));
        assert_eq!(parse("a.md", &dashes, 1).unwrap_err().code(), "E021");
        let indented: String = (0..200).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
        assert_eq!(parse("a.md", &indented, 1).unwrap_err().code(), "E021");
        // Brackets in quotes and comments are text.
        let text = format!("title: \"{}\" # {}\nsummary: '{}'\n", "[".repeat(100), "{".repeat(100), "[".repeat(100));
        assert!(parse("a.md", &text, 1).is_ok());
        assert!(parse("a.md", "a:\n  b:\n    - [1, {c: [2]}]\n", 1).is_ok());
    }

    #[test]
    fn syntax_errors_point_into_the_file() {
        let error = parse("a.md", "title: a\n  bad: [\n", 2).unwrap_err();
        assert_eq!(error.file, "a.md");
        assert!(error.position.line >= 2, "{error:?}");
        assert_eq!(error.code(), "E020");
        assert!(error.detail.is_some(), "the parser's words are kept: {error:?}");
    }
}
