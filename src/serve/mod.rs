//! `tebiki serve`: a live preview for the person editing a chapter. It builds the guidebook
//! in memory, serves it on 127.0.0.1 only, rebuilds when a file the build reads is saved,
//! and reloads the pages open in the browser. When a build fails, the last good site stays
//! up and every page shows the build's messages in an overlay until the mistake is fixed.

mod http;
mod inputs;
mod live;
mod rebuild;
mod watch;

use std::collections::HashMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::RenderedSite;
use crate::diagnostics::Diagnostic;
use crate::message_language::Choice;
use crate::messages::{Failure, Lang};
use crate::msg;
use http::{Refusal, Response};
use inputs::Fingerprint;
use live::{Listeners, Shown};
use rebuild::Rebuilder;
use watch::SaveWatcher;

pub struct ServeOptions {
    pub root: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the front page in the default browser once the site is up.
    pub open: bool,
    /// How the language of the messages is chosen; decided again at each build, since
    /// site.yaml may change.
    pub messages: Choice,
}

/// A built site as the server holds it.
struct Snapshot {
    files: HashMap<String, Arc<Vec<u8>>>,
    assets: HashMap<String, PathBuf>,
}

#[derive(Default)]
struct State {
    /// The last site that built; `None` until one has.
    site: Option<Arc<Snapshot>>,
    /// Counts good builds; pages carry the one they were served from.
    generation: u64,
    /// The messages of the last build, while it failed, as the overlay shows them.
    problem: Option<Shown>,
    /// The language the staff are spoken to in, as of the last build.
    lang: Option<Lang>,
}

struct Server {
    root: PathBuf,
    messages: Choice,
    /// The port served on: requests must name it in their `Host`.
    port: u16,
    state: RwLock<State>,
    listeners: Listeners,
}

/// Runs until the process is stopped.
pub fn serve(options: &ServeOptions) -> Result<(), Failure> {
    let root = options
        .root
        .canonicalize()
        .map_err(|e| Failure::new(msg!("E130", folder = options.root.display().to_string()), e))?;
    let cannot_listen = |e: std::io::Error| Failure::new(msg!("E132", port = options.port), e);
    let listener = TcpListener::bind(("127.0.0.1", options.port)).map_err(cannot_listen)?;
    let address = listener.local_addr().map_err(cannot_listen)?;
    let server = Arc::new(Server {
        root: root.clone(),
        messages: options.messages.clone(),
        port: address.port(),
        state: RwLock::default(),
        listeners: Listeners::default(),
    });
    let mut watcher = SaveWatcher::new(&root)?;
    let mut rebuilder = Rebuilder::new(&root);
    let mut fingerprint = Fingerprint::of(&root);

    let started = Instant::now();
    server.publish(rebuilder.rebuild(), started, &[]);
    let url = format!("http://{address}/");
    println!("{}", msg!("serve-serving", url = &url).text(server.lang()));
    let _ = std::io::stdout().flush();
    let accepting = Arc::clone(&server);
    std::thread::spawn(move || accept(listener, accepting));
    if options.open {
        open_in_browser(&url, server.lang());
    }

    while watcher.next_save().is_some() {
        let newer = Fingerprint::of(&root);
        let changed = fingerprint.changes(&newer);
        if changed.is_empty() {
            continue;
        }
        fingerprint = newer;
        let started = Instant::now();
        server.publish(rebuilder.rebuild(), started, &changed);
    }
    Err(Failure { message: msg!("E133"), detail: None })
}

impl Server {
    /// The language of the messages, as chosen for the guidebook when it was last built.
    fn lang(&self) -> Lang {
        let lang = self.state.read().expect("server state").lang;
        lang.unwrap_or_else(|| self.messages.resolve(Some(&self.root)))
    }

    /// Makes a build's outcome what the server shows, tells the open pages, and reports on
    /// the terminal.
    fn publish(&self, result: Result<RenderedSite, Vec<Diagnostic>>, started: Instant, changed: &[String]) {
        let lang = self.messages.resolve(Some(&self.root));
        let (first, more) = match changed {
            [] => ("", 0),
            [first, rest @ ..] => (first.as_str(), rest.len()),
        };
        match result {
            Ok(site) => {
                for warning in &site.warnings {
                    eprintln!("{}", warning.render(lang));
                }
                let pages = site.pages();
                let snapshot = Snapshot {
                    files: site.files.into_iter().map(|f| (f.path, f.bytes)).collect(),
                    assets: site.assets.into_iter().collect(),
                };
                let mut state = self.state.write().expect("server state");
                let rewritten = count_changed(state.site.as_deref(), &snapshot);
                state.site = Some(Arc::new(snapshot));
                state.generation += 1;
                state.problem = None;
                state.lang = Some(lang);
                self.listeners.send(&live::event("reload", &state.generation.to_string()));
                let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
                let said = msg!(
                    "serve-built",
                    pages = pages,
                    changed = first,
                    count = changed.len(),
                    more = more,
                    seconds = seconds,
                    rewritten = rewritten
                );
                println!("{}", said.text(lang));
            }
            Err(problems) => {
                let messages: Vec<String> = problems.iter().map(|p| p.render(lang)).collect();
                eprintln!("{}", messages.join("\n"));
                let shown = Shown::new(&problems, lang);
                let mut state = self.state.write().expect("server state");
                self.listeners.send(&live::event("problem", &shown.to_json()));
                state.problem = Some(shown);
                state.lang = Some(lang);
                let errors = problems.iter().filter(|p| p.is_error()).count();
                let said = msg!("serve-failed", changed = first, count = changed.len(), more = more, errors = errors);
                println!("{}", said.text(lang));
            }
        }
        let _ = std::io::stdout().flush();
    }

    fn respond(&self, request: &http::Request) -> Response {
        if request.method != "GET" && request.method != "HEAD" {
            return Response::text(405, "only GET and HEAD");
        }
        let key = match http::site_key(&request.path) {
            Ok(key) => key,
            Err(Refusal::Forbidden) => return Response::text(403, "outside the site"),
            Err(Refusal::Malformed) => return Response::text(400, "not a path"),
        };
        if key == live::SCRIPT_PATH {
            return Response::new(200, http::content_type(&key), live::script_source());
        }
        if key == live::STYLE_PATH {
            return Response::new(200, http::content_type(&key), live::STYLE);
        }
        let state = self.state.read().expect("server state");
        let problem = state.problem.as_ref();
        let Some(site) = &state.site else {
            let waiting;
            let shown = match problem {
                Some(shown) => shown,
                None => {
                    waiting = Shown::waiting(state.lang.unwrap_or_else(|| self.messages.resolve(Some(&self.root))));
                    &waiting
                }
            };
            return Response::new(500, http::content_type(".html"), live::problem_page(state.generation, shown));
        };
        let page = |status, bytes: &[u8], key: &str| {
            let body =
                if key.ends_with(".html") { live::decorate(bytes, state.generation, problem) } else { bytes.to_vec() };
            Response::new(status, http::content_type(key), body)
        };
        if let Some(bytes) = site.files.get(&key) {
            return page(200, bytes, &key);
        }
        if let Some(path) = site.assets.get(&key) {
            return self.asset(path, &key);
        }
        if site.files.contains_key(&format!("{key}/index.html")) {
            return Response::redirect(format!("/{key}/"));
        }
        match site.files.get("404.html") {
            Some(bytes) => page(404, bytes, "404.html"),
            None => Response::text(404, "not found"),
        }
    }

    /// A file from content/, read when asked for; one that a link has taken outside the
    /// guidebook folder (or to a hidden file) since the build is refused.
    fn asset(&self, path: &Path, key: &str) -> Response {
        match crate::source::read_inside(&self.root, path) {
            Ok(bytes) => Response::new(200, http::content_type(key), bytes),
            Err(crate::source::Refusal::Unreadable(_)) => Response::text(404, "not found"),
            Err(_) => Response::text(403, "outside the guidebook folder"),
        }
    }

    /// Holds an event stream open, sending what the page missed since it was served, then
    /// every build's outcome.
    fn stream_events(&self, mut stream: TcpStream, since: Option<u64>) {
        let events = self.listeners.join();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n";
        let mut missed = String::new();
        {
            let state = self.state.read().expect("server state");
            if state.site.is_some() && since != Some(state.generation) {
                missed.push_str(&live::event("reload", &state.generation.to_string()));
            }
            if let Some(problem) = &state.problem {
                missed.push_str(&live::event("problem", &problem.to_json()));
            }
        }
        if stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(missed.as_bytes())).is_err() {
            return;
        }
        loop {
            let message = match events.recv_timeout(Duration::from_secs(15)) {
                Ok(event) => event,
                // A comment now and then finds out whether the page is still open.
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if stream.write_all(message.as_bytes()).and_then(|_| stream.flush()).is_err() {
                return;
            }
        }
    }
}

fn accept(listener: TcpListener, server: Arc<Server>) {
    for stream in listener.incoming().flatten() {
        let server = Arc::clone(&server);
        std::thread::spawn(move || handle(&server, stream));
    }
}

fn handle(server: &Server, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(Some(request)) = http::read_request(&stream) else { return };
    if !http::is_local_host(request.host.as_deref(), server.port) {
        let refusal = format!("this preview answers only at http://127.0.0.1:{}/", server.port);
        let _ = Response::text(421, &refusal).write_to(&mut stream, request.method == "HEAD");
        return;
    }
    if request.path == format!("/{}", live::EVENTS_PATH) {
        let since = request.query.split('&').find_map(|p| p.strip_prefix("since=")).and_then(|g| g.parse().ok());
        server.stream_events(stream, since);
        return;
    }
    let response = server.respond(&request);
    let _ = response.write_to(&mut stream, request.method == "HEAD");
}

/// Files that differ from the previous build: what a rebuild actually changed.
fn count_changed(before: Option<&Snapshot>, after: &Snapshot) -> usize {
    let Some(before) = before else { return after.files.len() + after.assets.len() };
    after.files.iter().filter(|(key, bytes)| before.files.get(*key).is_none_or(|old| old != *bytes)).count()
        + after.assets.keys().filter(|key| !before.assets.contains_key(*key)).count()
}

fn open_in_browser(url: &str, lang: Lang) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd").args(["/C", "start", "", url]).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if command.is_err() {
        eprintln!("{}", msg!("serve-no-browser", url = url).text(lang));
    }
}
