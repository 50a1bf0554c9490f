//! Which addresses a chapter may use, read the way the reader's browser reads them.
//!
//! An address is parsed as the WHATWG URL standard says (the `url` crate implements it):
//! tabs and line breaks inside it are dropped and spaces and control characters around it
//! trimmed, so `java\tscript:` is the `javascript:` scheme, as it is for a browser.
//! Character references are decoded before an address gets here: by the HTML parser for raw
//! HTML (`&#106;avascript:`, `javascript&colon;`), by pulldown-cmark for Markdown links.
//!
//! The rule is an allow-list. A link the reader follows may go to a web page (`https`,
//! `http`), an e-mail address (`mailto`) or a phone number (`tel`), or stay in the guidebook
//! (a relative address). Anything the browser loads by itself with the page (an image) must
//! come from the guidebook: an image from another site would make every reader's phone
//! contact that site.

use url::Url;

use crate::messages::Message;
use crate::msg;

/// What the browser does with an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Use {
    /// Followed when the reader chooses to (`<a href>`, a Markdown link, `cite`).
    Link,
    /// Loaded with the page, without asking (`<img src>`, a Markdown image).
    Embed,
}

/// Why an address is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// A scheme that is not on the list (`javascript`, `data`, `file`, `vbscript` …).
    Scheme(String),
    /// Something loaded from another host.
    OtherHost(String),
    /// Not an address at all.
    Invalid,
}

const LINK_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// Relative addresses are resolved against a page of the guidebook on a host of its own, so
/// that one which leaves it (`//other.example/x.png`, `/\other.example`) shows another host.
const GUIDEBOOK_PAGE: &str = "https://guidebook.invalid/lang/folder/chapter/";

pub(super) fn check(address: &str, use_: Use) -> Result<(), Refused> {
    let url = match Url::parse(address) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let page = Url::parse(GUIDEBOOK_PAGE).expect("a valid base address");
            let url = page.join(address).map_err(|_| Refused::Invalid)?;
            return match url.host_str() {
                host if host == page.host_str() => Ok(()),
                // `//other.example/page` is a web page on another site.
                _ if use_ == Use::Link => Ok(()),
                host => Err(Refused::OtherHost(host.unwrap_or_default().to_string())),
            };
        }
        Err(_) => return Err(Refused::Invalid),
    };
    match use_ {
        Use::Link if LINK_SCHEMES.contains(&url.scheme()) => Ok(()),
        Use::Embed if matches!(url.scheme(), "https" | "http") => {
            Err(Refused::OtherHost(url.host_str().unwrap_or_default().to_string()))
        }
        _ => Err(Refused::Scheme(url.scheme().to_string())),
    }
}

impl Refused {
    /// What is wrong, for a message that has already said which address it is about.
    pub(super) fn explain(&self, use_: Use) -> Message {
        match (self, use_) {
            (Refused::Scheme(scheme), _) if scheme == "javascript" || scheme == "vbscript" => {
                msg!("reason-address-runs-program", scheme = scheme)
            }
            (Refused::Scheme(scheme), Use::Link) => msg!("reason-address-not-web", scheme = scheme),
            (Refused::Scheme(scheme), Use::Embed) => msg!("reason-address-not-file", scheme = scheme),
            (Refused::OtherHost(host), _) => msg!("reason-address-other-site", host = host),
            (Refused::Invalid, _) => msg!("reason-address-invalid"),
        }
    }

    /// What to write instead.
    pub(super) fn suggestion(&self, use_: Use) -> Message {
        match (self, use_) {
            (Refused::OtherHost(_), _) | (_, Use::Embed) => msg!("hint-address-file"),
            _ => msg!("hint-address-link"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_may_go_to_pages_mail_phones_and_the_guidebook() {
        for address in [
            "https://www.city.example.jp/",
            "HTTP://example.jp",
            "mailto:kaigo@city.example.jp",
            "tel:03-0000-0000",
            "../acp/what-is-acp.md#steps",
            "#section",
            "photo.png",
            "//other.example/page",
            "",
        ] {
            assert_eq!(check(address, Use::Link), Ok(()), "{address}");
        }
    }

    #[test]
    fn scripts_hide_behind_whitespace_and_case_but_not_from_the_url_parser() {
        for address in
            ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "java\nscript:x", "\u{1}javascript:x"]
        {
            assert_eq!(check(address, Use::Link), Err(Refused::Scheme("javascript".into())), "{address:?}");
        }
        for address in ["data:text/html,<b>", "file:///etc/passwd", "vbscript:x", "ftp://example.jp/"] {
            assert!(matches!(check(address, Use::Link), Err(Refused::Scheme(_))), "{address}");
        }
    }

    #[test]
    fn embedded_files_come_from_the_guidebook_only() {
        assert_eq!(check("photo.png", Use::Embed), Ok(()));
        assert_eq!(check("../images/map.png", Use::Embed), Ok(()));
        for address in
            ["https://evil.example/x.png", "//evil.example/x.png", "/\\evil.example/x.png", "\\\\evil.example\\x"]
        {
            assert_eq!(check(address, Use::Embed), Err(Refused::OtherHost("evil.example".into())), "{address}");
        }
        assert!(matches!(check("data:image/png;base64,AAAA", Use::Embed), Err(Refused::Scheme(_))));
    }
}
