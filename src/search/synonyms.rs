//! Other names for the same thing: a reader who types ACP finds the chapter on 人生会議.
//!
//! Groups come from dictionary/synonyms.yaml (built in) and the guidebook's own
//! data/synonyms.yaml, read with the guidebook (`crate::words`). Groups that share a term
//! are merged. Expansion happens when the index is built: a section that mentions one
//! member is also indexed under the keys of the others, so the browser needs no synonym
//! table.

use std::collections::BTreeSet;

use aho_corasick::AhoCorasick;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::japanese::{Tokenizer, normalize};
use crate::msg;
use crate::search::analyze::{Analysis, Terms, analyze};
use crate::words::{WrittenGroup, own_groups};

/// One term of a group: its normalised form (to find it in text) and its keys.
#[derive(Debug)]
struct Member {
    written: String,
    normalized: String,
    terms: Terms,
}

#[derive(Debug, Default)]
pub(super) struct Synonyms {
    groups: Vec<Vec<Member>>,
    /// Finds every member of every group in one pass over a text, so the groups a text
    /// does not mention (nearly all of them) cost nothing.
    finder: Option<AhoCorasick>,
    /// The group of each of the finder's patterns.
    group_of: Vec<usize>,
}

impl Synonyms {
    /// Merges groups that share a term and computes each member's keys.
    pub(super) fn prepare(written: &[WrittenGroup], tokenizer: &Tokenizer) -> Synonyms {
        let mut merged: Vec<Vec<String>> = Vec::new();
        for group in written {
            let normalized: Vec<String> = group.terms.iter().map(|t| normalize(t)).collect();
            let overlapping: Vec<usize> = merged
                .iter()
                .enumerate()
                .filter(|(_, existing)| existing.iter().any(|t| normalized.contains(&normalize(t))))
                .map(|(i, _)| i)
                .collect();
            let mut combined: Vec<String> = group.terms.clone();
            for &i in overlapping.iter().rev() {
                combined.extend(merged.remove(i));
            }
            combined.sort();
            combined.dedup_by(|a, b| normalize(a) == normalize(b));
            merged.push(combined);
        }
        let groups: Vec<Vec<Member>> = merged
            .into_iter()
            .map(|terms| {
                terms
                    .into_iter()
                    .map(|written| Member {
                        normalized: normalize(&written),
                        terms: analyze(&written, Analysis::Japanese, tokenizer),
                        written,
                    })
                    .collect()
            })
            .collect();
        let (patterns, group_of): (Vec<&str>, Vec<usize>) = groups
            .iter()
            .enumerate()
            .flat_map(|(g, members)| {
                members.iter().filter(|m| !m.normalized.is_empty()).map(move |m| (m.normalized.as_str(), g))
            })
            .unzip();
        let finder = AhoCorasick::new(patterns).ok();
        Synonyms { groups, finder, group_of }
    }

    /// The keys a text gains from the synonyms of the terms it mentions, marked with the
    /// mentioned term as written (so the excerpt marks what is really on the page).
    pub(super) fn expand(&self, normalized_text: &str) -> Terms {
        let mut gained = Terms::default();
        let Some(finder) = &self.finder else { return gained };
        let mentioned: BTreeSet<usize> =
            finder.find_overlapping_iter(normalized_text).map(|m| self.group_of[m.pattern().as_usize()]).collect();
        for group in mentioned.into_iter().map(|g| &self.groups[g]) {
            // Longest names first, each occurrence blanked once counted, so ケアマネ inside
            // ケアマネジャー is not counted as a second mention.
            let mut text = normalized_text.to_string();
            let mut by_length: Vec<&Member> = group.iter().filter(|m| !m.normalized.is_empty()).collect();
            by_length.sort_by_key(|m| std::cmp::Reverse(m.normalized.chars().count()));
            for found in by_length {
                let count = text.matches(found.normalized.as_str()).count();
                if count == 0 {
                    continue;
                }
                text = text.replace(found.normalized.as_str(), "\u{0}");
                for _ in 0..count {
                    for other in group.iter().filter(|m| m.normalized != found.normalized) {
                        gained
                            .words
                            .extend(other.terms.words.iter().map(|(key, _)| (key.clone(), found.written.clone())));
                        gained.characters.extend(other.terms.characters.iter().cloned());
                        gained
                            .character_names
                            .extend(other.terms.characters.iter().map(|key| (key.clone(), found.written.clone())));
                    }
                }
            }
        }
        gained
    }
}

/// A group of the guidebook's own file none of whose terms is written in any chapter names
/// something unknown to the guidebook (often a misspelling): it would never be used.
/// `mentioned` holds the places in `own_groups` of the groups some chapter mentions.
pub(super) fn warn_unknown(written: &[WrittenGroup], mentioned: &BTreeSet<usize>, diagnostics: &Diagnostics) {
    for (_, group) in own_groups(written).enumerate().filter(|(i, _)| !mentioned.contains(i)) {
        diagnostics.push(Diagnostic::warning(
            &group.file,
            Position::new(group.line, 1),
            msg!("W004", terms = group.terms.join(", ")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(groups: &[&[&str]]) -> Vec<WrittenGroup> {
        groups
            .iter()
            .map(|g| WrittenGroup { terms: g.iter().map(|t| t.to_string()).collect(), file: "x".into(), line: 1 })
            .collect()
    }

    #[test]
    fn a_mention_of_one_name_indexes_the_others() {
        let tokenizer = Tokenizer::new("").unwrap();
        let synonyms = Synonyms::prepare(&written(&[&["人生会議", "ACP"]]), &tokenizer);
        let gained = synonyms.expand(&normalize("ACPを始めましょう"));
        assert!(gained.words.iter().any(|(k, shown)| k == "じんせいかいぎ" && shown == "ACP"), "{gained:?}");
        assert!(gained.characters.contains(&"会議".to_string()));
        let gained = synonyms.expand(&normalize("人生会議とは"));
        assert!(gained.words.iter().any(|(k, shown)| k == "acp" && shown == "人生会議"), "{gained:?}");
    }

    #[test]
    fn a_short_name_inside_a_longer_one_is_not_a_second_mention() {
        let tokenizer = Tokenizer::new("").unwrap();
        let synonyms = Synonyms::prepare(&written(&[&["ケアマネジャー", "ケアマネ", "介護支援専門員"]]), &tokenizer);
        let gained = synonyms.expand(&normalize("ケアマネジャーに相談"));
        let shown: Vec<&str> = gained.words.iter().map(|(_, shown)| shown.as_str()).collect();
        assert!(shown.iter().all(|s| *s == "ケアマネジャー"), "{shown:?}");
    }

    #[test]
    fn groups_sharing_a_term_are_merged() {
        let tokenizer = Tokenizer::new("").unwrap();
        let synonyms = Synonyms::prepare(
            &written(&[&["地域包括支援センター", "包括"], &["あんしんセンター", "地域包括支援センター"]]),
            &tokenizer,
        );
        assert_eq!(synonyms.groups.len(), 1);
        assert_eq!(synonyms.groups[0].len(), 3);
    }
}
