//! Filters: what a reader narrows results to (a life stage, a scenario, an audience), with a
//! query or without one. The facets are the model's (`crate::facets`); this file writes
//! them, and which values each entry of the index has, for the engine. The search page's
//! controls, the counts beside them and the engine all read the same facets.
//!
//! Written as search/<lang>/filters.json, fetched only when a reader uses the filters:
//!
//! ```json
//! { "facets": [{ "key": "stage", "values": ["healthy", …] }, …],
//!   "entries": [[title, url, summary, lang or null, [[value numbers of facet 0], …]], …] }
//! ```
//!
//! Entry n is entry n of the index (chapter n), in the guidebook's order: the order a
//! filtered listing without a query follows.

use serde_json::json;

use crate::content::FrontMatter;
use crate::facets::Facet;

/// An entry as a filtered listing shows it.
pub(super) struct FilterEntry<'a> {
    pub title: &'a str,
    pub url: String,
    pub summary: &'a str,
    pub lang: Option<String>,
    /// The front-matter that says which values the entry has.
    pub front: &'a FrontMatter,
}

/// search/<lang>/filters.json for the facets and the entries, in index order.
pub(super) fn filters_file(facets: &[Facet], entries: &[FilterEntry]) -> String {
    let facets_json: Vec<_> = facets.iter().map(|f| json!({ "key": f.key, "values": f.values })).collect();
    let entries_json: Vec<_> = entries
        .iter()
        .map(|e| {
            let values: Vec<Vec<usize>> = facets.iter().map(|f| f.numbers_of(e.front)).collect();
            json!([e.title, e.url, e.summary, e.lang, values])
        })
        .collect();
    json!({ "facets": facets_json, "entries": entries_json }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::facets_of;

    fn front(stages: &[&str], audience: &[&str]) -> FrontMatter {
        FrontMatter {
            life_stages: stages.iter().map(|s| s.to_string()).collect(),
            audience: audience.iter().map(|s| s.to_string()).collect(),
            ..FrontMatter::default()
        }
    }

    #[test]
    fn entries_carry_the_numbers_of_their_values_in_the_facets_order() {
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let facets = facets_of(&strings(&["healthy", "end-of-life"]), &[], &strings(&["resident", "family"]));
        assert_eq!(facets.iter().map(|f| f.key).collect::<Vec<_>>(), ["stage", "audience"], "no scenarios defined");
        let (a, b) = (front(&["end-of-life"], &["family", "resident"]), front(&[], &["family"]));
        let entries = [
            FilterEntry { title: "最期", url: "ja/a/".into(), summary: "家で", lang: None, front: &a },
            FilterEntry { title: "B", url: "ja/b/".into(), summary: "", lang: Some("ja".into()), front: &b },
        ];
        assert_eq!(
            filters_file(&facets, &entries),
            r#"{"entries":[["最期","ja/a/","家で",null,[[1],[0,1]]],["B","ja/b/","","ja",[[],[1]]]],"facets":[{"key":"stage","values":["healthy","end-of-life"]},{"key":"audience","values":["resident","family"]}]}"#
        );
    }
}
