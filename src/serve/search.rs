//! Search in the preview: the Pagefind bundle of the last good site, made in memory
//! (`crate::search`) and served under `/pagefind/` like the published site's. It is
//! remade after a rebuild has been published (so the new pages show without waiting for
//! it) and only when some page's HTML changed; until then the previous one answers.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use tokio::sync::watch;

use super::build::SiteData;
use super::state::is_html;
use crate::diag::Diagnostic;
use crate::search::{BUNDLE, Index, Indexer};

/// The bundle's files by key (`pagefind/pagefind.js`).
pub type Files = BTreeMap<String, Bytes>;

/// Whether a served key belongs to the search bundle.
pub fn is_bundle(key: &str) -> bool {
    key.strip_prefix(BUNDLE)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Indexes each new site and publishes its bundle to the server.
pub struct Search {
    indexer: Indexer,
    /// The index whose files are published.
    published: Option<Arc<Index>>,
    publish: watch::Sender<Arc<Files>>,
}

impl Search {
    /// A search with nothing indexed yet, and the receiver the server reads.
    pub fn new() -> (Search, watch::Receiver<Arc<Files>>) {
        let (publish, files) = watch::channel(Arc::new(Files::new()));
        let search = Search {
            indexer: Indexer::default(),
            published: None,
            publish,
        };
        (search, files)
    }

    /// Indexes `site` (unless its pages are those of the published index) and publishes
    /// the bundle. On failure the previous bundle stays.
    pub fn update(&mut self, site: &SiteData) -> Result<(), Diagnostic> {
        let pages = site
            .files
            .iter()
            .filter(|(key, _)| is_html(key))
            .map(|(key, html)| (key.clone(), html.as_ref()));
        let index = self.indexer.index_pages(pages)?;
        if self
            .published
            .as_ref()
            .is_some_and(|p| Arc::ptr_eq(p, &index))
        {
            return Ok(());
        }
        let files = index
            .files
            .iter()
            .map(|(k, v)| (k.clone(), Bytes::from(v.clone())))
            .collect();
        self.publish.send_replace(Arc::new(files));
        self.published = Some(index);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_keys() {
        assert!(is_bundle("pagefind/pagefind.js"));
        assert!(!is_bundle("pagefind"));
        assert!(!is_bundle("pagefinder/x.js"));
        assert!(!is_bundle("fr/pagefind/x.js"));
    }

    #[test]
    fn a_site_is_indexed_once_and_published() {
        let (mut search, files) = Search::new();
        let page = b"<html lang=\"fr\"><body><main data-pagefind-body>chevaux</main></body></html>";
        let site = SiteData {
            files: [("fr/a.html".to_owned(), Bytes::from_static(page))].into(),
            ..SiteData::default()
        };
        search.update(&site).unwrap();
        let first = files.borrow().clone();
        assert!(
            first.contains_key("pagefind/pagefind.js"),
            "{:?}",
            first.keys()
        );
        assert!(first.keys().any(|k| k.starts_with("pagefind/wasm.fr")));
        search.update(&site).unwrap();
        assert!(
            Arc::ptr_eq(&first, &files.borrow()),
            "same pages, same bundle"
        );
    }
}
