//! A new guidebook as its first editor meets it: `tebiki init`, then the pull-request
//! workflow it wrote, run step by step on this machine against a tagged Git clone of
//! tebiki, as GitHub would run it; and the stand-in text init writes (〇〇市, 000-000-0000),
//! which `check` points out and `booklet` refuses to print.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tebiki(args: &[&str], dir: &Path) -> Output {
    common::tebiki().args(args).current_dir(dir).output().unwrap()
}

fn printed(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr)
}

fn git(args: &[&str], dir: &Path) {
    let output = Command::new("git").args(args).current_dir(dir).output().expect("git must be installed");
    assert!(output.status.success(), "git {args:?}: {}", printed(&output));
}

/// The `run:` steps of the workflow, in order, with the workflow's `env:`.
fn workflow_steps(guidebook: &Path) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let text = std::fs::read_to_string(guidebook.join(".github/workflows/check.yml")).unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let env = workflow["env"]
        .as_mapping()
        .expect("an env: block")
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_string(), v.as_str().unwrap_or_default().to_string()))
        .collect();
    let steps = workflow["jobs"]["check"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|step| Some((step["name"].as_str()?.to_string(), step["run"].as_str()?.to_string())))
        .collect();
    (env, steps)
}

/// Runs one step as GitHub's Ubuntu runners do (`bash -e` with pipefail), installing into
/// `install` instead of ~/.cargo.
fn run_step(script: &str, guidebook: &Path, env: &[(String, String)], install: &Path, runner: &Path) -> Output {
    let path = format!("{}:{}", install.join("bin").display(), std::env::var("PATH").unwrap_or_default());
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(guidebook)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("PATH", path)
        .env("RUNNER_TEMP", runner)
        .env("CARGO_INSTALL_ROOT", install)
        // The test build's intermediate files: the install compiles tebiki alone and takes
        // every dependency from there, rather than compiling everything a second time. Its
        // program goes to a folder of its own (an install moves the program it built away,
        // and must not take the tebiki binary the other tests run).
        .env("CARGO_BUILD_BUILD_DIR", common::repo_root().join("target"))
        .env("CARGO_TARGET_DIR", install.with_extension("target"))
        .output()
        .unwrap()
}

/// A clone of this repository with a tag, as a guidebook's workflow would install from.
fn tagged_clone(dir: &Path) -> PathBuf {
    let root = common::repo_root();
    assert!(root.join(".git").exists(), "this test needs tebiki's Git checkout (a clone, not an unpacked archive)");
    let clone = dir.join("tebiki.git");
    git(&["clone", "--quiet", root.to_str().unwrap(), clone.to_str().unwrap()], dir);
    git(
        &["-c", "user.name=test", "-c", "user.email=test@localhost", "tag", "-a", "v-test", "-m", "for the test"],
        &clone,
    );
    clone
}

#[test]
fn the_workflow_init_writes_installs_checks_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let clone = tagged_clone(dir.path());
    let url = format!("file://{}", clone.display());
    let guidebook = dir.path().join("guide");
    let init = tebiki(&["init", guidebook.to_str().unwrap(), "--git", &url, "--tag", "v-test"], dir.path());
    assert!(init.status.success(), "{}", printed(&init));
    assert!(!printed(&init).contains("does not know where to install"), "{}", printed(&init));

    let (env, steps) = workflow_steps(&guidebook);
    let names: Vec<&str> = steps.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["Install tebiki", "Check the chapters", "Build the site"]);
    let install = dir.path().join("install");
    let runner = dir.path().join("runner");
    std::fs::create_dir_all(&runner).unwrap();
    let mut outputs = Vec::new();
    for (name, script) in &steps {
        let output = run_step(script, &guidebook, &env, &install, &runner);
        assert!(output.status.success(), "step `{name}` failed:\n{}", printed(&output));
        outputs.push(printed(&output));
    }
    assert!(install.join("bin/tebiki").is_file(), "installed from the tagged clone");
    // The check shows the stand-ins as warnings on their lines, and does not fail for them.
    let check = &outputs[1];
    assert!(check.contains("::warning file=content/ja/_index.md,line=2"), "{check}");
    assert!(check.contains("::warning file=data/contacts.yaml"), "{check}");
    assert!(runner.join("site/ja/index.html").is_file(), "the build step wrote the site");
}

#[test]
fn without_a_source_init_says_so_and_the_install_step_stops_with_what_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let guidebook = dir.path().join("guide");
    let init = tebiki(&["init", guidebook.to_str().unwrap()], dir.path());
    assert!(init.status.success(), "{}", printed(&init));
    assert!(printed(&init).contains("does not know where to install tebiki from"), "{}", printed(&init));
    let (env, steps) = workflow_steps(&guidebook);
    let (_, install_step) = steps.iter().find(|(name, _)| name == "Install tebiki").unwrap();
    let install = dir.path().join("install");
    let output = run_step(install_step, &guidebook, &env, &install, dir.path());
    assert!(!output.status.success(), "the step must stop");
    let text = printed(&output);
    assert!(text.contains("::error file=.github/workflows/check.yml"), "{text}");
    assert!(text.contains("TEBIKI_GIT") && text.contains("TEBIKI_TAG") && text.contains("書いてください"), "{text}");
    assert!(!install.join("bin/tebiki").exists());
}

#[test]
fn init_refuses_a_source_that_cannot_go_into_the_workflow() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--git", "https://example.org/tebiki"],
        vec!["--git", "https://example.org/t\"; rm -rf ~", "--tag", "v1"],
        vec!["--git", "https://example.org/tebiki", "--tag", "v1 $(id)"],
        vec!["--crates-version", "0.1.0\nname: x"],
    ] {
        let guidebook = dir.path().join("guide");
        let mut all = vec!["init", guidebook.to_str().unwrap()];
        all.extend(args.iter().copied());
        let output = tebiki(&all, dir.path());
        assert!(!output.status.success(), "{args:?} was accepted");
        assert!(!guidebook.exists(), "{args:?}: nothing may be created");
    }
}

#[test]
fn a_new_guidebooks_booklet_is_refused_for_each_stand_in_until_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let guidebook = dir.path().join("guide");
    assert!(tebiki(&["init", guidebook.to_str().unwrap()], dir.path()).status.success());
    let pdf = dir.path().join("proof.pdf");
    let refused = tebiki(&["booklet", "--lang", "ja", "--out", pdf.to_str().unwrap()], &guidebook);
    let text = printed(&refused);
    assert!(!refused.status.success(), "{text}");
    assert!(!pdf.exists(), "nothing is printed");
    for (file, line, stand_in) in [
        ("content/ja/_index.md", 2, "〇〇市"),
        ("content/ja/_index.md", 4, "〇〇市"),
        ("data/contacts.yaml", 5, "000-000-0000"),
        ("site.yaml", 2, "www.city.example.jp"),
    ] {
        let at = format!("{file}:{line}:");
        assert!(
            text.lines().any(|l| l.starts_with(&at) && l.contains(stand_in)),
            "no error at {at} for {stand_in} in:\n{text}"
        );
    }
    assert!(text.contains("--allow-placeholders"), "{text}");

    let allowed =
        tebiki(&["booklet", "--lang", "ja", "--out", pdf.to_str().unwrap(), "--allow-placeholders"], &guidebook);
    assert!(allowed.status.success(), "{}", printed(&allowed));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(printed(&allowed).contains("〇〇市"), "still warned: {}", printed(&allowed));
}

#[test]
fn once_the_stand_ins_are_replaced_check_says_nothing_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let guidebook = dir.path().join("guide");
    assert!(tebiki(&["init", guidebook.to_str().unwrap()], dir.path()).status.success());
    let before = printed(&tebiki(&["check"], &guidebook));
    assert!(before.contains("〇〇市") && before.contains("000-000-0000"), "{before}");
    for (file, from, to) in [
        ("content/ja/_index.md", "〇〇市", "みどり市"),
        ("data/contacts.yaml", "000-000-0000", "0120-000-111"),
        ("site.yaml", "www.city.example.jp", "www.city.midori.example"),
    ] {
        let path = guidebook.join(file);
        let text = std::fs::read_to_string(&path).unwrap().replace(from, to);
        std::fs::write(&path, text).unwrap();
    }
    let after = printed(&tebiki(&["check"], &guidebook));
    assert!(!after.contains("stand-in"), "{after}");
}
