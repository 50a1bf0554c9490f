//! A chapter's settings: read every field, report every problem, with its position.

use std::collections::BTreeMap;

use serde_yaml::Value;

use crate::dates::is_iso_date;
use crate::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::ime_slips::{self, Keys};
use crate::messages::Message;
use crate::msg;
use crate::yaml::{Locator, describe};

/// Which kind of file the front-matter belongs to; they accept different keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A chapter in the source language.
    SourceChapter,
    /// A chapter in another language, inheriting order and taxonomy from its source.
    Translation,
    /// `_index.md`, a language's front page.
    FrontPage,
}

pub(super) const CHAPTER_KEYS: &[&str] = &[
    "title",
    "summary",
    "order",
    "life_stages",
    "scenarios",
    "audience",
    "contacts",
    "furigana",
    "updated",
    "reviewed_by",
    "draft",
    "worksheet",
    "key_for",
    "urgent",
];
const FRONT_PAGE_KEYS: &[&str] = &["title", "summary", "publisher", "updated"];

/// Keys a translation takes from its source chapter; written in a translation they must
/// agree. Each is compared field by field in `agrees`, whose `match` has no catch-all, so a
/// key added here cannot be compared against another key's field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inherited {
    Order,
    LifeStages,
    Scenarios,
    Audience,
    Contacts,
    KeyFor,
    Urgent,
}

impl Inherited {
    pub(crate) const ALL: [Inherited; 7] = [
        Inherited::Order,
        Inherited::LifeStages,
        Inherited::Scenarios,
        Inherited::Audience,
        Inherited::Contacts,
        Inherited::KeyFor,
        Inherited::Urgent,
    ];

    /// The key as written in front-matter.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Inherited::Order => "order",
            Inherited::LifeStages => "life_stages",
            Inherited::Scenarios => "scenarios",
            Inherited::Audience => "audience",
            Inherited::Contacts => "contacts",
            Inherited::KeyFor => "key_for",
            Inherited::Urgent => "urgent",
        }
    }

    /// Whether two front-matters say the same for this key.
    pub(crate) fn agrees(self, a: &FrontMatter, b: &FrontMatter) -> bool {
        match self {
            Inherited::Order => a.order == b.order,
            Inherited::LifeStages => a.life_stages == b.life_stages,
            Inherited::Scenarios => a.scenarios == b.scenarios,
            Inherited::Audience => a.audience == b.audience,
            Inherited::Contacts => a.contacts == b.contacts,
            Inherited::KeyFor => a.key_for == b.key_for,
            Inherited::Urgent => a.urgent == b.urgent,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Furigana {
    Auto,
    Off,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub order: Option<i64>,
    pub life_stages: Vec<String>,
    pub scenarios: Vec<String>,
    pub audience: Vec<String>,
    pub contacts: Vec<String>,
    pub furigana: Option<Furigana>,
    pub updated: Option<String>,
    pub reviewed_by: Option<String>,
    pub draft: bool,
    /// A sheet to fill in by hand: in the booklet, a list item ending in a colon gets lines
    /// to write on, and the chapter starts on a page of its own.
    pub worksheet: bool,
    pub publisher: Option<String>,
    /// The life stages this chapter is a key chapter of: the front page lists only key
    /// chapters under each stage, then links to the stage's page with all of them.
    pub key_for: Vec<String>,
    /// What to read when it is urgent: linked from the front page's "when it is urgent" block.
    pub urgent: bool,
    /// Where each key written in the file is, for messages found later (duplicate order,
    /// a translation disagreeing with its source).
    pub positions: BTreeMap<String, Position>,
}

/// The keys a chapter may use for life stages, scenarios, audiences and contacts.
pub(crate) struct Vocabulary<'a> {
    pub life_stages: &'a [String],
    pub scenarios: &'a [String],
    pub audiences: &'a [String],
    pub contacts: Vec<&'a str>,
}

/// Reads front-matter YAML (starting at file line `first_line`) into settings and every
/// problem found in it. Fields with problems are left at their defaults.
pub(super) fn read(
    file: &str,
    yaml: &str,
    first_line: usize,
    kind: Kind,
    vocabulary: &Vocabulary,
) -> (FrontMatter, Vec<Diagnostic>) {
    let allowed = if kind == Kind::FrontPage { FRONT_PAGE_KEYS } else { CHAPTER_KEYS };
    let slip_keys = Keys {
        known: allowed,
        nested: &[],
        any_top_level: false,
        numbers: &["order"],
        dates: &["updated"],
        lists: LIST_KEYS,
    };
    let slips: Vec<Diagnostic> =
        ime_slips::find(yaml, first_line, &slip_keys).iter().map(|s| s.problem(file)).collect();
    let parsed = crate::yaml::parse(file, yaml, first_line);
    let parse_failed = parsed.is_err();
    let (front, problems) = read_parsed(file, yaml, first_line, allowed, parsed, vocabulary, kind);
    if slips.is_empty() {
        return (front, problems);
    }
    // A slip makes the parser fail a line later, or a value read wrong on its own line (a
    // life stage called `healthy、frail`): those messages say what the slip's says, less
    // clearly. Every other problem is still reported.
    let lines: Vec<usize> = slips.iter().map(|s| s.position.line).collect();
    let others = problems.into_iter().filter(|p| !parse_failed && !lines.contains(&p.position.line));
    let mut all: Vec<Diagnostic> = others.collect();
    for slip in slips {
        // In line order among the others; the missing fields, reported at the `---` above
        // the YAML, stay last.
        let at =
            all.iter().position(|p| p.position > slip.position || p.position.line < first_line).unwrap_or(all.len());
        all.insert(at, slip);
    }
    (front, all)
}

/// Keys whose value is a list, where `、` can only be a slip for `,`.
const LIST_KEYS: &[&str] = &["life_stages", "scenarios", "audience", "contacts", "key_for"];

/// `read` for what the parser made of the YAML, `allowed` being the keys the file may have.
fn read_parsed(
    file: &str,
    yaml: &str,
    first_line: usize,
    allowed: &[&str],
    parsed: Result<Value, Diagnostic>,
    vocabulary: &Vocabulary,
    kind: Kind,
) -> (FrontMatter, Vec<Diagnostic>) {
    let mut reader = Reader { file, locator: Locator::new(yaml, first_line), problems: Vec::new() };
    let mut front = FrontMatter::default();
    let mapping = match parsed {
        Ok(Value::Mapping(mapping)) => mapping,
        Ok(Value::Null) => Default::default(),
        Ok(other) => {
            reader.problems.push(Diagnostic::error(
                file,
                Position::new(first_line, 1),
                msg!("E015", found = describe(&other)),
            ));
            return (front, reader.problems);
        }
        Err(error) => return (front, vec![error]),
    };
    for (key, value) in crate::yaml::keys(&mapping) {
        let position = reader.locator.key(&key);
        front.positions.insert(key.clone(), position);
        if allowed.contains(&key.as_str()) {
            reader.set(&mut front, &key, value, vocabulary);
        } else {
            let hint = did_you_mean(&key, allowed.iter().copied())
                .unwrap_or_else(|| msg!("hint-remove-or-use", keys = allowed.join(", ")));
            reader
                .problems
                .push(Diagnostic::error(file, position, msg!("E017", key = &key)).field(key.clone()).hint(hint));
        }
    }
    // A chapter is key for a stage only among the chapters of that stage. (A translation
    // takes both lists from its source chapter, where this is checked.)
    if kind == Kind::SourceChapter {
        reader.check_key_for(&front);
    }
    let mut required = vec!["title", "summary"];
    if kind == Kind::SourceChapter {
        required.push("order");
    }
    for key in required.into_iter().filter(|key| !mapping.contains_key(*key)) {
        // The catalogue says, for each key, what it holds and gives an example.
        reader.problems.push(
            Diagnostic::error(file, Position::new(first_line.saturating_sub(1).max(1), 1), msg!("E018", key = key))
                .field(key),
        );
    }
    (front, reader.problems)
}

/// What a list of keys names, for messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    LifeStage,
    Scenario,
    Audience,
    ContactId,
}

impl What {
    fn singular(self) -> Message {
        match self {
            What::LifeStage => msg!("what-life-stage"),
            What::Scenario => msg!("what-scenario"),
            What::Audience => msg!("what-audience"),
            What::ContactId => msg!("what-contact-id"),
        }
    }

    fn plural(self) -> Message {
        match self {
            What::LifeStage => msg!("what-life-stages"),
            What::Scenario => msg!("what-scenarios"),
            What::Audience => msg!("what-audiences"),
            What::ContactId => msg!("what-contact-ids"),
        }
    }
}

struct Reader<'a> {
    file: &'a str,
    locator: Locator<'a>,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    /// Reads the value of `key`, one of the keys the file may have, into `front`.
    fn set(&mut self, front: &mut FrontMatter, key: &str, value: &Value, vocabulary: &Vocabulary) {
        let stages = || vocabulary.life_stages.iter().map(String::as_str).collect();
        match key {
            "title" => front.title = self.text(key, value).unwrap_or_default(),
            "summary" => front.summary = self.text(key, value).unwrap_or_default(),
            "publisher" => front.publisher = self.text(key, value),
            "reviewed_by" => front.reviewed_by = self.text(key, value),
            "order" => front.order = self.whole_number(key, value),
            "life_stages" => front.life_stages = self.keys(key, value, What::LifeStage, stages()),
            "scenarios" => {
                front.scenarios =
                    self.keys(key, value, What::Scenario, vocabulary.scenarios.iter().map(String::as_str).collect())
            }
            "audience" => {
                front.audience =
                    self.keys(key, value, What::Audience, vocabulary.audiences.iter().map(String::as_str).collect())
            }
            "contacts" => front.contacts = self.keys(key, value, What::ContactId, vocabulary.contacts.clone()),
            "furigana" => front.furigana = self.furigana(key, value),
            "updated" => front.updated = self.date(key, value),
            "draft" => front.draft = self.yes_no(key, value).unwrap_or(false),
            "worksheet" => front.worksheet = self.yes_no(key, value).unwrap_or(false),
            "key_for" => front.key_for = self.keys(key, value, What::LifeStage, stages()),
            "urgent" => front.urgent = self.yes_no(key, value).unwrap_or(false),
            _ => unreachable!("every allowed key is handled"),
        }
    }

    /// Each stage in `key_for` must be one of the chapter's own `life_stages`.
    fn check_key_for(&mut self, front: &FrontMatter) {
        for stage in front.key_for.iter().filter(|s| !front.life_stages.contains(s)) {
            self.problems.push(
                Diagnostic::error(
                    self.file,
                    self.locator.value("key_for", stage),
                    msg!("E019", stage = stage, stages = front.life_stages.join(", ")),
                )
                .field("key_for"),
            );
        }
    }

    fn wrong_type(&mut self, key: &str, value: &Value, expected: Message, example: &str) {
        let position = match value {
            Value::String(text) => self.locator.value(key, text),
            Value::Number(n) => self.locator.value(key, &n.to_string()),
            Value::Bool(b) => self.locator.value(key, &b.to_string()),
            _ => self.locator.key(key),
        };
        self.problems.push(
            Diagnostic::error(
                self.file,
                position,
                msg!("E016", key = key, expected = expected, found = describe(value), example = example),
            )
            .field(key),
        );
    }

    fn text(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => {
                self.wrong_type(key, value, msg!("kind-text"), "…");
                None
            }
        }
    }

    fn whole_number(&mut self, key: &str, value: &Value) -> Option<i64> {
        let number = value.as_i64().or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()));
        if number.is_none() {
            self.wrong_type(key, value, msg!("kind-whole-number"), "70");
        }
        number
    }

    fn yes_no(&mut self, key: &str, value: &Value) -> Option<bool> {
        let answer = value.as_bool();
        if answer.is_none() {
            self.wrong_type(key, value, msg!("kind-true-false"), "true");
        }
        answer
    }

    fn furigana(&mut self, key: &str, value: &Value) -> Option<Furigana> {
        match value.as_str() {
            Some("auto") => Some(Furigana::Auto),
            Some("off") => Some(Furigana::Off),
            _ => {
                self.wrong_type(key, value, msg!("kind-auto-off"), "auto");
                None
            }
        }
    }

    fn date(&mut self, key: &str, value: &Value) -> Option<String> {
        let text = value.as_str().map(str::trim).unwrap_or_default();
        if is_iso_date(text) {
            return Some(text.to_string());
        }
        self.wrong_type(key, value, msg!("kind-date"), "2026-04-01");
        None
    }

    /// A list of keys from `known`; a single key written without brackets is accepted too.
    fn keys(&mut self, key: &str, value: &Value, what: What, known: Vec<&str>) -> Vec<String> {
        let items: Vec<&Value> = match value {
            Value::Sequence(items) => items.iter().collect(),
            Value::String(_) => vec![value],
            Value::Null => Vec::new(),
            other => {
                self.wrong_type(key, other, msg!("kind-list-of", what = what.plural()), "[a, b]");
                return Vec::new();
            }
        };
        let mut accepted = Vec::new();
        for item in items {
            let Some(name) = item.as_str().map(str::trim) else {
                self.wrong_type(key, item, msg!("kind-one", what = what.singular()), "[a, b]");
                continue;
            };
            if known.contains(&name) {
                if !accepted.iter().any(|a| a == name) {
                    accepted.push(name.to_string());
                }
                continue;
            }
            let defined_in =
                if what == What::ContactId { crate::contacts::FILE_NAME } else { crate::config::FILE_NAME };
            let unknown = msg!(
                "E022",
                what = what.singular(),
                name = name,
                count = known.len(),
                known = known.join(", "),
                defined_in = defined_in
            );
            self.problems.push(
                Diagnostic::error(self.file, self.locator.value(key, name), unknown)
                    .field(key)
                    .maybe_hint(did_you_mean(name, known.iter().copied())),
            );
        }
        accepted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn vocabulary() -> (Vec<String>, Vec<String>, Vec<String>) {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        (s(&["healthy", "end-of-life"]), s(&["living-alone"]), s(&["resident"]))
    }

    fn check(yaml: &str, kind: Kind) -> (FrontMatter, Vec<Diagnostic>) {
        let (stages, scenarios, audiences) = vocabulary();
        let vocabulary = Vocabulary {
            life_stages: &stages,
            scenarios: &scenarios,
            audiences: &audiences,
            contacts: vec!["houkatsu"],
        };
        read("content/ja/a.md", yaml, 2, kind, &vocabulary)
    }

    #[test]
    fn reports_every_problem_in_one_pass() {
        let yaml = "title: あ\nsumary: い\norder: ten\nlife_stages: [healthy, end-of-lfe]\ncontacts: [houkatsu, nope]\nupdated: 2026/4/1\n";
        let (_, problems) = check(yaml, Kind::SourceChapter);
        let messages: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{} {}", p.position.line, p.position.column, p.text(Lang::En)))
            .collect();
        assert_eq!(
            messages,
            [
                "3:1 unknown key `sumary`",
                "4:8 expected a whole number, found the text `ten`",
                "5:24 unknown life stage `end-of-lfe`",
                "6:22 unknown contact id `nope`",
                "7:10 expected a date written YYYY-MM-DD, found the text `2026/4/1`",
                "1:1 missing required field `summary`",
            ]
        );
        assert_eq!(problems[0].help(Lang::En), ["did you mean `summary`?"]);
        assert_eq!(problems[2].help(Lang::En), ["did you mean `end-of-life`?"]);
    }

    #[test]
    fn a_translation_needs_no_order_and_a_front_page_takes_a_publisher() {
        let (_, problems) = check("title: A\nsummary: B\n", Kind::Translation);
        assert!(problems.is_empty(), "{problems:?}");
        let (front, problems) = check("title: A\nsummary: B\npublisher: ひだまり市\n", Kind::FrontPage);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(front.publisher.as_deref(), Some("ひだまり市"));
    }
}
