//! Where each page lives in the output, and how pages link to each other.
//!
//! Pages link with relative URLs (`../../services/home-services/`), so the built folder
//! works wherever it is published, at a domain's root or under a sub-path. Absolute URLs,
//! from `base_url`, are used only where the web requires them: canonical and hreflang links,
//! the sitemap, and the 404 page (served at any depth).

/// Where a page that exists once per language lives, given the language code.
pub(crate) type PathIn<'a> = Box<dyn Fn(&str) -> PagePath + Send + Sync + 'a>;

/// A listing page's path, given the language code and the term's key.
pub(crate) type TermPath = fn(&str, &str) -> PagePath;

/// A page's path from the site root, always ending in `/` (or a file name for 404.html).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PagePath(pub String);

impl PagePath {
    pub(crate) fn language_root() -> PagePath {
        PagePath(String::new())
    }

    pub(crate) fn front(lang: &str) -> PagePath {
        PagePath(format!("{lang}/"))
    }

    pub(crate) fn chapter(lang: &str, slug: &str) -> PagePath {
        PagePath(format!("{lang}/{slug}/"))
    }

    pub(crate) fn life_stage(lang: &str, key: &str) -> PagePath {
        PagePath(format!("{lang}/stages/{key}/"))
    }

    pub(crate) fn scenario(lang: &str, key: &str) -> PagePath {
        PagePath(format!("{lang}/scenarios/{key}/"))
    }

    pub(crate) fn help(lang: &str) -> PagePath {
        PagePath(format!("{lang}/help/"))
    }

    pub(crate) fn search(lang: &str) -> PagePath {
        PagePath(format!("{lang}/search/"))
    }

    /// The file written for this page.
    pub(crate) fn file(&self) -> String {
        if self.0.is_empty() || self.0.ends_with('/') { format!("{}index.html", self.0) } else { self.0.clone() }
    }

    /// `../` repeated to climb from this page to the site root.
    pub(crate) fn to_root(&self) -> String {
        "../".repeat(self.0.matches('/').count())
    }

    /// `../` repeated to climb from this page to its language's front page: a link written
    /// in a chapter leads to a place in the same language folder.
    pub(crate) fn to_language_root(&self) -> String {
        "../".repeat(self.0.matches('/').count().saturating_sub(1))
    }

    /// The shortest relative URL of `other` as seen from this page.
    pub(crate) fn link_to(&self, other: &PagePath) -> String {
        let from: Vec<&str> = self.0.split_terminator('/').take(self.0.matches('/').count()).collect();
        let to: Vec<&str> = other.0.split_terminator('/').collect();
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count().min(to.len());
        let mut url = "../".repeat(from.len() - common);
        for segment in &to[common..] {
            url.push_str(segment);
            url.push('/');
        }
        if !other.0.ends_with('/') && !other.0.is_empty() {
            url.pop(); // a file such as 404.html, not a folder
        }
        if url.is_empty() { "./".to_string() } else { url }
    }

    pub(crate) fn absolute(&self, base_url: &str) -> String {
        format!("{base_url}{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_to_the_root_and_back_down() {
        let chapter = PagePath::chapter("ja", "acp/what-is-acp");
        assert_eq!(chapter.file(), "ja/acp/what-is-acp/index.html");
        assert_eq!(chapter.link_to(&PagePath::chapter("en", "acp/what-is-acp")), "../../../en/acp/what-is-acp/");
        assert_eq!(PagePath::front("ja").link_to(&PagePath::life_stage("ja", "frail")), "stages/frail/");
        assert_eq!(chapter.link_to(&PagePath::front("ja")), "../../");
        assert_eq!(chapter.link_to(&chapter), "./");
        assert_eq!(chapter.link_to(&PagePath::language_root()), "../../../");
        assert_eq!(PagePath::language_root().link_to(&PagePath::language_root()), "./");
        assert_eq!(PagePath::front("ja").absolute("https://g.example/"), "https://g.example/ja/");
    }
}
