//! Waiting for a save. Editors save in several steps (write a temporary file and rename it,
//! truncate and write, write twice); every event of one save arrives within a few
//! milliseconds, so a change counts once the folder has been quiet for `QUIET`.

use crate::messages::Failure;
use crate::msg;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::inputs;

const QUIET: Duration = Duration::from_millis(120);

pub(super) struct SaveWatcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
}

impl SaveWatcher {
    pub(super) fn new(root: &Path) -> Result<SaveWatcher, Failure> {
        let cannot_watch = |folder: &Path, e: &dyn std::fmt::Display| {
            Failure::new(msg!("E131", folder = folder.display().to_string()), e)
        };
        let root = root.canonicalize().map_err(|e| cannot_watch(root, &e))?;
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(sender).map_err(|e| cannot_watch(&root, &e))?;
        // The folder itself, for site.yaml and for input folders created later; each input
        // folder with everything in it. Not the whole folder: public/ and .git/ change
        // without any input changing.
        watcher.watch(&root, RecursiveMode::NonRecursive).map_err(|e| cannot_watch(&root, &e))?;
        for folder in inputs::watched_folders(&root) {
            watcher.watch(&folder, RecursiveMode::Recursive).map_err(|e| cannot_watch(&folder, &e))?;
        }
        Ok(SaveWatcher { root, watcher, events })
    }

    /// Blocks until an input has changed and the folder has been quiet since. `None` when
    /// watching has stopped.
    pub(super) fn next_save(&mut self) -> Option<()> {
        loop {
            let event = self.events.recv().ok()?;
            if self.concerns_inputs(event) {
                break;
            }
        }
        loop {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => {
                    self.concerns_inputs(event);
                }
                Err(RecvTimeoutError::Timeout) => return Some(()),
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// Whether an event touches an input; starts watching an input folder that was just
    /// created (a guidebook's first data/ file, a theme copied in).
    fn concerns_inputs(&mut self, event: notify::Result<Event>) -> bool {
        let Ok(event) = event else { return true };
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        let mut relevant = false;
        for path in &event.paths {
            if !inputs::is_input(&self.root, path) {
                continue;
            }
            relevant = true;
            if path.parent() == Some(self.root.as_path()) && path.is_dir() {
                let _ = self.watcher.watch(path, RecursiveMode::Recursive);
            }
        }
        relevant
    }
}
