//! Results kept from one build to the next, for the preview server. Each is filed under a
//! hash of everything it was made from, so a kept result is right by construction; what a
//! build no longer asks for is dropped after it, so the memo does not grow with every
//! edit. A one-off build keeps nothing.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

pub(crate) struct Memo<V> {
    kept: Mutex<HashMap<u64, Arc<V>>>,
    /// Keys asked for since the last `keep_only_used`.
    used: Mutex<HashSet<u64>>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo { kept: Mutex::default(), used: Mutex::default() }
    }
}

impl<V> Memo<V> {
    /// The value filed under `key`, made by `make` if there is none.
    pub(crate) fn get_or_make(&self, key: u64, make: impl FnOnce() -> V) -> Arc<V> {
        self.get(key).unwrap_or_else(|| self.put(key, make()))
    }

    pub(crate) fn get(&self, key: u64) -> Option<Arc<V>> {
        self.used.lock().expect("memo").insert(key);
        self.kept.lock().expect("memo").get(&key).cloned()
    }

    pub(crate) fn put(&self, key: u64, value: V) -> Arc<V> {
        let value = Arc::new(value);
        self.used.lock().expect("memo").insert(key);
        self.kept.lock().expect("memo").insert(key, Arc::clone(&value));
        value
    }

    /// Forgets every value not asked for since the last call.
    pub(crate) fn keep_only_used(&self) {
        let used = std::mem::take(&mut *self.used.lock().expect("memo"));
        self.kept.lock().expect("memo").retain(|key, _| used.contains(key));
    }

    /// How many values are kept (for the tests: that forgetting forgets).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.kept.lock().expect("memo").len()
    }
}

/// A key for a memo: the hash of the parts a value is made from.
pub(crate) fn key(parts: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_and_dropped_when_no_longer_asked_for() {
        let memo: Memo<String> = Memo::default();
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            "page".to_string()
        };
        memo.get_or_make(key("a"), make);
        memo.get_or_make(key("a"), make);
        assert_eq!(made.get(), 1);
        memo.keep_only_used();
        memo.get_or_make(key("b"), make);
        memo.keep_only_used();
        assert_eq!(memo.len(), 1, "only b was asked for in the last build");
    }
}
