//! The `tebiki` command. Each subcommand is a thin shell over the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use tebiki::diagnostics::Diagnostic;

// A build allocates and frees millions of small strings from two or more threads at once;
// mimalloc does that in about half the time of the system allocator and returns memory
// that is no longer used, which keeps the peak lower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "tebiki", version, about = "Build home-care and ACP guidebooks for the web from Markdown chapters")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into the output folder (replaced only when the whole build succeeds).
    Build {
        /// The guidebook folder, the one holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: public/ in the guidebook folder].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Leave out the search page, its index and the search link (a faster build).
        #[arg(long)]
        no_search: bool,
        /// Leave out furigana (readings over kanji) everywhere; line-break points stay.
        #[arg(long)]
        no_furigana: bool,
        /// Print how long each step took and the memory used so far.
        #[arg(long)]
        timings: bool,
    },
    /// Preview the guidebook while editing: serve it on this computer and reload pages on save.
    Serve {
        /// The guidebook folder, the one holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port on 127.0.0.1; 0 picks a free one.
        #[arg(long, default_value_t = 4000)]
        port: u16,
        /// Open the front page in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Make print booklets (A5 PDF) of the chapters: for a print shop, or to print and fold.
    Booklet {
        /// The guidebook folder, the one holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// One language [default: a booklet for every language of the site].
        #[arg(long)]
        lang: Option<String>,
        /// standard (12 pt text) or large (14 pt, furigana over every kanji).
        #[arg(long, value_enum, default_value = "standard")]
        edition: tebiki::booklet::Edition,
        /// Add 3 mm bleed and crop marks around the A5 page, for a print shop.
        #[arg(long)]
        bleed: bool,
        /// Two A5 pages on each side of A4 landscape, in the order to fold and staple.
        #[arg(long)]
        impose: bool,
        /// How the printer turns the sheet for the back side (with --impose).
        #[arg(long, value_enum, default_value = "short-edge")]
        duplex: tebiki::booklet::Duplex,
        /// The PDF to write (with --lang), or the folder for all of them [default: booklets/].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print even with stand-in text from `tebiki init` (〇〇市, 000-000-0000) left in: a proof.
        #[arg(long)]
        allow_placeholders: bool,
    },
    /// Check the guidebook without writing anything: everything build checks, plus review points.
    Check {
        /// The guidebook folder, the one holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// text for people, json for programs, github for pull-request annotations.
        #[arg(long, value_enum, default_value = "text")]
        format: tebiki::check::Format,
    },
    /// Create a chapter (a draft) with its front-matter filled in: `tebiki new ja/care/bathing.md`.
    New {
        /// The chapter to create: <language>/<folders>/<name>.md under content/.
        path: String,
        /// The guidebook folder, the one holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Start a new guidebook in an empty folder: settings, a front page, two chapters, a desk.
    Init {
        /// The folder to create the guidebook in (new or empty).
        dir: PathBuf,
        /// The Git repository the pull-request check installs tebiki from (with --tag).
        #[arg(long, value_name = "URL", requires = "tag")]
        git: Option<String>,
        /// The tag of the tebiki release in that repository, e.g. v0.1.0.
        #[arg(long, requires = "git")]
        tag: Option<String>,
        /// Install tebiki from crates.io, this version, instead of from Git.
        #[arg(long, value_name = "VERSION", conflicts_with = "git")]
        crates_version: Option<String>,
    },
    /// Show how tebiki splits and reads a Japanese text (to check data/dictionary.csv entries).
    Tokenize {
        /// The text to read.
        text: String,
        /// The guidebook folder, whose data/dictionary.csv is used too.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, out, no_search, no_furigana, timings } => {
            if timings {
                tebiki::timings::enable();
            }
            build(root, out, tebiki::render::RenderOptions { search: !no_search, furigana: !no_furigana })
        }
        Command::Tokenize { text, root } => tokenize(&text, &root),
        Command::Booklet { root, lang, edition, bleed, impose, duplex, out, allow_placeholders } => {
            let options = tebiki::booklet::BookletOptions {
                root,
                lang,
                edition,
                bleed,
                impose: impose.then_some(duplex),
                out,
                allow_placeholders,
            };
            let started = Instant::now();
            match tebiki::booklet::make(&options) {
                Ok(made) => {
                    for booklet in &made {
                        print_all(&booklet.warnings);
                        eprintln!(
                            "wrote {} ({} pages{}, {:.1} MB)",
                            booklet.path.display(),
                            booklet.pages,
                            if booklet.file_pages != booklet.pages {
                                format!(" on {} sides", booklet.file_pages)
                            } else {
                                String::new()
                            },
                            booklet.bytes as f64 / 1_000_000.0
                        );
                    }
                    eprintln!("in {:.2} s", started.elapsed().as_secs_f64());
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_all(&problems);
                    eprintln!("no booklet was written");
                    ExitCode::from(1)
                }
            }
        }
        Command::Serve { root, port, open } => {
            match tebiki::serve::serve(&tebiki::serve::ServeOptions { root, port, open }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { root, format } => {
            let found = tebiki::check::check(&root);
            let errors = found.iter().filter(|d| d.is_error()).count();
            println!("{}", tebiki::check::format(&found, format));
            if format == tebiki::check::Format::Text {
                eprintln!("{errors} errors{}", warning_count(found.len() - errors));
            }
            if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Command::Init { dir, git, tag, crates_version } => init(&dir, git, tag, crates_version),
        Command::New { path, root } => match tebiki::scaffold::new_chapter(&root, &path, &tebiki::scaffold::today()) {
            Ok(file) => {
                eprintln!("created {} (a draft: remove `draft: true` to publish it)", file.display());
                ExitCode::SUCCESS
            }
            Err(problems) => {
                print_all(&problems);
                ExitCode::from(1)
            }
        },
    }
}

fn init(dir: &std::path::Path, git: Option<String>, tag: Option<String>, version: Option<String>) -> ExitCode {
    use tebiki::scaffold::Source;
    let source = match Source::from_options(git, tag, version) {
        Ok(source) => source,
        Err(problem) => {
            eprintln!("error: {problem}\nnothing was created");
            return ExitCode::from(2);
        }
    };
    match tebiki::scaffold::init(dir, &tebiki::scaffold::today(), &source) {
        Ok(files) => {
            eprintln!(
                "created a guidebook in {} ({} files); build it with: tebiki build --root {}",
                dir.display(),
                files.len(),
                dir.display()
            );
            eprintln!(
                "replace the stand-in text before publishing: the city name 〇〇市 (content/ja/_index.md), \
                 the phone number 000-000-0000 (data/contacts.yaml) and base_url (site.yaml); \
                 `tebiki check` shows where each one is"
            );
            if source == Source::None {
                eprintln!(
                    "note: the pull-request check ({}) does not know where to install tebiki from: \
                     write TEBIKI_GIT and TEBIKI_TAG (or TEBIKI_VERSION) in it, or run init again with \
                     --git URL --tag TAG; until then the check stops at once and says so",
                    tebiki::scaffold::WORKFLOW
                );
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_all(&problems);
            ExitCode::from(1)
        }
    }
}

fn build(root: PathBuf, out: Option<PathBuf>, render: tebiki::render::RenderOptions) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("public"));
    let started = Instant::now();
    match tebiki::build(&tebiki::BuildOptions { root, out: out.clone(), render }) {
        Ok(report) => {
            print_all(&report.warnings);
            eprintln!(
                "built {} pages ({} files, {:.1} MB) into {} in {:.2} s{}",
                report.pages,
                report.files,
                report.bytes as f64 / 1_000_000.0,
                out.display(),
                started.elapsed().as_secs_f64(),
                warning_count(report.warnings.len()),
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_all(&problems);
            let errors = problems.iter().filter(|p| p.is_error()).count();
            eprintln!(
                "build failed: {errors} error{}{}; {} was left as it was",
                if errors == 1 { "" } else { "s" },
                warning_count(problems.len() - errors),
                out.display()
            );
            ExitCode::from(1)
        }
    }
}

fn tokenize(text: &str, root: &std::path::Path) -> ExitCode {
    let diagnostics = tebiki::diagnostics::Diagnostics::new();
    let Some(setup) = tebiki::search::SearchSetup::load(root, &diagnostics, None, false) else {
        print_all(&diagnostics.into_sorted());
        return ExitCode::from(1);
    };
    for morpheme in setup.tokenizer().tokenize(text).iter() {
        println!("{}\t{}\t{:?}\t{}", morpheme.surface, morpheme.reading, morpheme.class, morpheme.subclass);
    }
    print_all(&diagnostics.into_sorted());
    ExitCode::SUCCESS
}

fn print_all(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

fn warning_count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => ", 1 warning".into(),
        n => format!(", {n} warnings"),
    }
}
