//! Keeping open pages current: the script the server adds to every HTML page it sends (and
//! that `tebiki build` never writes), the event stream it listens to, and the overlay that
//! shows a failed build's messages over the last good page.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::diagnostics::Diagnostic;
use crate::japanese::escape;
use crate::messages::Lang;
use crate::msg;

/// The server's own files live under `__tebiki/`, where no guidebook page can be: chapter
/// paths are lowercase words.
pub(super) const SCRIPT_PATH: &str = "__tebiki/live.js";
pub(super) const EVENTS_PATH: &str = "__tebiki/events";

/// Reloads the page after a rebuild; shows or replaces the overlay when a build fails.
/// The generation in the page's own script address lets a page that loaded just before a
/// rebuild notice it missed one. The messages arrive as data and are put in the page with
/// `textContent`: they quote the guidebook's files, which are never read as HTML.
pub(super) const SCRIPT: &str = r#"const me = new URL(import.meta.url);
const events = new EventSource('/__tebiki/events?since=' + me.searchParams.get('g'));
events.addEventListener('reload', () => location.reload());
const element = (name, className, text) => {
  const made = document.createElement(name);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
};
events.addEventListener('problem', (event) => {
  const shown = JSON.parse(event.data);
  let overlay = document.getElementById('tebiki-problem');
  if (!overlay) {
    overlay = element('div');
    overlay.id = 'tebiki-problem';
    overlay.setAttribute('role', 'alert');
    document.body.append(overlay);
  }
  overlay.lang = shown.lang;
  const list = element('ol');
  for (const item of shown.items) {
    const entry = element('li');
    entry.append(element('p', 'where', item.place), element('p', 'what', item.text));
    if (item.source) entry.append(element('pre', null, item.source));
    for (const [label, text] of item.notes) {
      const note = element('p', 'note');
      note.append(element('b', null, label), ' ' + text);
      entry.append(note);
    }
    list.append(entry);
  }
  overlay.replaceChildren(element('p', 'lead', shown.lead), list);
});
"#;

/// The overlay's look, served as a file of the server's own: pages carry a security policy
/// that runs no inline style. Every element of the overlay gets its own line breaking, as
/// the theme's rules for Japanese text would otherwise reach into it: Japanese breaks
/// between phrases (where the browser can tell them), never before 。 or ）. The prose wraps to the phone's width; the source line and its
/// caret keep their columns in a block of their own that scrolls sideways, set in BIZ UD
/// Gothic where the computer has it (Windows does): its Japanese characters are exactly two
/// Latin ones wide, so the caret stays under its column after Japanese text.
pub(super) const STYLE_PATH: &str = "__tebiki/live.css";
pub(super) const STYLE: &str = "#tebiki-problem{position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1rem;\
background:#fff;color:#000;border:.5rem solid #b00020;font:1rem/1.6 system-ui,sans-serif;box-sizing:border-box}\
#tebiki-problem,#tebiki-problem *{word-break:auto-phrase;line-break:strict;overflow-wrap:anywhere}\
#tebiki-problem p{margin:0 0 .25rem}\
#tebiki-problem .lead{font-weight:bold;margin-bottom:1rem}\
#tebiki-problem ol{margin:0;padding:0;list-style:none}\
#tebiki-problem li{margin:0 0 1.25rem;padding-top:.75rem;border-top:1px solid #767676}\
#tebiki-problem .where{font:.9rem/1.5 \"BIZ UDGothic\",ui-monospace,monospace;color:#333}\
#tebiki-problem .what{font-weight:bold}\
#tebiki-problem pre{white-space:pre;overflow-x:auto;overflow-wrap:normal;word-break:normal;font:1rem/1.5 \"BIZ UDGothic\",ui-monospace,monospace;\
margin:.25rem 0 .5rem;padding:.5rem;background:#f3f3f3;border:1px solid #767676}\
#tebiki-problem .note b{margin-right:.25em}\n";

/// What the overlay shows, in the staff's language: the data the script builds it from,
/// and that the server turns into the same HTML for a page loaded while a build is failing.
#[derive(Debug, serde::Serialize)]
pub(super) struct Shown {
    lang: &'static str,
    lead: String,
    items: Vec<ShownItem>,
}

#[derive(Debug, serde::Serialize)]
struct ShownItem {
    /// `content/ja/a.md:3:8 エラー[E023]`
    place: String,
    text: String,
    /// The source line and the caret under the column.
    source: Option<String>,
    notes: Vec<(String, String)>,
}

impl Shown {
    pub(super) fn new(problems: &[Diagnostic], lang: Lang) -> Shown {
        Shown::with_lead(msg!("serve-overlay-lead").text(lang), problems, lang)
    }

    /// While the first build is running there is nothing to show but that.
    pub(super) fn waiting(lang: Lang) -> Shown {
        Shown::with_lead(msg!("serve-first-build").text(lang), &[], lang)
    }

    fn with_lead(lead: String, problems: &[Diagnostic], lang: Lang) -> Shown {
        let items = problems
            .iter()
            .map(|d| ShownItem {
                place: format!(
                    "{}:{}:{} {}[{}]",
                    d.file,
                    d.position.line,
                    d.position.column,
                    d.severity_label(lang),
                    d.code()
                ),
                text: d.field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default() + &d.text(lang),
                source: d.source_and_caret().map(|(source, caret)| format!("{source}\n{caret}")),
                notes: d.notes(lang),
            })
            .collect();
        Shown { lang: lang.tag(), lead, items }
    }

    pub(super) fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The overlay as HTML, everything from the guidebook escaped.
    fn html(&self) -> String {
        let mut items = String::new();
        for item in &self.items {
            items.push_str(&format!(
                "<li><p class=\"where\">{}</p><p class=\"what\">{}</p>",
                escape(&item.place),
                escape(&item.text)
            ));
            if let Some(source) = &item.source {
                items.push_str(&format!("<pre>{}</pre>", escape(source)));
            }
            for (label, text) in &item.notes {
                items.push_str(&format!("<p class=\"note\"><b>{}</b> {}</p>", escape(label), escape(text)));
            }
            items.push_str("</li>");
        }
        format!(
            "<div id=\"tebiki-problem\" role=\"alert\" lang=\"{}\"><p class=\"lead\">{}</p><ol>{items}</ol></div>",
            self.lang,
            escape(&self.lead)
        )
    }
}

pub(super) fn script_source() -> String {
    SCRIPT.to_string()
}

/// An HTML page as the preview sends it: the live script and, while the last build failed,
/// the overlay with its messages, before `</body>`.
pub(super) fn decorate(html: &[u8], generation: u64, problem: Option<&Shown>) -> Vec<u8> {
    let mut extra = format!(
        "<link rel=\"stylesheet\" href=\"/{STYLE_PATH}\"><script type=\"module\" src=\"/{SCRIPT_PATH}?g={generation}\"></script>"
    );
    if let Some(shown) = problem {
        extra.push_str(&shown.html());
    }
    let end = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..end]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[end..]);
    out
}

/// The page shown when no build has succeeded yet.
pub(super) fn problem_page(generation: u64, shown: &Shown) -> Vec<u8> {
    // The messages quote the guidebook's files: the page runs nothing but the server's own.
    let page = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; base-uri 'none'; form-action 'none'\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title></head><body></body></html>",
        shown.lang,
        escape(&shown.lead)
    );
    decorate(page.as_bytes(), generation, Some(shown))
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|window| window == needle)
}

/// A server-sent event: `data` must be one line (JSON keeps it so).
pub(super) fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

/// The open event streams; each gets every event from now on.
#[derive(Default)]
pub(super) struct Listeners(Mutex<Vec<Sender<String>>>);

impl Listeners {
    pub(super) fn join(&self) -> Receiver<String> {
        let (sender, receiver) = channel();
        self.0.lock().expect("listeners").push(sender);
        receiver
    }

    /// Sends to every open stream, forgetting streams whose page has gone.
    pub(super) fn send(&self, event: &str) {
        self.0.lock().expect("listeners").retain(|listener| listener.send(event.to_string()).is_ok());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = decorate(b"<html><body><p>x</p></body></html>", 7, None);
        let page = String::from_utf8(page).unwrap();
        assert!(page.ends_with(
            "<link rel=\"stylesheet\" href=\"/__tebiki/live.css\"><script type=\"module\" src=\"/__tebiki/live.js?g=7\"></script></body></html>"
        ));
        assert!(!page.contains("style=\""), "no inline style: the page's policy would not apply it");
    }

    #[test]
    fn the_overlay_shows_the_messages_escaped_in_the_staff_language() {
        let problem = Diagnostic::error("a.md", crate::diagnostics::Position::new(3, 1), msg!("E017", key = "<b>"))
            .with_line("<b>: x");
        let page = decorate(b"<body></body>", 1, Some(&Shown::new(&[problem], Lang::Ja)));
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("role=\"alert\" lang=\"ja\""), "{page}");
        assert!(page.contains("a.md:3:1 エラー[E017]"), "{page}");
        assert!(page.contains("「&lt;b&gt;」"), "{page}");
        assert!(page.contains("<pre>3 | &lt;b&gt;: x\n  | ^</pre>"), "{page}");
    }
}
