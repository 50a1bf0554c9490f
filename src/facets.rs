//! Facets: the ways a reader narrows a list of entries (a life stage, a scenario, an
//! audience). A facet is a list of values in the guidebook's order; every entry (a chapter
//! now; the care directory's entries later, with their service type and area as facets of
//! their own) says which values it has. The search page's filter box (render) and the
//! filter data the engine reads (search) are made from the same facets, so they are
//! defined here, with the model, and neither output owns them.

use crate::config::SiteConfig;
use crate::content::FrontMatter;

/// One way of narrowing: its URL parameter, the group its labels are under in i18n/
/// (`{group}.{value}.label`), and its values in order.
pub(crate) struct Facet {
    pub key: &'static str,
    pub group: &'static str,
    pub values: Vec<String>,
    /// The values a chapter has, by its front-matter.
    chapter_values: fn(&FrontMatter) -> &[String],
}

/// The facets of chapters: the guidebook's life stages, scenarios and audiences. A facet
/// without values (a guidebook that defines no scenarios) is left out.
pub(crate) fn chapter_facets(config: &SiteConfig) -> Vec<Facet> {
    facets_of(&config.life_stages, &config.scenarios, &config.audiences)
}

pub(crate) fn facets_of(life_stages: &[String], scenarios: &[String], audiences: &[String]) -> Vec<Facet> {
    let facets = [
        Facet { key: "stage", group: "life_stages", values: life_stages.to_vec(), chapter_values: |f| &f.life_stages },
        Facet { key: "scenario", group: "scenarios", values: scenarios.to_vec(), chapter_values: |f| &f.scenarios },
        Facet { key: "audience", group: "audiences", values: audiences.to_vec(), chapter_values: |f| &f.audience },
    ];
    facets.into_iter().filter(|facet| !facet.values.is_empty()).collect()
}

impl Facet {
    /// Whether a chapter has the value.
    pub(crate) fn chapter_has(&self, front: &FrontMatter, value: &str) -> bool {
        (self.chapter_values)(front).iter().any(|v| v == value)
    }

    /// The numbers of the facet's values a chapter has, ascending.
    pub(crate) fn numbers_of(&self, front: &FrontMatter) -> Vec<usize> {
        (0..self.values.len()).filter(|&n| self.chapter_has(front, &self.values[n])).collect()
    }
}
