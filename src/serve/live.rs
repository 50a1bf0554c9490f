//! Keeping open pages current: the script the server adds to every HTML page it sends (and
//! that `tebiki build` never writes), the event stream it listens to, and the overlay that
//! shows a failed build's messages over the last good page.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::japanese::escape;

/// The server's own files live under `__tebiki/`, where no guidebook page can be: chapter
/// paths are lowercase words.
pub const SCRIPT_PATH: &str = "__tebiki/live.js";
pub const EVENTS_PATH: &str = "__tebiki/events";

/// Reloads the page after a rebuild; shows or replaces the overlay when a build fails.
/// The generation in the page's own script address lets a page that loaded just before a
/// rebuild notice it missed one.
pub const SCRIPT: &str = r#"const me = new URL(import.meta.url);
const events = new EventSource('/__tebiki/events?since=' + me.searchParams.get('g'));
events.addEventListener('reload', () => location.reload());
events.addEventListener('problem', (event) => {
  let overlay = document.getElementById('tebiki-problem');
  if (!overlay) {
    document.body.insertAdjacentHTML('beforeend', OVERLAY);
    overlay = document.getElementById('tebiki-problem');
  }
  overlay.querySelector('pre').textContent = JSON.parse(event.data);
});
"#;

/// The overlay's look, served as a file of the server's own: pages carry a security policy
/// that runs no inline style.
pub const STYLE_PATH: &str = "__tebiki/live.css";
pub const STYLE: &str = "#tebiki-problem{position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1rem;\
background:#fff;color:#000;border:.5rem solid #b00020;font:1rem/1.5 system-ui,sans-serif;word-break:normal}\
#tebiki-problem p{margin:0 0 .5rem;font-weight:bold}\
#tebiki-problem pre{white-space:pre-wrap;overflow-wrap:anywhere;font:1rem/1.5 ui-monospace,monospace;margin:0}\n";

/// The overlay around a build's messages (empty `pre` for the script to fill).
fn overlay(messages: &str) -> String {
    format!(
        "<div id=\"tebiki-problem\" role=\"alert\" lang=\"en\">\
<p lang=\"ja\">ガイドブックを作れませんでした。下の問題を直して保存すると、\
このページは自動で読み込み直されます。それまでは、前にうまく作れたときの内容を表示しています。</p>\
<p>The guidebook could not be built. Fix the problem below and save: \
this page reloads by itself. Until then the preview shows the last good build.</p>\
<pre>{}</pre></div>",
        escape(messages)
    )
}

pub fn script_source() -> String {
    format!("const OVERLAY = {};\n{SCRIPT}", serde_json::to_string(&overlay("")).unwrap_or_default())
}

/// An HTML page as the preview sends it: the live script and, while the last build failed,
/// the overlay with its messages, before `</body>`.
pub fn decorate(html: &[u8], generation: u64, problem: Option<&str>) -> Vec<u8> {
    let mut extra = format!(
        "<link rel=\"stylesheet\" href=\"/{STYLE_PATH}\"><script type=\"module\" src=\"/{SCRIPT_PATH}?g={generation}\"></script>"
    );
    if let Some(messages) = problem {
        extra.push_str(&overlay(messages));
    }
    let end = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..end]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[end..]);
    out
}

/// The page shown when no build has succeeded yet.
pub fn problem_page(generation: u64, messages: &str) -> Vec<u8> {
    // The messages quote the guidebook's files: the page runs nothing but the server's own.
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; base-uri 'none'; form-action 'none'\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Build failed</title></head><body></body></html>";
    decorate(page.as_bytes(), generation, Some(messages))
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|window| window == needle)
}

/// A server-sent event: `data` must be one line (JSON keeps it so).
pub fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

/// The open event streams; each gets every event from now on.
#[derive(Default)]
pub struct Listeners(Mutex<Vec<Sender<String>>>);

impl Listeners {
    pub fn join(&self) -> Receiver<String> {
        let (sender, receiver) = channel();
        self.0.lock().expect("listeners").push(sender);
        receiver
    }

    /// Sends to every open stream, forgetting streams whose page has gone.
    pub fn send(&self, event: &str) {
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
    fn the_overlay_shows_the_messages_escaped() {
        let page = String::from_utf8(decorate(b"<body></body>", 1, Some("a.md:3:1: error: <b>"))).unwrap();
        assert!(page.contains("role=\"alert\""));
        assert!(page.contains("a.md:3:1: error: &lt;b&gt;"));
    }
}
