//! `tebiki booklet`: the guidebook as a printed booklet, typeset with Typst inside tebiki.
//! The chapters come from the same parsed Markdown as the website; `markup` writes them
//! as Typst, the theme's booklet.typ lays them out on A5 pages, and typst-pdf writes a PDF
//! a print shop can use (fonts embedded, optionally with bleed and crop marks) or, imposed,
//! one an office printer can print double-sided and fold.

mod document;
pub(crate) mod impose;
mod markup;
mod qr;
mod typst_text;
mod world;

use std::ops::Range;
use std::path::{Path, PathBuf};

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::scaffold::fill_in;

use crate::Loaded;
use crate::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::messages::Message;
use crate::msg;
use document::{Source, edition_date};
pub use impose::Duplex;
use world::BookletWorld;

/// Print runs in two type sizes: the standard booklet, and a large-print one for readers
/// with low vision, which also prints furigana over every kanji.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Edition {
    Standard,
    Large,
}

impl Edition {
    fn body_size(self) -> &'static str {
        match self {
            Edition::Standard => "12pt",
            Edition::Large => "14pt",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Edition::Standard => "standard",
            Edition::Large => "large",
        }
    }
}

pub struct BookletOptions {
    pub root: PathBuf,
    /// One language, or every language of the site.
    pub lang: Option<String>,
    pub edition: Edition,
    /// 3 mm bleed and crop marks around the A5 trim box, for a print shop.
    pub bleed: bool,
    /// A4 landscape sheets, two pages a side, in saddle-stitch order.
    pub impose: Option<Duplex>,
    /// The PDF (with `lang`) or the folder for every language's PDF.
    pub out: Option<PathBuf>,
    /// Print even with stand-in text from `tebiki init` left in (a proof, not for residents).
    pub allow_placeholders: bool,
}

/// A booklet written.
pub struct Made {
    pub path: PathBuf,
    /// A5 pages, a multiple of four.
    pub pages: usize,
    /// Pages of the file itself (A4 sides when imposed).
    pub file_pages: usize,
    pub bytes: usize,
    /// What the booklet prints differently from how it was written.
    pub warnings: Vec<Diagnostic>,
}

/// Written into every booklet's PDF metadata (its keywords): a file with it is one tebiki
/// made, which a later `tebiki booklet` may replace.
pub(crate) const PDF_KEYWORD: &str = "tebiki booklet";

/// Makes the booklets asked for: all or nothing, every problem reported.
pub fn make(options: &BookletOptions) -> Result<Vec<Made>, Vec<Diagnostic>> {
    let loaded = crate::load(&options.root)?;
    let guidebook = &loaded.guidebook;
    let languages: Vec<String> = match &options.lang {
        Some(code) if guidebook.config.language(code).is_some() => vec![code.clone()],
        Some(code) => {
            let codes: Vec<&str> = guidebook.config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(vec![
                Diagnostic::error(
                    crate::config::FILE_NAME,
                    Position::START,
                    msg!("E097", code = code, codes = codes.join(", ")),
                )
                .field("--lang")
                .maybe_hint(did_you_mean(code, codes.iter().copied())),
            ]);
        }
        None => guidebook.config.languages.iter().map(|l| l.code.clone()).collect(),
    };
    let mut made = Vec::new();
    let mut problems: Vec<Diagnostic> =
        languages.iter().filter_map(|lang| refuse_to_replace(&output_path(options, lang, languages.len()))).collect();
    // A printed booklet cannot be corrected: 〇〇市 or 000-000-0000 must not reach the press.
    let severity = if options.allow_placeholders { fill_in::Severity::Warning } else { fill_in::Severity::Error };
    let mut stand_ins = fill_in::find(&options.root, guidebook, severity);
    if !options.allow_placeholders {
        for problem in &mut stand_ins {
            problem.hints.push(msg!("hint-allow-placeholders"));
        }
        problems.append(&mut stand_ins);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for lang in &languages {
        match booklet(&loaded, lang, options) {
            Ok((pdf, pages, file_pages, mut warnings)) => {
                // Said once, with the first booklet.
                warnings.append(&mut stand_ins);
                let path = output_path(options, lang, languages.len());
                made.push((path, pdf, pages, file_pages, warnings));
            }
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut written = Vec::new();
    for (path, pdf, pages, file_pages, warnings) in made {
        write_whole(&path, &pdf).map_err(|e| {
            vec![Diagnostic::error(path.display().to_string(), Position::START, msg!("E120")).detail(e.to_string())]
        })?;
        written.push(Made { path, pages, file_pages, bytes: pdf.len(), warnings });
    }
    Ok(written)
}

/// `--out` as given for one language; otherwise booklets/<lang>-<edition>[-bleed|-imposed].pdf
/// in the guidebook folder, or in the `--out` folder for several languages.
fn output_path(options: &BookletOptions, lang: &str, languages: usize) -> PathBuf {
    let mut name = format!("{lang}-{}", options.edition.name());
    if options.bleed {
        name.push_str("-bleed");
    }
    match options.impose {
        Some(Duplex::ShortEdge) => name.push_str("-imposed-short-edge"),
        Some(Duplex::LongEdge) => name.push_str("-imposed-long-edge"),
        None => {}
    }
    match (&options.out, languages) {
        (Some(file), 1) if options.lang.is_some() => file.clone(),
        (Some(folder), _) => folder.join(format!("{name}.pdf")),
        (None, _) => options.root.join("booklets").join(format!("{name}.pdf")),
    }
}

/// Why `path` must not be written: it is not a PDF file name, or it holds a file that is
/// not a booklet tebiki made (settings, a chapter, someone's own PDF).
fn refuse_to_replace(path: &Path) -> Option<Diagnostic> {
    let problem =
        |message: Message| Some(Diagnostic::error(path.display().to_string(), Position::START, message).field("--out"));
    if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        return problem(msg!("E121"));
    }
    if !path.exists() {
        return None;
    }
    let made_by_tebiki = path.is_file() && std::fs::read(path).is_ok_and(|bytes| is_booklet(&bytes));
    if made_by_tebiki {
        return None;
    }
    problem(msg!("E122", file = path.display().to_string()))
}

/// Whether a file is a PDF tebiki made: a PDF whose metadata has tebiki's keyword.
fn is_booklet(bytes: &[u8]) -> bool {
    let marker = PDF_KEYWORD.as_bytes();
    bytes.starts_with(b"%PDF-") && bytes.windows(marker.len()).any(|w| w == marker)
}

/// Writes a file so that a reader never sees half of it: beside it first, then renamed.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let partial = path.with_extension("pdf.partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// One language's booklet: (PDF, A5 pages, pages in the file, warnings).
type Booklet = (Vec<u8>, usize, usize, Vec<Diagnostic>);

fn booklet(loaded: &Loaded, lang: &str, options: &BookletOptions) -> Result<Booklet, Vec<Diagnostic>> {
    let guidebook = &loaded.guidebook;
    let date = edition_date(guidebook, lang);
    let source = Source::generate(loaded, lang, options, &date)?;
    let today = typst_date(&date);
    // Typeset once to count the pages, then again with blank pages to make a multiple of
    // four, which a saddle-stitched booklet needs.
    keep_source_for_theme_authors(lang, &source);
    let first = typeset(&source, &source.text(0), today)?;
    let pages = first.pages().len();
    let padding = (4 - pages % 4) % 4;
    let document = if padding == 0 { first } else { typeset(&source, &source.text(padding), today)? };
    let pages = document.pages().len();
    let pdf = pdf(&document, &format!("tebiki booklet {lang} {}", options.edition.name()), today)?;
    match options.impose {
        None => Ok((pdf, pages, pages, source.warnings)),
        Some(duplex) => {
            let mut world = BookletWorld::new(&impose::document(pages, duplex), today);
            world.add_file("booklet.pdf", pdf);
            let sheets = compile(&world).map_err(|errors| typst_problems(&world, &errors, &[]))?;
            let file_pages = sheets.pages().len();
            Ok((
                self::pdf(&sheets, &format!("tebiki booklet {lang} imposed"), today)?,
                pages,
                file_pages,
                source.warnings,
            ))
        }
    }
}

/// With TEBIKI_BOOKLET_SOURCE=DIR, the generated main.typ is also written to DIR/<lang>.typ,
/// for whoever is changing the theme's booklet.typ and wants to see what it is given.
fn keep_source_for_theme_authors(lang: &str, source: &Source) {
    if let Some(dir) = std::env::var_os("TEBIKI_BOOKLET_SOURCE") {
        let path = PathBuf::from(dir).join(format!("{lang}.typ"));
        if let Err(e) = std::fs::write(&path, source.text(0)) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
}

fn typst_date(iso: &str) -> Datetime {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (parts.next().unwrap_or(2000), parts.next().unwrap_or(1), parts.next().unwrap_or(1));
    Datetime::from_ymd(y as i32, m as u8, d as u8)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"))
}

fn typeset(source: &Source, text: &str, today: Datetime) -> Result<PagedDocument, Vec<Diagnostic>> {
    let mut world = BookletWorld::new(text, today);
    for (path, bytes) in &source.files {
        if path.ends_with(".typ") {
            world.add_source(path, &String::from_utf8_lossy(bytes));
        } else {
            world.add_file(path, bytes.clone());
        }
    }
    compile(&world).map_err(|errors| typst_problems(&world, &errors, &source.chapters))
}

fn compile(world: &BookletWorld) -> Result<PagedDocument, Vec<SourceDiagnostic>> {
    let Warned { output, warnings: _ } = typst::compile::<PagedDocument>(world);
    output.map_err(|errors| errors.into_iter().collect())
}

fn pdf(document: &PagedDocument, ident: &str, today: Datetime) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(Timestamp::new_utc(today)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| Diagnostic::error("booklet", Position::START, msg!("E123")).detail(e.message.to_string()))
            .collect()
    })
}

/// Typst's errors as tebiki's: each names the chapter whose markup it arose in.
fn typst_problems(
    world: &BookletWorld,
    errors: &[SourceDiagnostic],
    chapters: &[(Range<usize>, String)],
) -> Vec<Diagnostic> {
    errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .map(|error| {
            let in_main = error.span.id() == Some(world::file_id("main.typ"));
            let offset = world.range(error.span).map(|r| r.start).filter(|_| in_main);
            let chapter = offset.and_then(|o| chapters.iter().find(|(range, _)| range.contains(&o)));
            match chapter {
                Some((_, file)) => {
                    Diagnostic::error(file, Position::START, msg!("E124")).detail(error.message.to_string())
                }
                None => Diagnostic::error("booklet", Position::START, msg!("E125")).detail(error.message.to_string()),
            }
        })
        .collect()
}
