//! The world a booklet is typeset in: the generated main.typ, the theme's booklet.typ,
//! the images and QR codes it shows, and the fonts built into tebiki. Nothing is read
//! from the system (no font scan, no packages, no network), so the same guidebook gives
//! the same PDF on any machine.

use std::collections::HashMap;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts, parsed once per process.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = crate::embedded::fonts().flat_map(|bytes| Font::iter(Bytes::new(bytes))).collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

/// Whether one of the booklet's fonts has a glyph for `c`.
pub(super) fn covers(c: char) -> bool {
    fonts().1.iter().any(|font| font.info().coverage.contains(c as u32))
}

/// Whether the font family `family` (as Typst names it, any case) has a glyph for `c`.
pub(super) fn family_covers(family: &str, c: char) -> bool {
    fonts()
        .1
        .iter()
        .any(|font| font.info().family.eq_ignore_ascii_case(family) && font.info().coverage.contains(c as u32))
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

pub(super) fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("tebiki's own virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

pub(super) struct BookletWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl BookletWorld {
    /// A world whose main file is `main.typ` with `text`, dated `today` (the edition date,
    /// so that nothing depends on the day the booklet is made).
    pub(super) fn new(main: &str, today: Datetime) -> BookletWorld {
        let id = file_id("main.typ");
        let mut world = BookletWorld { main: id, sources: HashMap::new(), files: HashMap::new(), today };
        world.sources.insert(id, Source::new(id, main.to_string()));
        world
    }

    pub(super) fn add_source(&mut self, path: &str, text: &str) {
        let id = file_id(path);
        self.sources.insert(id, Source::new(id, text.to_string()));
    }

    pub(super) fn add_file(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(file_id(path), Bytes::new(bytes));
    }
}

impl World for BookletWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.text().to_string()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
