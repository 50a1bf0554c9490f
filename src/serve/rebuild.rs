//! Building again after a save, doing only the work the change calls for. What a build
//! costs is tokenising Japanese text and rendering and minifying pages; the rebuilder keeps
//! the tokenizer (which remembers every text it has read) and every rendered page between
//! builds, so a changed chapter is tokenised anew and only pages whose content changed (the
//! chapter, its neighbours, the listings and the front page showing it) are rendered again.
//! Files are still read and checked whole: a change in one file can break a link in another.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::japanese::Tokenizer;
use crate::{Kept, RenderedSite, load_reusing, render};

pub(super) struct Rebuilder {
    root: PathBuf,
    tokenizer: Option<Arc<Tokenizer>>,
    kept: Kept,
}

impl Rebuilder {
    pub(super) fn new(root: &Path) -> Rebuilder {
        Rebuilder { root: root.to_path_buf(), tokenizer: None, kept: Kept::default() }
    }

    pub(super) fn rebuild(&mut self) -> Result<RenderedSite, Vec<Diagnostic>> {
        let loaded = load_reusing(&self.root, self.tokenizer.as_ref())?;
        self.tokenizer = Some(Arc::clone(&loaded.tokenizer));
        let site = render(loaded, Some(&self.kept));
        // Pages of a failed render stay, so that fixing the mistake is quick too.
        if site.is_ok() {
            self.kept.keep_only_used();
            if let Some(tokenizer) = &self.tokenizer {
                tokenizer.forget_unused();
            }
        }
        site
    }
}
