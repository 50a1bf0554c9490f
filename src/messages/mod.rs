//! What tebiki says to the staff who edit a guidebook, in their language.
//!
//! Every sentence lives in a Project Fluent catalogue, one per language (`ja.ftl`,
//! `en.ftl`, compiled in). Code never writes words: it names a message by its key and gives
//! it named arguments (`msg!("E017", key = "sumary")`), and the words are chosen only where
//! the message leaves tebiki — a terminal, JSON, a GitHub annotation, the preview overlay.
//! So a diagnostic stays data (a stable code, a place, arguments) until it is shown, and a
//! translation is a new catalogue, not a change to the code.
//!
//! A diagnostic's key is its code (`E012`); the catalogue entry may carry `.expected` and
//! `.help` attributes, formatted with the same arguments. Which language is chosen is
//! `message_language`'s job.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages tebiki speaks to staff in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 tag, for `lang` attributes.
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The catalogue's source text, as compiled in.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Ja => include_str!("ja.ftl"),
            Lang::En => include_str!("en.ftl"),
        }
    }
}

/// A message named by its catalogue key, with its arguments: words only once shown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message. A message can be the argument of another (`found { $value }`,
/// the value described in the same language).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Number(i64),
    Message(Box<Message>),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}
impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}
impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(text: &&str) -> Self {
        Arg::Text(text.to_string())
    }
}
impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// A command that cannot go on: what to tell the staff, and what a library said, if it
/// was a library that refused.
#[derive(Debug)]
pub struct Failure {
    pub message: Message,
    pub detail: Option<String>,
}

impl Failure {
    pub fn new(message: Message, detail: impl ToString) -> Failure {
        Failure { message, detail: Some(detail.to_string()) }
    }

    /// The failure as lines for a terminal, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut text = format!("{}: {}", crate::msg!("label-error").text(lang), self.message.text(lang));
        if let Some(expected) = self.message.attribute(lang, "expected") {
            text.push_str(&format!("\n  {}: {expected}", crate::msg!("label-expected").text(lang)));
        }
        if let Some(help) = self.message.attribute(lang, "help") {
            text.push_str(&format!("\n  {}: {help}", crate::msg!("label-help").text(lang)));
        }
        if let Some(detail) = &self.detail {
            text.push_str(&format!("\n  {}: {detail}", crate::msg!("label-detail").text(lang)));
        }
        text
    }
}

/// `msg!("E017", key = name)`: the message `E017` with the argument `$key`.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message {
            key: $key,
            args: vec![$((stringify!($name), $crate::messages::Arg::from($value))),*],
        }
    };
}

impl Message {
    /// The message's words in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        format(lang, self, None).unwrap_or_else(|| self.key.to_string())
    }

    /// The attribute `name` (`expected`, `help`) of the message, when the catalogue has one.
    pub fn attribute(&self, lang: Lang, name: &str) -> Option<String> {
        format(lang, self, Some(name))
    }
}

/// The words of the message `key`, which takes no arguments, when the catalogue has it: for
/// keys made from names (the help of each command-line option).
pub fn text_of(lang: Lang, key: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, None, &mut errors).into_owned())
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(load));
    &bundles[Lang::ALL.iter().position(|l| *l == lang).expect("every language has a bundle")]
}

fn load(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(lang.catalogue().to_string()).expect("the catalogues are valid Fluent");
    let tag = lang.tag().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // The marks that keep right-to-left text apart are noise in a terminal and in JSON, and
    // neither catalogue is written right to left.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no message is defined twice");
    bundle
}

fn format(lang: Lang, message: &Message, attribute: Option<&str>) -> Option<String> {
    let bundle = bundle(lang);
    let entry = bundle.get_message(message.key)?;
    let pattern = match attribute {
        Some(name) => entry.get_attribute(name)?.value(),
        None => entry.value()?,
    };
    let mut args = FluentArgs::new();
    for (name, value) in &message.args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Message(inner) => FluentValue::from(inner.text(lang)),
        };
        args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
    debug_assert!(errors.is_empty(), "{}: {errors:?}", message.key);
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_put_in_without_isolation_marks() {
        let message = msg!("hint-did-you-mean", candidate = "summary");
        assert_eq!(message.text(Lang::En), "did you mean `summary`?");
        assert!(!message.text(Lang::Ja).contains('\u{2068}'));
        assert!(message.text(Lang::Ja).contains("summary"));
    }

    #[test]
    fn a_message_can_be_the_argument_of_another() {
        let found = msg!("value-text", text = "ten");
        let message = msg!("E016", key = "order", expected = msg!("kind-whole-number"), found = found, example = "70");
        assert_eq!(message.text(Lang::En), "expected a whole number, found the text `ten`");
    }
}
