//! Heading ids: stable, readable in Japanese, unique on the page.

use std::collections::{HashMap, HashSet};

/// Ids the theme itself uses on every page; a chapter heading never takes one of them.
pub(crate) const RESERVED_IDS: &[&str] =
    &["main", "page-title", "page-toc", "page-contacts", "page-nav", "language-switcher", "skip"];

/// An id from heading text: letters and digits of any script are kept (so 認知症の相談
/// stays readable in the address bar), everything else becomes a single `-`.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() { "section".to_string() } else { slug }
}

/// Hands out ids that are unique on one page: the second "faq" becomes "faq-2".
///
/// Each id wanted remembers the next number to try, so a page with thousands of headings
/// of the same words costs as much as one with thousands of different ones.
#[derive(Default)]
pub(super) struct IdAllocator {
    taken: HashSet<String>,
    next_number: HashMap<String, usize>,
}

impl IdAllocator {
    pub(super) fn new() -> Self {
        IdAllocator { taken: RESERVED_IDS.iter().map(|s| s.to_string()).collect(), next_number: HashMap::new() }
    }

    /// Claims an id written by the author; false when it is already used on the page.
    pub(super) fn claim(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }

    /// A free id based on `wanted`.
    pub(super) fn allocate(&mut self, wanted: &str) -> String {
        let number = self.next_number.entry(wanted.to_string()).or_insert(1);
        loop {
            let candidate = if *number == 1 { wanted.to_string() } else { format!("{wanted}-{number}") };
            *number += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_headings_keep_their_words() {
        assert_eq!(slugify("人生会議（ACP）ってなに？"), "人生会議-acp-ってなに");
        assert_eq!(slugify("Step 1: Talk"), "step-1-talk");
        assert_eq!(slugify("！？"), "section");
    }

    #[test]
    fn repeated_headings_get_numbered_and_theme_ids_are_avoided() {
        let mut ids = IdAllocator::new();
        assert_eq!(ids.allocate("faq"), "faq");
        assert_eq!(ids.allocate("faq"), "faq-2");
        assert_eq!(ids.allocate("main"), "main-2");
        assert!(!ids.claim("faq"));
        assert!(ids.claim("faq-4"));
        assert_eq!(ids.allocate("faq"), "faq-3");
        assert_eq!(ids.allocate("faq"), "faq-5", "an id the author took is skipped");
    }
}
