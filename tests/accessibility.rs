//! The sample guidebook in Debian's Chromium: every page, every language, two widths,
//! furigana on and off, checked with axe-core and by measuring (tests/browser/), under the
//! pages' own security policy; the reading tools used by keyboard. In the same browser, the
//! hostile fixture guidebooks: the allowed HTML clicked through, the attack chapters in a
//! running preview (tests/browser/hostile.mjs). Needs `npm ci` and /usr/bin/chromium
//! (.ci/run installs them). Screenshots for review are written to target/screenshots/.

use std::io::BufRead;
use std::process::Stdio;

mod common;

#[test]
fn every_page_passes_axe_and_the_layout_checks() {
    let (_dir, site) = common::build(&common::repo_root());
    let (_allowed_dir, allowed) = common::build(&common::fixture("allowed"));
    let preview_root = common::copy_of("allowed");
    let preview = Preview::start(preview_root.path());
    let attack = common::fixture("attack");
    common::node_test_with(
        "tests/browser/accessibility.test.mjs",
        &site,
        &[
            ("TEBIKI_ALLOWED_SITE", allowed.as_os_str()),
            ("TEBIKI_PREVIEW", preview.url.as_ref()),
            ("TEBIKI_PREVIEW_ROOT", preview_root.path().as_os_str()),
            ("TEBIKI_ATTACK", attack.as_os_str()),
        ],
    );
}

/// `tebiki serve` on a guidebook, stopped when dropped.
struct Preview {
    child: std::process::Child,
    url: String,
}

impl Preview {
    fn start(root: &std::path::Path) -> Preview {
        // As staff run it: the guidebook's language (Japanese) decides the messages.
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tebiki"))
            .env_remove("TEBIKI_MESSAGES")
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tebiki serve");
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap() > 0 && !line.contains("http://") {
            line.clear();
        }
        let url = line.split_whitespace().find(|w| w.starts_with("http://")).expect("the address").to_string();
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        Preview { child, url }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_reading_tools_work_and_are_remembered() {
    let (_dir, site) = common::build(&common::repo_root());
    common::node_test("tests/browser/reading-tools.test.mjs", &site);
}
