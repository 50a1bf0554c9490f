//! Writing the site so that a failed build never leaves a half-written folder.
//!
//! Pages are written into a staging folder beside the output. Only when everything has been
//! written is the old output moved aside and the staging folder renamed into its place (two
//! renames on the same file system), so readers of the old site, and a preview server, never
//! see a mixture. A folder that tebiki did not write is never replaced: staff can point
//! `--out` at the wrong place, and their files must not be lost.

use crate::messages::Message;
use crate::msg;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::OutputFile;

/// Written into every output folder; its presence is what allows tebiki to replace it.
pub(super) const MARKER: &str = ".tebiki-output";
const MARKER_TEXT: &str = "This folder is written by `tebiki build` and replaced whole on every build.\n";

pub(crate) struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

/// Why the output folder cannot be used, in words for the person who ran the build, with
/// what the file system said when it was the file system that refused.
#[derive(Debug)]
pub(crate) struct OutputError {
    pub message: Message,
    pub detail: Option<String>,
}

impl OutputError {
    fn new(message: Message) -> Self {
        OutputError { message, detail: None }
    }

    fn io(message: Message, error: &io::Error) -> Self {
        OutputError { message, detail: Some(error.to_string()) }
    }
}

/// The previous site was left behind after the swap: where, and why.
#[derive(Debug)]
pub(crate) struct LeftBehind {
    pub message: Message,
    pub detail: String,
}

impl Staging {
    /// Prepares a staging folder for `out`, refusing an `out` that holds someone's work.
    pub(crate) fn create(out: &Path, root: &Path) -> Result<Staging, OutputError> {
        check_replaceable(out, root)?;
        let name = out.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "public".into());
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .map_err(|e| OutputError::io(msg!("E101", folder = parent.display().to_string()), &e))?;
        remove_abandoned(parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .map_err(|e| OutputError::io(msg!("E102", folder = dir.display().to_string()), &e))?;
        }
        fs::create_dir(&dir).map_err(|e| OutputError::io(msg!("E101", folder = dir.display().to_string()), &e))?;
        let staging = Staging { dir, out: out.to_path_buf(), committed: false };
        staging
            .write(MARKER, MARKER_TEXT.as_bytes())
            .map_err(|e| OutputError::io(msg!("E101", folder = staging.dir.display().to_string()), &e))?;
        Ok(staging)
    }

    pub(crate) fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes)
    }

    pub(crate) fn copy(&self, relative: &str, from: &Path) -> io::Result<()> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, &path).map(|_| ())
    }

    /// Swaps the staging folder in for the output folder. The new site is in place once
    /// this returns `Ok`; the `Some` is a message for the person when the previous site
    /// could not be removed after the swap.
    pub(crate) fn commit(mut self) -> io::Result<Option<LeftBehind>> {
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.out.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            std::process::id()
        ));
        let had_output = self.out.exists();
        if had_output {
            fs::rename(&self.out, &old)?;
        }
        if let Err(error) = fs::rename(&self.dir, &self.out) {
            if had_output {
                fs::rename(&old, &self.out)?;
            }
            return Err(error);
        }
        self.committed = true;
        if had_output && let Err(error) = fs::remove_dir_all(&old) {
            let message = msg!("W005", folder = old.display().to_string());
            return Ok(Some(LeftBehind { message, detail: error.to_string() }));
        }
        Ok(None)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes files into a staging folder from many threads at once, counting what was written
/// and keeping the first error (the build fails on it once every page has been made).
#[derive(Default)]
pub(crate) struct Tally {
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
    first_error: Mutex<Option<io::Error>>,
}

impl Tally {
    pub(crate) fn write(&self, staging: &Staging, file: &OutputFile) {
        match staging.write(&file.path, &file.bytes) {
            Ok(()) => {
                self.files.fetch_add(1, Ordering::Relaxed);
                if file.path.ends_with(".html") {
                    self.pages.fetch_add(1, Ordering::Relaxed);
                }
                self.bytes.fetch_add(file.bytes.len() as u64, Ordering::Relaxed);
            }
            Err(error) => {
                self.first_error.lock().expect("write errors").get_or_insert(error);
            }
        }
    }

    pub(crate) fn result(&self) -> io::Result<()> {
        match self.first_error.lock().expect("write errors").take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    pub(crate) fn files(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    pub(crate) fn pages(&self) -> usize {
        self.pages.load(Ordering::Relaxed)
    }

    pub(crate) fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// Removes staging and old folders left by a build that was killed before it could clean up:
/// those whose process no longer runs. A folder of a build still running is left alone.
fn remove_abandoned(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        let pid = [".staging-", ".old-"]
            .iter()
            .find_map(|kind| file_name.strip_prefix(&format!(".{name}{kind}")))
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && !process_is_running(pid)
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new("/proc").join(pid.to_string()).exists() } else { true }
}

/// Folders of the guidebook that hold what it is made from: a site written into one would
/// be read, or published, by the next build.
const INPUT_FOLDERS: &[&str] = &["content", "themes", "data", "i18n"];

fn check_replaceable(out: &Path, root: &Path) -> Result<(), OutputError> {
    let (Some(out_abs), Ok(root_abs)) = (resolve_even_if_missing(out), root.canonicalize()) else {
        return Err(OutputError::new(msg!("E103", folder = out.display().to_string())));
    };
    if root_abs.starts_with(&out_abs) || INPUT_FOLDERS.iter().any(|f| out_abs.starts_with(root_abs.join(f))) {
        return Err(OutputError::new(msg!("E104", folder = out.display().to_string())));
    }
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(OutputError::new(msg!("E105", folder = out.display().to_string())));
    }
    let empty = fs::read_dir(out).map(|mut entries| entries.next().is_none()).unwrap_or(false);
    if !empty && !out.join(MARKER).is_file() {
        return Err(OutputError::new(msg!("E106", folder = out.display().to_string())));
    }
    Ok(())
}

/// `path` made absolute with every link followed, for the part of it that exists; the rest
/// (folders not made yet) is added as written.
fn resolve_even_if_missing(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    while !existing.exists() {
        missing.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    for part in missing.iter().rev() {
        if part == ".." {
            resolved.pop();
        } else if part != "." {
            resolved.push(part);
        }
    }
    Some(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn folders_left_by_a_killed_build_are_cleared() {
        let root = tempfile::tempdir().unwrap();
        let abandoned = root.path().join(".public.staging-4000000000");
        fs::create_dir(&abandoned).unwrap();
        let staging = Staging::create(&root.path().join("public"), root.path()).unwrap();
        assert!(!abandoned.exists());
        staging.commit().unwrap();
    }

    #[test]
    fn an_output_folder_among_the_guidebooks_own_files_is_refused_even_before_it_exists() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("content/ja")).unwrap();
        for out in ["content/ja/out", "content/ja/new/deeper", "themes/default/static/site", "data/site", "."] {
            let error = Staging::create(&root.path().join(out), root.path()).err().unwrap_or_else(|| panic!("{out}"));
            assert_eq!(error.message.key, "E104", "{out}: {error:?}");
        }
        assert!(!root.path().join("content/ja/out").exists());
        assert!(Staging::create(&root.path().join("content-site"), root.path()).is_ok());
    }

    #[test]
    fn a_folder_tebiki_did_not_write_is_never_replaced() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("mine");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("notes.txt"), "keep me").unwrap();
        let error = Staging::create(&out, root.path()).err().unwrap();
        assert_eq!(error.message.key, "E106", "{error:?}");
        assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "keep me");
    }

    #[test]
    fn an_uncommitted_build_leaves_the_previous_output_alone() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = Staging::create(&out, root.path()).unwrap();
        first.write("index.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::create(&out, root.path()).unwrap();
        second.write("index.html", b"two").unwrap();
        drop(second);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "one");
        let leftovers: Vec<_> = fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }
}
