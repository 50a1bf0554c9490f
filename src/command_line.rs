//! The `tebiki` command line: its commands and options, and their help in the staff's
//! language.
//!
//! clap writes help from the doc comments below, in English. Before the command line is
//! read, every command's and option's help is replaced by the catalogue's words
//! (`help-<command>` and `help-<command>-<option>`), and so are the headings clap puts
//! around them. The language is chosen as for every other message; `--messages` is looked
//! for by hand first, since the help must be ready before clap reads the line.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Command as ClapCommand, CommandFactory, FromArgMatches, Parser, Subcommand};

use tebiki::message_language;
use tebiki::messages::{self, Lang, Message};
use tebiki::msg;

#[derive(Parser)]
#[command(name = "tebiki", version, about = "Build home-care and ACP guidebooks for the web from Markdown chapters")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language tebiki speaks in: ja or en [default: the guidebook's language].
    #[arg(long, global = true, value_enum)]
    pub messages: Option<MessagesLang>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MessagesLang {
    Ja,
    En,
}

impl From<MessagesLang> for Lang {
    fn from(lang: MessagesLang) -> Lang {
        match lang {
            MessagesLang::Ja => Lang::Ja,
            MessagesLang::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
pub enum Command {
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

/// What the command line says before clap has read it: `--messages`, and the guidebook
/// folder whose language the help is given in.
pub struct EarlyLook {
    pub messages: Option<Lang>,
    pub root: PathBuf,
}

impl EarlyLook {
    pub fn of(args: &[OsString]) -> EarlyLook {
        let mut look = EarlyLook { messages: None, root: PathBuf::from(".") };
        let mut words = args.iter().skip(1).map(|a| a.to_string_lossy().to_string());
        while let Some(word) = words.next() {
            let (name, inline) = match word.split_once('=') {
                Some((name, value)) => (name.to_string(), Some(value.to_string())),
                None => (word.clone(), None),
            };
            match name.as_str() {
                "--messages" => {
                    if let Some(value) = inline.or_else(|| words.next()) {
                        look.messages = message_language::parse_lang(&value);
                    }
                }
                "--root" => {
                    if let Some(value) = inline.or_else(|| words.next()) {
                        look.root = PathBuf::from(value);
                    }
                }
                _ => {}
            }
        }
        look
    }
}

/// Reads the command line, with help and clap's own words in `lang`. On `--help`,
/// `--version` or a mistake, prints what clap or the catalogue says and exits.
pub fn parse(args: &[OsString], lang: Lang) -> Cli {
    let command = localized(Cli::command(), lang);
    let matches = command.clone().try_get_matches_from(args).unwrap_or_else(|error| exit_on(error, lang));
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| exit_on(error, lang))
}

/// The catalogue's text for a key made from a command's or option's name (a test checks
/// that every one is there).
fn words(lang: Lang, key: &str) -> String {
    messages::text_of(lang, key).unwrap_or_default()
}

/// Every help text of `command` and its subcommands from the catalogue; clap's headings
/// and its own `--help` and `--version` lines too.
pub fn localized(command: ClapCommand, lang: Lang) -> ClapCommand {
    let heading = |key: &str| words(lang, key);
    let template =
        format!("{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}", heading("help-heading-usage"));
    let mut command = command
        .about(words(lang, "help-about"))
        .help_template(&template)
        .subcommand_help_heading(heading("help-heading-commands"))
        .subcommand_value_name(heading("help-value-command"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(help_flag(lang))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words(lang, "help-version"))
                .help_heading(heading("help-heading-options")),
        )
        .mut_arg("messages", |arg| option(arg, lang, "help-messages"));
    let names: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| {
            let ids: Vec<String> = sub.get_arguments().map(|a| a.get_id().to_string()).collect();
            let mut sub = sub
                .about(words(lang, &format!("help-{name}")))
                .help_template(&template)
                .disable_help_flag(true)
                .arg(help_flag(lang));
            for id in ids {
                let key = format!("help-{name}-{}", id.replace('_', "-"));
                sub = sub.mut_arg(&id, |arg| option(arg, lang, &key));
            }
            sub
        });
    }
    command
}

/// An option's help from the catalogue, which says its default and its values itself, under
/// the heading for options or arguments.
fn option(arg: Arg, lang: Lang, key: &str) -> Arg {
    let heading = if arg.is_positional() { "help-heading-arguments" } else { "help-heading-options" };
    arg.help(words(lang, key))
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(words(lang, heading).to_string())
}

fn help_flag(lang: Lang) -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(words(lang, "help-help"))
        .help_heading(words(lang, "help-heading-options").to_string())
}

/// Prints a mistake on the command line in `lang` (where the catalogue knows the kind of
/// mistake; clap's own words otherwise), or the help and version clap was asked for.
fn exit_on(error: clap::Error, lang: Lang) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message: Option<Message> = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => error.exit(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => Some(msg!("E160")),
        ErrorKind::InvalidSubcommand => Some(msg!("E161", command = context(ContextKind::InvalidSubcommand))),
        ErrorKind::UnknownArgument => Some(msg!("E162", argument = context(ContextKind::InvalidArg))),
        ErrorKind::InvalidValue if error.get(ContextKind::ValidValue).is_some() => Some(msg!(
            "E163",
            argument = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue),
            values = context(ContextKind::ValidValue)
        )),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            Some(msg!("E167", argument = context(ContextKind::InvalidArg), value = context(ContextKind::InvalidValue)))
        }
        ErrorKind::MissingRequiredArgument => Some(msg!("E164", argument = context(ContextKind::InvalidArg))),
        ErrorKind::ArgumentConflict => {
            Some(msg!("E165", argument = context(ContextKind::InvalidArg), other = context(ContextKind::PriorArg)))
        }
        _ => None,
    };
    match message {
        Some(message) => {
            let has_help = message.attribute(lang, "help").is_some();
            eprintln!("{}", messages::Failure { message, detail: None }.render(lang));
            if !has_help {
                eprintln!("  {}: {}", msg!("label-help").text(lang), msg!("hint-see-help").text(lang));
            }
        }
        None => {
            let failure = messages::Failure::new(msg!("E166"), error.render().to_string().trim());
            eprintln!("{}", failure.render(lang));
        }
    }
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_help_in_every_language() {
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            let command = Cli::command();
            let mut keys = vec!["help-about".to_string(), "help-messages".to_string()];
            for sub in command.get_subcommands() {
                let name = sub.get_name();
                keys.push(format!("help-{name}"));
                keys.extend(
                    sub.get_arguments().map(|a| format!("help-{name}-{}", a.get_id().as_str().replace('_', "-"))),
                );
            }
            missing.extend(
                keys.into_iter().filter(|k| messages::text_of(lang, k).is_none()).map(|k| format!("{lang:?} {k}")),
            );
        }
        assert!(missing.is_empty(), "no help in the catalogue for {missing:?}");
    }

    #[test]
    fn the_help_is_in_the_language_chosen() {
        let mut command = localized(Cli::command(), Lang::Ja);
        let help = command.render_help().to_string();
        assert!(help.contains("使い方"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let build = command.find_subcommand_mut("build").unwrap().render_help().to_string();
        assert!(build.contains("ふりがな"), "{build}");
        assert!(!build.contains("[default"), "the catalogue says the default: {build}");
        let english = localized(Cli::command(), Lang::En).render_help().to_string();
        assert!(english.contains("Usage"), "{english}");
    }

    #[test]
    fn messages_and_root_are_seen_before_the_line_is_read() {
        let args: Vec<OsString> = ["tebiki", "check", "--root", "guide", "--messages=en"].map(OsString::from).to_vec();
        let look = EarlyLook::of(&args);
        assert_eq!(look.messages, Some(Lang::En));
        assert_eq!(look.root, PathBuf::from("guide"));
    }
}
