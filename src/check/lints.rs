//! What `tebiki check` looks for beyond what stops a build: things a careful editor of a
//! Japanese public site would point out in review. All are warnings.

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Position};
use crate::guidebook::Guidebook;
use crate::messages::Message;
use crate::msg;

/// A summary longer than this (full-width characters; Latin letters, accented or not, count
/// half) is cut off
/// on a phone's chapter card.
const SUMMARY_WIDTH: f64 = 60.0;
/// A sentence of やさしい日本語 longer than this many characters is hard to follow.
const EASY_SENTENCE: usize = 40;
/// Link words that say nothing about where the link goes.
const VAGUE_LINKS: &[&str] = &[
    "こちら",
    "ここ",
    "こちらをクリック",
    "ここをクリック",
    "ここをクリックしてください",
    "click here",
    "here",
    "more",
    "this",
];

pub(super) fn run(guidebook: &Guidebook) -> Vec<Diagnostic> {
    let pages = guidebook.chapters.iter().flat_map(|c| c.versions.values()).chain(guidebook.front_pages.values());
    let mut found = Vec::new();
    for page in pages {
        headings(page, &mut found);
        summary(page, &mut found);
        links(page, &mut found);
        characters(page, &mut found);
        if page.is_japanese() {
            slash_dates(page, &mut found);
        }
        if page.lang == "ja-easy" {
            easy_sentences(page, &mut found);
        }
    }
    found.extend(missing_translations(guidebook));
    found
}

fn warn(page: &Page, position: Position, message: Message) -> Diagnostic {
    Diagnostic::warning(&page.file.name, position, message).with_source(&page.file.text)
}

fn headings(page: &Page, found: &mut Vec<Diagnostic>) {
    let mut previous = 1; // the page title is the h1
    for heading in &page.body.headings {
        if heading.level > previous + 1 {
            found.push(warn(
                page,
                heading.position,
                msg!("W010", from = previous, to = heading.level, marks = "#".repeat(previous as usize + 1)),
            ));
        }
        previous = heading.level;
    }
}

fn summary(page: &Page, found: &mut Vec<Diagnostic>) {
    // Kana, kanji and hangul take a full square; Latin letters, accented ones too, half.
    let wide = |c: char| crate::japanese::is_east_asian_wide(c) || matches!(c, '\u{AC00}'..='\u{D7A3}');
    let width: f64 = page.front.summary.chars().map(|c| if wide(c) { 1.0 } else { 0.5 }).sum();
    if width > SUMMARY_WIDTH {
        let position = page.front.positions.get("summary").copied().unwrap_or(Position::START);
        found.push(
            warn(page, position, msg!("W011", length = width.ceil() as i64, shown = SUMMARY_WIDTH as i64))
                .field("summary"),
        );
    }
}

fn links(page: &Page, found: &mut Vec<Diagnostic>) {
    for link in &page.body.links {
        let words = link.text.trim();
        if link.is_image && words.is_empty() {
            found.push(warn(page, link.position, msg!("W012")));
        } else if !link.is_image && VAGUE_LINKS.contains(&words.to_lowercase().as_str()) {
            found.push(warn(page, link.position, msg!("W013", words = words)));
        }
    }
}

/// Characters public sites avoid: machine-dependent ones (①, ㈱, ㍻, Ⅲ), half-width
/// katakana, and full-width letters and digits.
fn characters(page: &Page, found: &mut Vec<Diagnostic>) {
    for (index, line) in page.file.text.lines().enumerate() {
        let mut reported: Vec<&str> = Vec::new(); // each kind once per line is enough to find them
        for (column, c) in line.chars().enumerate() {
            // The catalogue names each kind and what to write instead.
            let what = match c {
                '\u{2460}'..='\u{24FF}' | '\u{3200}'..='\u{33FF}' | '\u{2160}'..='\u{217F}' => "machine-dependent",
                '\u{FF61}'..='\u{FF9F}' => "half-width-katakana",
                '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => "full-width-alphanumeric",
                _ => continue,
            };
            if reported.contains(&what) {
                continue;
            }
            reported.push(what);
            found.push(warn(
                page,
                Position::new(index + 1, column + 1),
                msg!("W014", character = c.to_string(), kind = what),
            ));
        }
    }
}

/// 2026/4/1 where Japanese public writing uses 2026年4月1日.
fn slash_dates(page: &Page, found: &mut Vec<Diagnostic>) {
    for (index, line) in page.file.text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for start in 0..chars.len() {
            if start > 0 && chars[start - 1].is_ascii_digit() {
                continue;
            }
            let rest: String = chars[start..].iter().take(10).collect();
            let parts: Vec<&str> = rest.splitn(3, '/').collect();
            if let [year, month, day] = parts.as_slice() {
                let day: String = day.chars().take_while(char::is_ascii_digit).collect();
                let valid = year.len() == 4
                    && year.chars().all(|c| c.is_ascii_digit())
                    && (1..=2).contains(&month.len())
                    && month.chars().all(|c| c.is_ascii_digit())
                    && (1..=2).contains(&day.len());
                if valid {
                    found.push(warn(
                        page,
                        Position::new(index + 1, start + 1),
                        msg!(
                            "W015",
                            written = format!("{year}/{month}/{day}"),
                            japanese =
                                format!("{year}年{}月{}日", month.trim_start_matches('0'), day.trim_start_matches('0'))
                        ),
                    ));
                    break;
                }
            }
        }
    }
}

/// Sentences of やさしい日本語 longer than readers of it can follow.
fn easy_sentences(page: &Page, found: &mut Vec<Diagnostic>) {
    let body_start = page.file.text.len() - page.body_text_len();
    let first_body_line = page.file.text[..body_start].lines().count();
    for (index, line) in page.file.text.lines().enumerate().skip(first_body_line) {
        if line.starts_with('#') {
            continue;
        }
        let mut column = 0;
        // A table row is read cell by cell.
        let separators: &[char] =
            if line.trim_start().starts_with('|') { &['。', '！', '？', '|'] } else { &['。', '！', '？'] };
        for sentence in line.split_inclusive(separators) {
            let length = readable_length(sentence);
            if length > EASY_SENTENCE {
                found.push(warn(
                    page,
                    Position::new(index + 1, column + 1),
                    msg!("W016", length = length, most = EASY_SENTENCE),
                ));
            }
            column += sentence.chars().count();
        }
    }
}

/// Characters a reader reads: without list markers, emphasis marks and link addresses.
fn readable_length(sentence: &str) -> usize {
    let mut text = sentence.trim().trim_start_matches(['-', '*', ' ']).trim_end_matches('|').trim().to_string();
    while let Some(start) = text.find("](") {
        let Some(end) = text[start..].find(')') else { break };
        text.replace_range(start..start + end + 1, "");
    }
    text.chars().filter(|c| !matches!(c, '*' | '[' | ']' | '`')).count()
}

/// Which chapters each language does not have yet: a report per language.
fn missing_translations(guidebook: &Guidebook) -> Vec<Diagnostic> {
    let source = guidebook.source_code();
    guidebook
        .config
        .languages
        .iter()
        .filter(|l| l.code != source)
        .filter_map(|language| {
            let missing: Vec<&str> = guidebook
                .chapters
                .iter()
                .filter(|c| !c.versions.contains_key(&language.code))
                .map(|c| c.slug.as_str())
                .collect();
            (!missing.is_empty()).then(|| {
                Diagnostic::warning(
                    format!("content/{}", language.code),
                    Position::START,
                    msg!(
                        "W017",
                        count = missing.len(),
                        total = guidebook.chapters.len(),
                        source = source,
                        chapters = missing.join(", "),
                        lang = &language.code
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_length_counts_what_is_read() {
        assert_eq!(readable_length("- [相談先](../a/b.md)に**電話**します。"), 10);
        assert_eq!(readable_length(" 家で医療を受けたい |"), 9);
    }
}
