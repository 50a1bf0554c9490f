//! The same guidebook always gives the same bytes, so reviewers can diff the built site.

mod common;

#[test]
fn two_builds_of_the_sample_are_byte_identical() {
    let (_a, first) = common::build(&common::repo_root());
    let (_b, second) = common::build(&common::repo_root());
    let first = common::read_tree(&first);
    let second = common::read_tree(&second);
    assert!(first.len() > 150, "{} files", first.len());
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
}
