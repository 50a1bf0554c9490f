//! What every output is made of and where it goes: a file of the site (`OutputFile`), the
//! place rendered files are handed to (`Sink`), where each page lives and how pages link
//! to each other (`paths`), and how a build writes them all or nothing (`staging`).
//!
//! The site's pages, the search index and the sitemap are all `OutputFile`s; the booklet
//! and the links check use `paths` for the same URL layout. This module depends on none of
//! them, so each output can use it without reaching into another.

pub(crate) mod paths;
mod staging;

use std::sync::Arc;

pub(crate) use paths::PagePath;
pub(crate) use staging::{Staging, Tally};

/// A file of the built site: its path from the site root and its bytes.
pub(crate) struct OutputFile {
    pub path: String,
    /// Shared, because a preview server keeps pages between renders.
    pub bytes: Arc<Vec<u8>>,
}

/// Where rendered files go as soon as they are made: written to disk by a build, kept in
/// memory by a preview server. Called from many threads at once.
pub(crate) type Sink<'a> = &'a (dyn Fn(OutputFile) + Sync);
