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
use http::{Refusal, Response};
use inputs::Fingerprint;
use live::Listeners;
use rebuild::Rebuilder;
use watch::SaveWatcher;

pub struct ServeOptions {
    pub root: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the front page in the default browser once the site is up.
    pub open: bool,
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
    /// The messages of the last build, while it failed.
    problem: Option<String>,
}

struct Server {
    root: PathBuf,
    /// The port served on: requests must name it in their `Host`.
    port: u16,
    state: RwLock<State>,
    listeners: Listeners,
}

/// Runs until the process is stopped.
pub fn serve(options: &ServeOptions) -> Result<(), String> {
    let root = options.root.canonicalize().map_err(|e| format!("cannot open {}: {e}", options.root.display()))?;
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e} (try another --port)", options.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let server = Arc::new(Server {
        root: root.clone(),
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
    println!("serving {url} (only this computer can open it); press Ctrl+C to stop");
    let _ = std::io::stdout().flush();
    let accepting = Arc::clone(&server);
    std::thread::spawn(move || accept(listener, accepting));
    if options.open {
        open_in_browser(&url);
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
    Err("watching the guidebook folder stopped".into())
}

impl Server {
    /// Makes a build's outcome what the server shows, tells the open pages, and reports on
    /// the terminal.
    fn publish(&self, result: Result<RenderedSite, Vec<Diagnostic>>, started: Instant, changed: &[String]) {
        let cause = match changed {
            [] => String::new(),
            [one] => format!(" after {one} changed"),
            [first, rest @ ..] => format!(" after {first} and {} more changed", rest.len()),
        };
        match result {
            Ok(site) => {
                for warning in &site.warnings {
                    eprintln!("{warning}");
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
                self.listeners.send(&live::event("reload", &state.generation.to_string()));
                println!(
                    "built {pages} pages{cause} in {:.2} s ({rewritten} files new or changed)",
                    started.elapsed().as_secs_f64()
                );
            }
            Err(problems) => {
                let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
                let messages = messages.join("\n");
                eprintln!("{messages}");
                let mut state = self.state.write().expect("server state");
                self.listeners.send(&live::event("problem", &serde_json::to_string(&messages).unwrap_or_default()));
                state.problem = Some(messages);
                let errors = problems.iter().filter(|p| p.is_error()).count();
                println!(
                    "build failed{cause}: {errors} error{}; the preview shows the messages over the last good build",
                    if errors == 1 { "" } else { "s" }
                );
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
        let problem = state.problem.as_deref();
        let Some(site) = &state.site else {
            let messages = problem.unwrap_or("the first build has not finished");
            return Response::new(500, http::content_type(".html"), live::problem_page(state.generation, messages));
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
                missed.push_str(&live::event("problem", &serde_json::to_string(problem).unwrap_or_default()));
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

fn open_in_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd").args(["/C", "start", "", url]).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if command.is_err() {
        eprintln!("could not open a browser; open {url} yourself");
    }
}
