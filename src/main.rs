//! The `tebiki` command. Each subcommand is a thin shell over the library; everything it
//! prints is a catalogue message in the staff's language (see `tebiki::messages`).

mod command_line;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use command_line::Command;
use tebiki::diagnostics::Diagnostic;
use tebiki::message_language::Choice;
use tebiki::messages::Lang;
use tebiki::msg;

// A build allocates and frees millions of small strings from two or more threads at once;
// mimalloc does that in about half the time of the system allocator and returns memory
// that is no longer used, which keeps the peak lower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let look = command_line::EarlyLook::of(&args);
    let choice = Choice::from_environment(look.messages);
    let cli = command_line::parse(&args, choice.resolve(Some(&look.root)));
    let choice = Choice { flag: cli.messages.map(Lang::from), ..choice };
    if let Some(value) = choice.unknown_environment() {
        let lang = choice.resolve(Some(&look.root));
        eprintln!("{}: {}", msg!("label-warning").text(lang), msg!("W020", value = value).text(lang));
    }
    run(cli.command, &choice)
}

fn run(command: Command, choice: &Choice) -> ExitCode {
    match command {
        Command::Build { root, out, no_search, no_furigana, timings } => {
            if timings {
                tebiki::timings::enable();
            }
            let lang = choice.resolve(Some(&root));
            build(root, out, tebiki::render::RenderOptions { search: !no_search, furigana: !no_furigana }, lang)
        }
        Command::Tokenize { text, root } => {
            let lang = choice.resolve(Some(&root));
            tokenize(&text, &root, lang)
        }
        Command::Booklet { root, lang: language, edition, bleed, impose, duplex, out, allow_placeholders } => {
            let lang = choice.resolve(Some(&root));
            let options = tebiki::booklet::BookletOptions {
                root,
                lang: language,
                edition,
                bleed,
                impose: impose.then_some(duplex),
                out,
                allow_placeholders,
            };
            booklet(&options, lang)
        }
        Command::Serve { root, port, open } => {
            let lang = choice.resolve(Some(&root));
            let options = tebiki::serve::ServeOptions { root, port, open, messages: choice.clone() };
            match tebiki::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(failure) => {
                    eprintln!("{}", failure.render(lang));
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { root, format } => {
            let lang = choice.resolve(Some(&root));
            let found = tebiki::check::check(&root);
            let errors = found.iter().filter(|d| d.is_error()).count();
            println!("{}", tebiki::check::format(&found, format, lang));
            if format == tebiki::check::Format::Text {
                eprintln!("{}", msg!("check-summary", errors = errors, warnings = found.len() - errors).text(lang));
            }
            if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        // No guidebook yet: the system's language settings decide.
        Command::Init { dir, git, tag, crates_version } => init(&dir, git, tag, crates_version, choice.resolve(None)),
        Command::New { path, root } => {
            let lang = choice.resolve(Some(&root));
            match tebiki::scaffold::new_chapter(&root, &path, &tebiki::dates::today()) {
                Ok(file) => {
                    eprintln!("{}", msg!("new-created", file = file.display().to_string()).text(lang));
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_all(&problems, lang);
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn booklet(options: &tebiki::booklet::BookletOptions, lang: Lang) -> ExitCode {
    let started = Instant::now();
    match tebiki::booklet::make(options) {
        Ok(made) => {
            for booklet in &made {
                print_all(&booklet.warnings, lang);
                // Imposed, two pages share a side of the sheet: said only then.
                let sides = if booklet.file_pages != booklet.pages { booklet.file_pages } else { 0 };
                let said = msg!(
                    "booklet-wrote",
                    file = booklet.path.display().to_string(),
                    pages = booklet.pages,
                    sides = sides,
                    megabytes = format!("{:.1}", booklet.bytes as f64 / 1_000_000.0)
                );
                eprintln!("{}", said.text(lang));
            }
            eprintln!("{}", msg!("took", seconds = format!("{:.2}", started.elapsed().as_secs_f64())).text(lang));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_all(&problems, lang);
            eprintln!("{}", msg!("booklet-none").text(lang));
            ExitCode::from(1)
        }
    }
}

fn init(dir: &Path, git: Option<String>, tag: Option<String>, version: Option<String>, lang: Lang) -> ExitCode {
    use tebiki::scaffold::Source;
    let source = match Source::from_options(git, tag, version) {
        Ok(source) => source,
        Err(problem) => {
            let failure = tebiki::messages::Failure { message: problem, detail: None };
            eprintln!("{}\n{}", failure.render(lang), msg!("init-nothing-created").text(lang));
            return ExitCode::from(2);
        }
    };
    match tebiki::scaffold::init(dir, &tebiki::dates::today(), &source) {
        Ok(files) => {
            let folder = dir.display().to_string();
            eprintln!("{}", msg!("init-created", folder = &folder, files = files.len()).text(lang));
            eprintln!("{}", msg!("init-replace-stand-ins").text(lang));
            if source == Source::None {
                eprintln!("{}", msg!("init-no-install-source", workflow = tebiki::scaffold::WORKFLOW).text(lang));
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_all(&problems, lang);
            ExitCode::from(1)
        }
    }
}

fn build(root: PathBuf, out: Option<PathBuf>, render: tebiki::render::RenderOptions, lang: Lang) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("public"));
    let started = Instant::now();
    match tebiki::build(&tebiki::BuildOptions { root, out: out.clone(), render }) {
        Ok(report) => {
            print_all(&report.warnings, lang);
            let said = msg!(
                "build-done",
                pages = report.pages,
                files = report.files,
                megabytes = format!("{:.1}", report.bytes as f64 / 1_000_000.0),
                out = out.display().to_string(),
                seconds = format!("{:.2}", started.elapsed().as_secs_f64()),
                warnings = report.warnings.len()
            );
            eprintln!("{}", said.text(lang));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_all(&problems, lang);
            let errors = problems.iter().filter(|p| p.is_error()).count();
            let said = msg!(
                "build-failed",
                errors = errors,
                warnings = problems.len() - errors,
                out = out.display().to_string()
            );
            eprintln!("{}", said.text(lang));
            ExitCode::from(1)
        }
    }
}

fn tokenize(text: &str, root: &Path, lang: Lang) -> ExitCode {
    let diagnostics = tebiki::diagnostics::Diagnostics::new();
    let Some(tokenizer) = tebiki::words::load_tokenizer(root, &diagnostics, None, false) else {
        print_all(&diagnostics.into_sorted(), lang);
        return ExitCode::from(1);
    };
    for morpheme in tokenizer.tokenize(text).iter() {
        println!("{}\t{}\t{:?}\t{}", morpheme.surface, morpheme.reading, morpheme.class, morpheme.subclass);
    }
    print_all(&diagnostics.into_sorted(), lang);
    ExitCode::SUCCESS
}

fn print_all(diagnostics: &[Diagnostic], lang: Lang) {
    for diagnostic in diagnostics {
        eprintln!("{}", diagnostic.render(lang));
    }
}
