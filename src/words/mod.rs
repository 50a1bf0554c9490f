//! The guidebook's own words about words: `data/dictionary.csv`, readings the tokenizer
//! adds to IPADIC and tebiki's domain dictionary, and `data/synonyms.yaml`, other names for
//! the same thing. Both are read once when the guidebook is loaded; the tokenizer made from
//! them serves every output (furigana and line breaks on the site, the booklet's ruby, the
//! search index, the checks), so it belongs to the loaded guidebook, not to one of them.

mod synonyms;
mod user_dictionary;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::japanese::Tokenizer;
use crate::msg;

pub(crate) use synonyms::WrittenGroup;
pub(crate) use synonyms::{own_groups, read_synonyms};
pub(crate) use user_dictionary::{USER_DICTIONARY, read_user_dictionary};

/// The tokenizer with the domain dictionary and the guidebook's own words. `reuse` is a
/// tokenizer from an earlier build; it is kept when the guidebook's dictionary has not
/// changed, with every text it has already tokenised. A tokenizer made with `remember`
/// keeps every text it reads.
pub fn load_tokenizer(
    root: &Path,
    diagnostics: &Diagnostics,
    reuse: Option<&Arc<Tokenizer>>,
    remember: bool,
) -> Option<Arc<Tokenizer>> {
    let extra = read_user_dictionary(root, diagnostics);
    if let Some(tokenizer) = reuse.filter(|t| t.extra_entries() == extra) {
        return Some(Arc::clone(tokenizer));
    }
    match Tokenizer::new(&extra) {
        Ok(tokenizer) => Some(Arc::new(if remember { tokenizer.remembering() } else { tokenizer })),
        Err(message) => {
            diagnostics.push(Diagnostic::error(USER_DICTIONARY, Position::START, msg!("E094")).detail(message));
            None
        }
    }
}
