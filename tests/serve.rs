//! `tebiki serve` as someone editing a chapter meets it: the page is served, a save reloads
//! it with the new text, a broken front-matter shows its message over the last good page,
//! fixing it brings the page back, one save is one rebuild however the editor writes the
//! file, and nothing outside the site can be fetched.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(60);

/// A running `tebiki serve` on a fresh guidebook from `tebiki init`; stopped when dropped.
struct Preview {
    child: Child,
    port: u16,
    guidebook: PathBuf,
    _dir: tempfile::TempDir,
}

impl Preview {
    fn start() -> Preview {
        let dir = tempfile::tempdir().unwrap();
        let guidebook = dir.path().join("guide");
        let init = common::tebiki().arg("init").arg(&guidebook).output().unwrap();
        assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
        Preview::start_in(dir, guidebook)
    }

    fn start_in(dir: tempfile::TempDir, guidebook: PathBuf) -> Preview {
        let mut child = common::tebiki()
            .args(["serve", "--port", "0", "--root"])
            .arg(&guidebook)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut port = None;
        let mut line = String::new();
        while port.is_none() && stdout.read_line(&mut line).unwrap() > 0 {
            port = line.split("http://127.0.0.1:").nth(1).and_then(|rest| rest.split('/').next()?.parse().ok());
            line.clear();
        }
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        Preview { child, port: port.expect("the server prints its address"), guidebook, _dir: dir }
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.get_as(path, &format!("127.0.0.1:{}", self.port))
    }

    /// A request that names `host` as the server it is for.
    fn get_as(&self, path: &str, host: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response).to_string();
        let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status line");
        let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        (status, body)
    }

    /// Opens the event stream a page opens, as a page served from `generation` would.
    fn events(&self, generation: u64) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(stream, "GET /__tebiki/events?since={generation} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", self.port)
            .unwrap();
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let mut name = String::new();
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { return };
                if let Some(event) = line.strip_prefix("event: ") {
                    name = event.to_string();
                } else if let Some(data) = line.strip_prefix("data: ") {
                    let _ = sender.send((name.clone(), data.to_string()));
                }
            }
        });
        Events(receiver)
    }

    fn chapter(&self) -> PathBuf {
        self.guidebook.join("content/ja/acp/what-is-acp.md")
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events(Receiver<(String, String)>);

impl Events {
    /// The next event, or panics after a minute.
    fn next(&self) -> (String, String) {
        self.0.recv_timeout(PATIENCE).expect("an event from the server")
    }

    /// Every event that arrives within `window`.
    fn during(&self, window: Duration) -> Vec<String> {
        let end = Instant::now() + window;
        let mut seen = Vec::new();
        loop {
            match self.0.recv_timeout(end.saturating_duration_since(Instant::now())) {
                Ok((name, _)) => seen.push(name),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return seen,
            }
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const PAGE: &str = "/ja/acp/what-is-acp/";

#[test]
fn a_save_reloads_the_page_and_a_broken_chapter_shows_its_message_over_the_last_good_page() {
    let preview = Preview::start();
    let (status, page) = preview.get(PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("人生会議とは"), "{page}");
    assert!(page.contains("/__tebiki/live.js?g=1"), "the page carries the reload script");
    let events = preview.events(1);

    edit(&preview.chapter(), "## 人生会議とは", "## 人生会議のはじめかた");
    assert_eq!(events.next().0, "reload");
    let (_, page) = preview.get(PAGE);
    assert!(page.contains("はじめかた"), "the new heading is served");

    edit(&preview.chapter(), "order: 10", "order: ten");
    let (name, data) = events.next();
    assert_eq!(name, "problem");
    assert!(data.contains("content/ja/acp/what-is-acp.md:4:"), "the message names file and line: {data}");
    let (status, page) = preview.get(PAGE);
    assert_eq!(status, 200, "the last good page is still served");
    assert!(page.contains("はじめかた"));
    assert!(page.contains("id=\"tebiki-problem\""), "with the overlay");
    assert!(page.contains("content/ja/acp/what-is-acp.md:4:"), "showing the same message as the terminal");

    edit(&preview.chapter(), "order: ten", "order: 10");
    assert_eq!(events.next().0, "reload");
    let (status, page) = preview.get(PAGE);
    assert_eq!(status, 200);
    assert!(!page.contains("tebiki-problem"), "the overlay is gone once the chapter is fixed");
}

#[test]
fn one_save_is_one_rebuild_however_the_editor_writes_the_file() {
    let preview = Preview::start();
    let events = preview.events(1);
    assert!(events.during(Duration::from_millis(500)).is_empty(), "a page that is current gets no event");

    // Write a temporary file and rename it over the chapter, as vim and many editors do.
    let chapter = preview.chapter();
    let text = std::fs::read_to_string(&chapter).unwrap().replace("人生会議とは", "人生会議とは何か");
    let temporary = chapter.with_file_name(".what-is-acp.md.tmp");
    std::fs::write(&temporary, &text).unwrap();
    std::fs::rename(&temporary, &chapter).unwrap();
    assert_eq!(events.next().0, "reload");
    assert!(events.during(Duration::from_secs(2)).is_empty(), "a second rebuild for the same save");

    // Truncate, then write, then write the same bytes again.
    std::fs::write(&chapter, "").unwrap();
    let text = text.replace("人生会議とは何か", "人生会議について");
    std::fs::write(&chapter, &text).unwrap();
    std::fs::write(&chapter, &text).unwrap();
    assert_eq!(events.next().0, "reload");
    assert!(events.during(Duration::from_secs(2)).is_empty(), "a second rebuild for the same save");

    // An editor's swap file, and a save that changes nothing, rebuild nothing.
    std::fs::write(chapter.with_file_name(".what-is-acp.md.swp"), "swap").unwrap();
    std::fs::write(&chapter, &text).unwrap();
    assert!(events.during(Duration::from_secs(2)).is_empty());
}

#[test]
fn a_page_served_before_a_rebuild_reloads_when_it_connects() {
    let preview = Preview::start();
    let events = preview.events(0);
    assert_eq!(events.next().0, "reload", "the page is from before the current build");
}

#[test]
fn nothing_outside_the_site_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "private").unwrap();
    let guidebook = dir.path().join("guide");
    let init = common::tebiki().arg("init").arg(&guidebook).output().unwrap();
    assert!(init.status.success());
    let preview = Preview::start_in(dir, guidebook);
    for path in [
        "/../site.yaml",
        "/ja/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/ja/%2E%2E/%2E%2E/secret.txt",
        "/..%2fsite.yaml",
        "/ja%2F..%2F..%2Fsite.yaml",
        "/..%5csite.yaml",
        "/..\\site.yaml",
    ] {
        let (status, body) = preview.get(path);
        assert_eq!(status, 403, "{path}");
        assert!(!body.contains("private") && !body.contains("languages:"), "{path}");
    }
    assert_eq!(preview.get("/site.yaml").0, 404, "the guidebook's own files are not part of the site");
    assert_eq!(preview.get("/content/ja/acp/what-is-acp.md").0, 404);

    // A link in content/ to a file outside the guidebook is refused by the build, and the
    // file is not served.
    let events = preview.events(1);
    let link = preview.guidebook.join("content/ja/secret.txt");
    common::symlink(&preview.guidebook.join("../secret.txt"), &link);
    let (name, data) = events.next();
    assert_eq!(name, "problem");
    assert!(data.contains("content/ja/secret.txt") && data.contains("outside the guidebook"), "{data}");
    let (status, body) = preview.get("/ja/secret.txt");
    assert_eq!(status, 404);
    assert!(!body.contains("private"));
}

#[test]
fn a_page_of_another_site_cannot_read_the_preview_by_rebinding_its_name() {
    let preview = Preview::start();
    let port = preview.port;
    let (status, body) = preview.get("/ja/");
    assert_eq!(status, 200);
    assert!(body.contains("<main"));
    for name in ["localhost", "[::1]", "LocalHost"] {
        assert_eq!(preview.get_as("/ja/", &format!("{name}:{port}")).0, 200, "{name}");
    }
    for host in [format!("attacker.example:{port}"), "127.0.0.1".to_string(), format!("127.0.0.1:{}", port + 1)] {
        for path in ["/ja/", "/__tebiki/events?since=0", "/__tebiki/live.js", "/no-such-page"] {
            let (status, body) = preview.get_as(path, &host);
            assert_eq!(status, 421, "{host} {path}");
            assert!(!body.contains("<main") && !body.contains("event:"), "{host} {path}: {body}");
        }
    }
}

#[test]
fn the_reload_script_is_never_in_a_built_site() {
    let dir = tempfile::tempdir().unwrap();
    let guidebook = dir.path().join("guide");
    let init = common::tebiki().arg("init").arg(&guidebook).output().unwrap();
    assert!(init.status.success());
    let out = dir.path().join("public");
    let build = common::tebiki().args(["build", "--root"]).arg(&guidebook).arg("--out").arg(&out).output().unwrap();
    assert!(build.status.success());
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&out).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).to_string();
        assert!(!text.contains("__tebiki"), "{}", entry.path().display());
        pages += entry.path().extension().is_some_and(|e| e == "html") as usize;
    }
    assert!(pages > 5);
}
