//! What a build reads, and a fingerprint of it: the preview server rebuilds when, and only
//! when, a file a build reads has changed. An editor that writes a file twice, or saves by
//! writing a temporary file and renaming it, leaves the same fingerprint as one save.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::content::is_left_by_tools;

/// Everything under the guidebook folder that a build reads.
pub(super) const WATCHED: &[&str] = &[crate::config::FILE_NAME, "content", "themes", "i18n", "data"];

/// Each input file, by its path in the guidebook folder, with a hash of its bytes.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Fingerprint(BTreeMap<String, u64>);

impl Fingerprint {
    pub(super) fn of(root: &Path) -> Fingerprint {
        let mut files = BTreeMap::new();
        for top in WATCHED {
            for entry in WalkDir::new(root.join(top)).sort_by_file_name().into_iter().filter_map(Result::ok) {
                let relative = crate::diagnostics::display_path(root, entry.path());
                if entry.file_type().is_dir() || relative.split('/').any(is_left_by_tools) {
                    continue;
                }
                // A file that vanished between listing and reading counts as changed.
                let mut hasher = DefaultHasher::new();
                std::fs::read(entry.path()).ok().hash(&mut hasher);
                files.insert(relative, hasher.finish());
            }
        }
        Fingerprint(files)
    }

    /// Files added, removed or changed from `self` to `newer`, by path.
    pub(super) fn changes(&self, newer: &Fingerprint) -> Vec<String> {
        let mut changed: Vec<String> = newer
            .0
            .iter()
            .filter(|(path, hash)| self.0.get(*path) != Some(*hash))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(self.0.keys().filter(|path| !newer.0.contains_key(*path)).cloned());
        changed.sort();
        changed
    }
}

/// Whether a changed path can affect the build (and is not an editor's swap file).
pub(super) fn is_input(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else { return false };
    let mut parts = relative.iter().map(|p| p.to_string_lossy());
    let Some(top) = parts.next() else { return false };
    WATCHED.contains(&top.as_ref()) && !parts.any(|p| is_left_by_tools(&p))
}

/// The folders to watch, recursively, that exist now.
pub(super) fn watched_folders(root: &Path) -> Vec<PathBuf> {
    WATCHED.iter().map(|top| root.join(top)).filter(|p| p.is_dir()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swap_files_and_the_output_are_not_inputs() {
        let root = Path::new("/g");
        assert!(is_input(root, Path::new("/g/content/ja/a.md")));
        assert!(is_input(root, Path::new("/g/site.yaml")));
        assert!(!is_input(root, Path::new("/g/content/ja/.a.md.swp")));
        assert!(!is_input(root, Path::new("/g/content/ja/a.md~")));
        assert!(!is_input(root, Path::new("/g/public/ja/index.html")));
        assert!(!is_input(root, Path::new("/g/.git/index")));
    }

    #[test]
    fn writing_the_same_bytes_again_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/ja")).unwrap();
        let chapter = dir.path().join("content/ja/a.md");
        std::fs::write(&chapter, "一").unwrap();
        let before = Fingerprint::of(dir.path());
        std::fs::write(&chapter, "一").unwrap();
        std::fs::write(dir.path().join("content/ja/.a.md.swp"), "x").unwrap();
        assert_eq!(before.changes(&Fingerprint::of(dir.path())), Vec::<String>::new());
        std::fs::write(&chapter, "二").unwrap();
        assert_eq!(before.changes(&Fingerprint::of(dir.path())), vec!["content/ja/a.md".to_string()]);
    }
}
