//! The slips a Japanese input method makes in the YAML staff write (a chapter's
//! front-matter, site.yaml, data/contacts.yaml), found in the text before the YAML parser
//! sees it.
//!
//! With the IME on, `：` comes out for `:`, `　` for a space, `ー` for `-`, `、` for `,`,
//! `［］` for `[]`, full-width digits for digits, and a date the way Japanese forms write it.
//! The parser then fails a line too late, or reads the slip as a value (a life stage called
//! `healthy、frail`). Each slip is found here at its own line and column, with the text to
//! write instead. A slip is data (`Slip`); words for it are chosen where it is reported.

use unicode_normalization::UnicodeNormalization;

use crate::diagnostics::{Diagnostic, Position};
use crate::msg;

/// One slip: where it is, what it is, and the line or value as it should be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Slip {
    pub position: Position,
    pub kind: SlipKind,
    /// The corrected text to offer: the whole line, or the value for a date or number.
    pub fixed: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SlipKind {
    /// `key：` where `key:` was meant, for a key tebiki knows.
    FullWidthColon { key: String },
    /// `　` in the indentation, or right after a list's `-`.
    FullWidthSpace,
    /// A list item started with `ー` or `－` rather than `-`.
    ListDash { dash: char },
    /// `、` (or `，`) between the items of a list.
    ListComma { comma: char },
    /// `［` or `］` around a list.
    FullWidthBracket { bracket: char },
    /// A value in “curly quotes”.
    CurlyQuotes,
    /// A number written with full-width digits.
    FullWidthDigits { key: String },
    /// A date written another way than YYYY-MM-DD that can be read: 2026/4/1, 令和8年4月1日.
    Date { key: String, written: String },
}

impl Slip {
    /// The slip as the problem reported to the editor, in `file`.
    pub(crate) fn problem(&self, file: &str) -> Diagnostic {
        let fixed = self.fixed.as_str();
        let (message, field) = match &self.kind {
            SlipKind::FullWidthColon { key } => (msg!("E023", key = key, fixed = fixed), Some(key)),
            SlipKind::FullWidthSpace => (msg!("E024", fixed = fixed), None),
            SlipKind::ListDash { dash } => (msg!("E025", dash = dash.to_string(), fixed = fixed), None),
            SlipKind::ListComma { comma } => (msg!("E026", comma = comma.to_string(), fixed = fixed), None),
            SlipKind::FullWidthBracket { bracket } => {
                (msg!("E027", bracket = bracket.to_string(), fixed = fixed), None)
            }
            SlipKind::CurlyQuotes => (msg!("E028", fixed = fixed), None),
            SlipKind::FullWidthDigits { key } => (msg!("E029", key = key, fixed = fixed), Some(key)),
            SlipKind::Date { key, written } => (msg!("E030", key = key, written = written, fixed = fixed), Some(key)),
        };
        let problem = Diagnostic::error(file, self.position, message);
        match field {
            Some(key) => problem.field(key.clone()),
            None => problem,
        }
    }
}

/// `text` with every slip that names the line to write instead corrected, when there is one:
/// what the file says once the slips are fixed, so that the rest of the guidebook can be
/// checked against it instead of failing for want of it.
pub(crate) fn corrected(text: &str, slips: &[Slip]) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut changed = false;
    for slip in slips {
        let whole_line = !matches!(slip.kind, SlipKind::FullWidthDigits { .. } | SlipKind::Date { .. });
        if let Some(line) = lines.get_mut(slip.position.line.wrapping_sub(1)).filter(|_| whole_line) {
            *line = slip.fixed.clone();
            changed = true;
        }
    }
    changed.then(|| lines.join("\n") + "\n")
}

/// The slips in a whole file (site.yaml, data/contacts.yaml) as problems, each with its
/// line, and the file's text with them corrected when there are any (see `corrected`).
pub(crate) fn in_file(file: &str, text: &str, keys: &Keys) -> (Vec<Diagnostic>, Option<String>) {
    let slips = find(text, 1, keys);
    let problems = slips.iter().map(|slip| slip.problem(file).with_source(text)).collect();
    (problems, corrected(text, &slips))
}

/// `deserialize` for a file with slips: when the text as written cannot be read, the text
/// with its slips corrected is read instead, and the parser's error kept for when that
/// fails too.
pub(crate) fn deserialize<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    corrected: Option<&str>,
) -> Result<T, Diagnostic> {
    crate::yaml::deserialize(file, text).or_else(|error| match corrected {
        Some(fixed) => crate::yaml::deserialize(file, fixed).map_err(|_| error),
        None => Err(error),
    })
}

/// The slips in a settings file as problems, and the file's other problems without those
/// that a slip explains better: the parser's error when it failed (a line later, in its
/// own words), and anything reported on a slip's line (`healthy、frail` read as one key).
pub(crate) fn with_slips(slips: Vec<Diagnostic>, problems: Vec<Diagnostic>, parse_failed: bool) -> Vec<Diagnostic> {
    if slips.is_empty() {
        return problems;
    }
    let lines: Vec<usize> = slips.iter().map(|s| s.position.line).collect();
    let others = problems.into_iter().filter(|p| !parse_failed && !lines.contains(&p.position.line));
    slips.into_iter().chain(others).collect()
}

/// The keys whose values are whole numbers, dates and lists, for the checks that need it.
pub(crate) struct Keys<'a> {
    /// Every top-level key the file may have: a `：` is a slip only after one of them.
    pub known: &'a [&'a str],
    /// The keys the file may have below the top level (a language's `code:`, a contact's
    /// `phone:`): a `：` after one of them is a slip too.
    pub nested: &'a [&'a str],
    /// Whether every top-level key is one the file names itself (the ids of
    /// data/contacts.yaml), so that `：` after any of them is a slip.
    pub any_top_level: bool,
    pub numbers: &'a [&'a str],
    pub dates: &'a [&'a str],
    pub lists: &'a [&'a str],
}

/// Every slip in `yaml`, which starts at line `first_line` of its file.
pub(crate) fn find(yaml: &str, first_line: usize, keys: &Keys) -> Vec<Slip> {
    let mut slips = Vec::new();
    // The key whose block a line is in, and the indentation of a `|` or `>` block's text,
    // which is prose where anything goes.
    let mut current_key = String::new();
    let mut block_scalar: Option<usize> = None;
    for (index, line) in yaml.lines().enumerate() {
        let at = |column: usize| Position::new(first_line + index, column + 1);
        let indent = line.chars().take_while(|&c| c == ' ' || c == '\u{3000}').count();
        let content: String = line.chars().skip(indent).collect();
        if let Some(block) = block_scalar {
            if content.is_empty() || line.chars().take_while(|&c| c == ' ').count() > block {
                continue;
            }
            block_scalar = None;
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        slips.extend(indent_slip(line, indent, &content, &at));
        let prefix: String = " ".repeat(indent);
        slips.extend(list_dash_slip(&content, indent, &at));
        // `key: value`, or the slip `key：value` for a key the file may have at that level.
        let (key, separator, value_column) = match split_key(&content) {
            Some((key, colon_at, full_width)) if indent == 0 || !full_width || keys.nested.contains(&key.as_str()) => {
                let value_column = indent + colon_at + 1;
                (Some(key), full_width.then_some(indent + colon_at), value_column)
            }
            _ => (None, None, 0),
        };
        let Some(key) = key else {
            if let Some(value) = content.strip_prefix("- ") {
                list_item_slips(&mut slips, &current_key, value, indent, line, &at, keys);
            }
            continue;
        };
        if indent == 0 {
            current_key = key.clone();
        }
        let value: String = line.chars().skip(value_column).collect();
        if let Some(colon) = separator {
            let known = if indent == 0 {
                keys.any_top_level || keys.known.contains(&key.as_str())
            } else {
                keys.nested.contains(&key.as_str())
            };
            if !known {
                continue;
            }
            let fixed = format!("{prefix}{key}: {}", value.trim_start_matches([' ', '\u{3000}']));
            slips.push(Slip { position: at(colon), kind: SlipKind::FullWidthColon { key: key.clone() }, fixed });
        }
        let leading = value.chars().take_while(|&c| c == ' ' || c == '\u{3000}').count();
        let value_text: String = value.chars().skip(leading).collect();
        if matches!(value_text.trim_end(), "|" | ">" | "|-" | ">-" | "|+" | ">+") {
            block_scalar = Some(indent);
            continue;
        }
        check_value(&mut slips, &key, &value_text, value_column + leading, line, &at, keys);
    }
    slips
}

/// A full-width space in the indentation: YAML sees a character there, not indentation.
fn indent_slip(line: &str, indent: usize, content: &str, at: &dyn Fn(usize) -> Position) -> Option<Slip> {
    let column = line.chars().take(indent).position(|c| c == '\u{3000}')?;
    let fixed = line.chars().take(indent).map(|c| if c == ' ' { " " } else { "  " }).collect::<String>() + content;
    Some(Slip { position: at(column), kind: SlipKind::FullWidthSpace, fixed })
}

/// A list item written `-　x`, `ー x` or `－ x` rather than `- x`.
fn list_dash_slip(content: &str, indent: usize, at: &dyn Fn(usize) -> Position) -> Option<Slip> {
    let prefix: String = " ".repeat(indent);
    let mut chars = content.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next();
    let fixed = format!("{prefix}- {}", content.chars().skip(2).collect::<String>());
    if first == '-' && second == Some('\u{3000}') {
        Some(Slip { position: at(indent + 1), kind: SlipKind::FullWidthSpace, fixed })
    } else if matches!(first, 'ー' | '－') && matches!(second, Some(' ' | '\u{3000}')) {
        Some(Slip { position: at(indent), kind: SlipKind::ListDash { dash: first }, fixed })
    } else {
        None
    }
}

/// The slips in a list item's `value` (after `- `), under `current_key`: `- code：ja`, the
/// first key of an item that is a group of keys, or a slip in the value itself.
fn list_item_slips(
    slips: &mut Vec<Slip>,
    current_key: &str,
    value: &str,
    indent: usize,
    line: &str,
    at: &dyn Fn(usize) -> Position,
    keys: &Keys,
) {
    if let Some((key, colon_at, true)) = split_key(value)
        && keys.nested.contains(&key.as_str())
    {
        let rest: String = value.chars().skip(colon_at + 1).collect();
        let fixed = format!("{}- {key}: {}", " ".repeat(indent), rest.trim_start_matches([' ', '\u{3000}']));
        slips.push(Slip { position: at(indent + 2 + colon_at), kind: SlipKind::FullWidthColon { key }, fixed });
        return;
    }
    check_value(slips, current_key, value, indent + 2, line, at, keys);
}

/// `key` and the character index of its colon, and whether the colon is `：`, for a line
/// that starts `key:` or `key：`. A key is letters, digits and `_`, as tebiki's keys are.
fn split_key(content: &str) -> Option<(String, usize, bool)> {
    let key: String = content.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    if key.is_empty() {
        return None;
    }
    let after = content.chars().skip(key.chars().count());
    let spaces = after.clone().take_while(|&c| c == ' ').count();
    let colon_at = key.chars().count() + spaces;
    match content.chars().nth(colon_at) {
        Some(':') => Some((key, colon_at, false)),
        Some('：') => Some((key, colon_at, true)),
        _ => None,
    }
}

/// The slips inside one value of `key`, which starts at character `column` of `line`.
fn check_value(
    slips: &mut Vec<Slip>,
    key: &str,
    value: &str,
    column: usize,
    line: &str,
    at: &dyn Fn(usize) -> Position,
    keys: &Keys,
) {
    let value = strip_comment(value).trim_end();
    if value.is_empty() {
        return;
    }
    let replace_in_line = |from: &[char], to: &str| -> String {
        let (head, tail): (String, String) = (line.chars().take(column).collect(), line.chars().skip(column).collect());
        head + &tail.chars().map(|c| if from.contains(&c) { to.to_string() } else { c.to_string() }).collect::<String>()
    };
    let chars: Vec<char> = value.chars().collect();
    // ［a, b］
    for (offset, &c) in chars.iter().enumerate() {
        if matches!(c, '［' | '］') && (offset == 0 || offset == chars.len() - 1) {
            // One message for the pair: the line offered corrects both.
            let fixed = replace_in_line(&['［'], "[");
            let fixed = fixed.replace('］', "]");
            slips.push(Slip { position: at(column + offset), kind: SlipKind::FullWidthBracket { bracket: c }, fixed });
            break;
        }
    }
    // [a、b] or, for a list key, a、b
    let flow_list = matches!(chars.first(), Some('[' | '［')) && matches!(chars.last(), Some(']' | '］'));
    if flow_list || keys.lists.contains(&key) {
        for (offset, &c) in chars.iter().enumerate() {
            if matches!(c, '、' | '，') {
                // One message for the list: the line offered corrects every comma.
                let fixed = replace_in_line(&['、', '，'], ", ");
                slips.push(Slip { position: at(column + offset), kind: SlipKind::ListComma { comma: c }, fixed });
                break;
            }
        }
    }
    // “a value”
    if matches!(chars.first(), Some('“' | '‘' | '”'))
        && matches!(chars.last(), Some('”' | '’' | '“'))
        && chars.len() > 1
    {
        let fixed = replace_in_line(&['“', '”', '‘', '’'], "\"");
        slips.push(Slip { position: at(column), kind: SlipKind::CurlyQuotes, fixed });
    }
    let half_width = to_half_width_digits(value);
    if keys.numbers.contains(&key) && half_width != value && half_width.parse::<i64>().is_ok() {
        slips.push(Slip {
            position: at(column),
            kind: SlipKind::FullWidthDigits { key: key.to_string() },
            fixed: half_width,
        });
    } else if keys.dates.contains(&key) && !crate::dates::is_iso_date(value) {
        let unquoted = value.trim_matches(['"', '\'']);
        if let Some(iso) = read_date(unquoted) {
            let kind = SlipKind::Date { key: key.to_string(), written: unquoted.to_string() };
            slips.push(Slip { position: at(column), kind, fixed: iso });
        }
    }
}

/// `value` without a ` # comment` after it.
fn strip_comment(value: &str) -> &str {
    value.find(" #").map_or(value, |at| &value[..at])
}

/// `text` with full-width digits and signs as ASCII (NFKC): ２０２６／４／１ is 2026/4/1.
fn to_half_width_digits(text: &str) -> String {
    text.nfkc().collect()
}

/// The ISO form (YYYY-MM-DD) of a date written 2026/4/1, 2026.4.1, 2026-4-1, 2026年4月1日
/// or in the Japanese era (令和8年4月1日, 令和元年…), digits full- or half-width; `None`
/// when it is no date that exists.
pub(crate) fn read_date(text: &str) -> Option<String> {
    let text = to_half_width_digits(text.trim());
    let (year, rest) = if let Some((era, start)) = ERAS.iter().find(|(era, _)| text.starts_with(era)) {
        let rest = &text[era.len()..];
        let (number, rest) = rest.split_once('年')?;
        let number: i32 = if number == "元" { 1 } else { number.parse().ok()? };
        (start + number - 1, rest.to_string())
    } else if let Some((year, rest)) = text.split_once('年') {
        (year.parse().ok()?, rest.to_string())
    } else {
        let mut parts = text.splitn(2, ['/', '.', '-']);
        (parts.next()?.parse().ok()?, parts.next()?.to_string())
    };
    let rest = rest.trim_end_matches('日');
    let (month, day) = rest.split_once(['月', '/', '.', '-'])?;
    let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let iso = format!("{year:04}-{month:02}-{day:02}");
    crate::dates::is_iso_date(&iso).then_some(iso)
}

/// Japanese eras and the Western year each began, newest first.
const ERAS: &[(&str, i32)] = &[("令和", 2019), ("平成", 1989), ("昭和", 1926)];

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: Keys = Keys {
        known: &["title", "summary", "order", "life_stages", "updated"],
        nested: &[],
        any_top_level: false,
        numbers: &["order"],
        dates: &["updated"],
        lists: &["life_stages"],
    };

    fn slips(yaml: &str) -> Vec<(usize, usize, SlipKind, String)> {
        find(yaml, 2, &KEYS).into_iter().map(|s| (s.position.line, s.position.column, s.kind, s.fixed)).collect()
    }

    #[test]
    fn a_full_width_colon_after_a_known_key_is_a_slip_and_inside_a_value_is_not() {
        let found = slips("title: 受付：9時から\nsummary：　家で受ける医療\n");
        assert_eq!(
            found,
            [(3, 8, SlipKind::FullWidthColon { key: "summary".into() }, "summary: 家で受ける医療".into())]
        );
        assert!(slips("note：あ\n").is_empty(), "an unknown key is not guessed at");
    }

    #[test]
    fn full_width_spaces_and_dashes_start_no_list_item() {
        let found = slips("life_stages:\n　- healthy\n  -　frail\n  ー needs-care\n");
        assert_eq!(found[0], (3, 1, SlipKind::FullWidthSpace, "  - healthy".into()));
        assert_eq!(found[1], (4, 4, SlipKind::FullWidthSpace, "  - frail".into()));
        assert_eq!(found[2], (5, 3, SlipKind::ListDash { dash: 'ー' }, "  - needs-care".into()));
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn list_slips_are_found_where_they_are() {
        let found = slips("life_stages: [healthy、frail]\n");
        assert_eq!(found, [(2, 22, SlipKind::ListComma { comma: '、' }, "life_stages: [healthy, frail]".into())]);
        let found = slips("life_stages: ［healthy, frail］\n");
        assert_eq!(found.len(), 1, "one message for the pair");
        assert_eq!(found[0].1, 14);
        assert_eq!(found[0].3, "life_stages: [healthy, frail]");
        // 、 in a title is Japanese punctuation, not a slip.
        assert!(slips("title: 家で、安心して\n").is_empty());
    }

    #[test]
    fn curly_quotes_numbers_and_dates_come_with_what_to_write() {
        assert_eq!(slips("title: “はじめに”\n")[0].3, "title: \"はじめに\"");
        assert_eq!(slips("order: ７０\n"), [(2, 8, SlipKind::FullWidthDigits { key: "order".into() }, "70".into())]);
        for written in ["2026/4/1", "２０２６/4/1", "令和8年4月1日", "2026年4月1日", "2026-4-1"] {
            let found = slips(&format!("updated: {written}\n"));
            assert_eq!(found.len(), 1, "{written}");
            assert_eq!(found[0].3, "2026-04-01", "{written}");
        }
        assert!(slips("updated: 2026-04-01\n").is_empty());
        assert!(slips("updated: 2026/2/30\n").is_empty(), "no date that does not exist is offered");
        assert_eq!(read_date("令和元年5月1日").as_deref(), Some("2019-05-01"));
    }

    #[test]
    fn text_in_a_block_is_prose() {
        assert!(slips("summary: |\n  受付：9時\n  ー 予約\ntitle: あ\n").is_empty());
    }

    #[test]
    fn in_a_settings_file_a_full_width_colon_after_a_nested_key_is_a_slip_too() {
        let keys = Keys {
            known: &["base_url", "languages"],
            nested: &["code", "name", "phone"],
            any_top_level: false,
            numbers: &[],
            dates: &[],
            lists: &[],
        };
        let text = "base_url：https://example.jp/\nlanguages:\n  - code：ja\n    name：日本語\n    note：受付：9時\n";
        let found: Vec<(usize, usize, String)> =
            find(text, 1, &keys).into_iter().map(|s| (s.position.line, s.position.column, s.fixed)).collect();
        assert_eq!(
            found,
            [
                (1, 9, "base_url: https://example.jp/".to_string()),
                (3, 9, "  - code: ja".to_string()),
                (4, 9, "    name: 日本語".to_string()),
            ],
            "`note` is no key of the file: its `：` is left to the parser"
        );
        let contacts = Keys { known: &[], nested: &["phone"], any_top_level: true, ..keys };
        let found = find("houkatsu：\n  phone：000-555-0101\n", 1, &contacts);
        assert_eq!(found.iter().map(|s| (s.position.line, s.position.column)).collect::<Vec<_>>(), [(1, 9), (2, 8)]);
    }
}
