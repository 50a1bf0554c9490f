//! `data/contacts.yaml`: the consultation desks that chapters name by id.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::ime_slips;
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::Locator;

pub(crate) const FILE_NAME: &str = "data/contacts.yaml";

/// The keys of a contact, as `Contact` reads them.
const CONTACT_KEYS: &[&str] = &["name", "phone", "hours", "description", "urgent"];

/// Text written once for every language, or once per language code.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Localized {
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl Localized {
    /// The text in `lang`, else in the source language, with the language it is really in.
    pub(crate) fn get<'a>(&'a self, lang: &'a str, source: &'a str) -> Option<(&'a str, &'a str)> {
        match self {
            Localized::Same(text) => Some((text, lang)),
            Localized::PerLanguage(texts) => {
                texts.get(lang).map(|t| (t.as_str(), lang)).or_else(|| texts.get(source).map(|t| (t.as_str(), source)))
            }
        }
    }

    fn languages(&self) -> impl Iterator<Item = &str> {
        let codes: Vec<&str> = match self {
            Localized::Same(_) => Vec::new(),
            Localized::PerLanguage(texts) => texts.keys().map(String::as_str).collect(),
        };
        codes.into_iter()
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub name: Localized,
    pub phone: Option<String>,
    pub hours: Option<Localized>,
    pub description: Option<Localized>,
    /// A desk to call when it is urgent, at night or on a holiday: listed, after 119, in the
    /// front page's "when it is urgent" block.
    #[serde(default)]
    pub urgent: bool,
}

impl Contact {
    /// A `tel:` URI for the phone number: digits and a leading `+` only.
    pub(crate) fn tel_uri(&self) -> Option<String> {
        let phone = self.phone.as_ref()?;
        let dialable: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        (!dialable.is_empty()).then(|| format!("tel:{dialable}"))
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Contacts {
    by_id: BTreeMap<String, Contact>,
}

impl Contacts {
    /// Reads `data/contacts.yaml` if there is one; an absent file means no contacts.
    pub(crate) fn load(root: &Path, language_codes: &[&str], source: &str, diagnostics: &Diagnostics) -> Contacts {
        let path = root.join(FILE_NAME);
        if !path.is_file() {
            return Contacts::default();
        }
        let Ok(file) = SourceFile::read(root, &path).map_err(|d| diagnostics.push(d)) else {
            return Contacts::default();
        };
        // A contact's keys, and the language codes its texts are given in.
        let nested: Vec<&str> = CONTACT_KEYS.iter().chain(language_codes).copied().collect();
        let keys =
            ime_slips::Keys { known: &[], nested: &nested, any_top_level: true, numbers: &[], dates: &[], lists: &[] };
        let (slips, corrected) = ime_slips::in_file(&file.name, &file.text, &keys);
        let parsed =
            ime_slips::deserialize::<Option<BTreeMap<String, Contact>>>(&file.name, &file.text, corrected.as_deref());
        let by_id = match parsed {
            Ok(by_id) => by_id.unwrap_or_default(),
            Err(problem) => {
                let problem = problem.hint(msg!("hint-see-readme-contacts"));
                diagnostics.extend(ime_slips::with_slips(slips, vec![problem], true));
                return Contacts::default();
            }
        };
        // The contacts are kept, so that chapters naming them are not reported as well.
        diagnostics.extend(slips);
        let locator = Locator::new(&file.text, 1);
        for (id, contact) in &by_id {
            let texts = [Some(&contact.name), contact.hours.as_ref(), contact.description.as_ref()];
            for code in texts.into_iter().flatten().flat_map(Localized::languages) {
                if !language_codes.contains(&code) {
                    let position = locator.anywhere(&format!("{code}:"), locator.key(id));
                    diagnostics.push(
                        Diagnostic::error(
                            &file.name,
                            position,
                            msg!("E097", code = code, codes = language_codes.join(", ")),
                        )
                        .field(id.as_str())
                        .maybe_hint(did_you_mean(code, language_codes.iter().copied()))
                        .with_source(&file.text),
                    );
                }
            }
            if contact.name.get(source, source).is_none() {
                diagnostics.push(
                    Diagnostic::error(&file.name, locator.key(id), msg!("E098", id = id, source = source))
                        .field("name")
                        .with_source(&file.text),
                );
            }
        }
        Contacts { by_id }
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Contact> {
        self.by_id.get(id)
    }

    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }
}
