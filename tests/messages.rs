//! The message catalogues: the same messages in Japanese and English, with the same
//! arguments, each one the code asks for; and the README's table of codes, which must list
//! every code the catalogue has, in both languages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use tebiki::messages::{Lang, text_of};

/// A catalogue entry: its attributes and the arguments it uses (directly or through the
/// messages it refers to).
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    attributes: BTreeSet<String>,
    arguments: BTreeSet<String>,
}

/// A catalogue entry as written: its attributes, the arguments it names itself, and the
/// messages it refers to.
struct Written {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
    references: BTreeSet<String>,
}

fn catalogue(lang: Lang) -> BTreeMap<String, Entry> {
    let resource = fluent_syntax::parser::parse(lang.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("{lang:?} catalogue does not parse: {errors:?}"));
    let mut direct: BTreeMap<String, Written> = BTreeMap::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else { continue };
        let (mut variables, mut references) = (BTreeSet::new(), BTreeSet::new());
        let patterns = message.value.iter().chain(message.attributes.iter().map(|a| &a.value));
        for pattern in patterns {
            pattern_names(pattern, &mut variables, &mut references);
        }
        let attributes = message.attributes.iter().map(|a| a.id.name.to_string()).collect();
        let previous = direct.insert(message.id.name.to_string(), Written { attributes, variables, references });
        assert!(previous.is_none(), "{lang:?}: {} is defined twice", message.id.name);
    }
    let mut entries = BTreeMap::new();
    for (key, written) in &direct {
        let mut arguments = BTreeSet::new();
        let mut todo = vec![key.clone()];
        let mut seen = BTreeSet::new();
        while let Some(next) = todo.pop() {
            if !seen.insert(next.clone()) {
                continue;
            }
            let referred =
                direct.get(&next).unwrap_or_else(|| panic!("{lang:?}: {key} refers to {next}, which is not defined"));
            arguments.extend(referred.variables.iter().cloned());
            todo.extend(referred.references.iter().cloned());
        }
        entries.insert(key.clone(), Entry { attributes: written.attributes.clone(), arguments });
    }
    entries
}

fn pattern_names(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>, references: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_names(expression, variables, references);
        }
    }
}

fn expression_names(
    expression: &ast::Expression<&str>,
    variables: &mut BTreeSet<String>,
    references: &mut BTreeSet<String>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_names(selector, variables, references);
            for variant in variants {
                pattern_names(&variant.value, variables, references);
            }
        }
        ast::Expression::Inline(inline) => inline_names(inline, variables, references),
    }
}

fn inline_names(
    inline: &ast::InlineExpression<&str>,
    variables: &mut BTreeSet<String>,
    references: &mut BTreeSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            references.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_names(expression, variables, references),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_names(argument, variables, references);
            }
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_have_every_message_with_the_same_arguments() {
    let japanese = catalogue(Lang::Ja);
    let english = catalogue(Lang::En);
    let only = |a: &BTreeMap<String, Entry>, b: &BTreeMap<String, Entry>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&japanese, &english), Vec::<String>::new(), "only in ja.ftl");
    assert_eq!(only(&english, &japanese), Vec::<String>::new(), "only in en.ftl");
    let differing: Vec<String> = japanese
        .iter()
        .filter(|(key, entry)| english[*key] != **entry)
        .map(|(key, entry)| format!("{key}: ja {entry:?}, en {:?}", english[key]))
        .collect();
    assert!(differing.is_empty(), "attributes or arguments differ:\n{}", differing.join("\n"));
}

/// Every `msg!("KEY", name = …)` in the code, with the argument names given.
fn uses_in_code() -> Vec<(String, String, BTreeSet<String>)> {
    let mut uses = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry.path().strip_prefix(&src).unwrap().display().to_string();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = &rest[at + "msg!(".len()..];
            let Some(inside) = up_to_closing(rest) else { continue };
            let parts = top_level_split(inside);
            let Some(key) = parts[0].trim().strip_prefix('"').and_then(|k| k.strip_suffix('"')) else {
                continue; // the macro's own definition
            };
            let names = parts[1..]
                .iter()
                .filter_map(|p| p.split_once('=').map(|(name, _)| name.trim().to_string()))
                .filter(|name| !name.is_empty())
                .collect();
            uses.push((file.clone(), key.to_string(), names));
        }
    }
    uses
}

/// The text up to the parenthesis that closes the one just opened.
fn up_to_closing(text: &str) -> Option<&str> {
    let (mut depth, mut quoted, mut escaped) = (1, false, false);
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[..at]);
                }
            }
            _ => {}
        }
    }
    None
}

/// `text` split at the commas outside brackets and quotes.
fn top_level_split(text: &str) -> Vec<&str> {
    let (mut parts, mut start, mut depth, mut quoted, mut escaped) = (Vec::new(), 0, 0, false, false);
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '(' | '[' | '{' | '<' if !quoted => depth += 1,
            ')' | ']' | '}' | '>' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                parts.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[test]
fn every_message_the_code_names_is_in_the_catalogue_with_the_arguments_it_is_given() {
    let english = catalogue(Lang::En);
    let uses = uses_in_code();
    assert!(uses.len() > 200, "the scan finds the messages: {}", uses.len());
    let mut wrong = Vec::new();
    for (file, key, given) in &uses {
        match english.get(key) {
            None => wrong.push(format!("{file}: {key} is not in the catalogue")),
            Some(entry) if entry.arguments != *given => {
                wrong.push(format!("{file}: {key} is given {given:?}, the catalogue uses {:?}", entry.arguments))
            }
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // And nothing in the catalogue is left over: each message is named in the code, used
    // by another message, or is the help of a command-line option (checked by name in
    // src/command_line.rs).
    let named: BTreeSet<&str> = uses.iter().map(|(_, key, _)| key.as_str()).collect();
    let resource = fluent_syntax::parser::parse(Lang::En.catalogue()).unwrap();
    let mut referenced = BTreeSet::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            for pattern in message.value.iter().chain(message.attributes.iter().map(|a| &a.value)) {
                pattern_names(pattern, &mut variables, &mut referenced);
            }
        }
    }
    let unused: Vec<&String> = english
        .keys()
        .filter(|k| !named.contains(k.as_str()) && !referenced.contains(*k) && !k.starts_with("help-"))
        .collect();
    assert!(unused.is_empty(), "in the catalogue but never used: {unused:?}");
}

/// The README's table of codes, as rows of (code, Japanese, English).
fn readme_table() -> Vec<(String, String, String)> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    readme
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.strip_prefix("| ")?.strip_suffix(" |")?.split(" | ").collect();
            let [code, japanese, english] = cells.as_slice() else { return None };
            let code = code.trim_matches('`');
            let is_code = code.len() == 4
                && (code.starts_with('E') || code.starts_with('W'))
                && code[1..].chars().all(|c| c.is_ascii_digit());
            is_code.then(|| (code.to_string(), japanese.to_string(), english.to_string()))
        })
        .collect()
}

/// A message as the README's table shows it: each argument as `{$name}`, the default case
/// of each choice, `|` escaped for the table.
fn as_in_table(lang: Lang, code: &str) -> String {
    text_of(lang, code).unwrap_or_default().replace('|', "\\|").replace('\n', " ")
}

#[test]
fn the_readme_lists_every_code_in_both_languages() {
    let codes: Vec<String> = catalogue(Lang::En)
        .into_keys()
        .filter(|k| {
            k.len() == 4 && (k.starts_with('E') || k.starts_with('W')) && k[1..].chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    let expected: Vec<(String, String, String)> =
        codes.iter().map(|code| (code.clone(), as_in_table(Lang::Ja, code), as_in_table(Lang::En, code))).collect();
    let table = readme_table();
    let listed: Vec<&String> = table.iter().map(|(code, _, _)| code).collect();
    let missing: Vec<&String> = codes.iter().filter(|c| !listed.contains(c)).collect();
    let extra: Vec<&&String> = listed.iter().filter(|c| !codes.contains(c)).collect();
    let rows: String = expected.iter().map(|(code, ja, en)| format!("| `{code}` | {ja} | {en} |\n")).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "README.md: missing {missing:?}, not in the catalogue {extra:?}; the rows are:\n{rows}"
    );
    let stale: Vec<String> = expected
        .iter()
        .zip(&table)
        .filter(|(want, have)| **want != **have)
        .map(|((code, ja, en), _)| format!("| `{code}` | {ja} | {en} |"))
        .collect();
    assert!(
        stale.is_empty(),
        "README.md rows that differ from the catalogue (in catalogue order):\n{}",
        stale.join("\n")
    );
}

/// Runs tebiki in an empty folder (no guidebook to take the language from) with only the
/// given language variables set.
fn without_a_guidebook(args: &[&str], variables: &[(&str, &str)]) -> String {
    let folder = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_tebiki"));
    command.current_dir(folder.path()).args(args);
    for name in ["TEBIKI_MESSAGES", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(variables.iter().copied());
    let output = command.output().unwrap();
    String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn without_a_guidebook_the_system_language_decides_and_japanese_when_none_is_set() {
    let occupied = tempfile::tempdir().unwrap();
    std::fs::write(occupied.path().join("notes.txt"), "mine").unwrap();
    let init = ["init", occupied.path().to_str().unwrap()];
    for (variables, japanese) in [
        (&[][..], true),
        (&[("LANG", "ja_JP.UTF-8")][..], true),
        (&[("LANG", "C.UTF-8")][..], false),
        (&[("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")][..], true),
        (&[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "ja_JP.UTF-8")][..], false),
        (&[("LANG", "ja_JP.UTF-8"), ("TEBIKI_MESSAGES", "en")][..], false),
    ] {
        let said = without_a_guidebook(&init, variables);
        let expected = if japanese {
            "エラー[E144]: フォルダーが空ではありません"
        } else {
            "error[E144]: the folder is not empty"
        };
        assert!(said.contains(expected), "{variables:?}: {said}");
        let help = without_a_guidebook(&["--help"], variables);
        assert!(help.contains(if japanese { "使い方:" } else { "Usage:" }), "{variables:?}: {help}");
        let wrong = without_a_guidebook(&["biuld"], variables);
        let expected =
            if japanese { "「biuld」というコマンドはありません" } else { "there is no command `biuld`" };
        assert!(wrong.contains(expected), "{variables:?}: {wrong}");
    }
    assert_eq!(std::fs::read_to_string(occupied.path().join("notes.txt")).unwrap(), "mine");
}

#[test]
fn the_readme_shows_what_tebiki_really_says() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for fixture in ["unknown-taxonomy", "ime-slips"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_tebiki"))
            .env_remove("TEBIKI_MESSAGES")
            .args(["check", "--root"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stdout).to_string();
        let first = said.split("\n\n").next().unwrap();
        assert!(first.contains("エラー["), "{said}");
        assert!(readme.contains(&format!("```\n{first}\n```")), "README.md should show, as tebiki says it:\n{first}");
    }
}
