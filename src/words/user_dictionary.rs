//! data/dictionary.csv: the guidebook's words for the tokenizer, one per line, in the
//! format of dictionary/domain.csv (`surface,part_of_speech,reading`, reading in katakana).

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::japanese::is_kana;
use crate::msg;

/// A guidebook's own words for the tokenizer, in the format of dictionary/domain.csv.
pub(crate) const USER_DICTIONARY: &str = "data/dictionary.csv";

/// Checks data/dictionary.csv line by line: `surface,part_of_speech,reading`, reading in katakana.
pub(crate) fn read_user_dictionary(root: &Path, diagnostics: &Diagnostics) -> String {
    let path = root.join(USER_DICTIONARY);
    if !path.is_file() {
        return String::new();
    }
    let Ok(file) = crate::source::SourceFile::read(root, &path).map_err(|d| diagnostics.push(d)) else {
        return String::new();
    };
    let mut accepted = String::new();
    for (index, line) in file.text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split(',').collect();
        let problem = match fields.as_slice() {
            [surface, pos, reading]
                if !surface.is_empty()
                    && !pos.is_empty()
                    && is_kana(reading)
                    && !reading.chars().any(|c| ('ぁ'..='ゖ').contains(&c)) =>
            {
                None
            }
            [_, _, reading] => Some(msg!("E092", reading = *reading)),
            _ => Some(msg!("E093", count = fields.len())),
        };
        match problem {
            None => {
                accepted.push_str(trimmed);
                accepted.push('\n');
            }
            Some(message) => diagnostics
                .push(Diagnostic::error(&file.name, Position::new(index + 1, 1), message).with_source(&file.text)),
        }
    }
    accepted
}
