//! The search index: Pagefind (a well-kept static search library with per-language
//! stemming), run in-process through its Rust API on the rendered pages held in memory,
//! so building a searchable site needs no Node and no npm. Each page is indexed in the
//! language of its `<html lang>`. The index is reused when no page's HTML changed, so
//! rebuilding an unchanged site costs nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;
use crate::render::Site;

/// Where the search bundle lives, relative to the site root.
pub const BUNDLE: &str = "pagefind";
/// Inside the bundle on disk: the hash of the pages it indexed.
const KEY_FILE: &str = ".policyglot-pages";
/// Pagefind indexes only the elements marked with it when any page has one.
const BODY_MARK: &[u8] = b"data-pagefind-body";

/// A search bundle: Pagefind's files (script, WebAssembly, per-language index and
/// fragments), by path relative to the site root.
#[derive(Debug, Default)]
pub struct Index {
    /// The hash of the pages indexed (see `pages_key`).
    pub key: String,
    /// By path with `/` separators, as served (`pagefind/pagefind.js`).
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Index {
    /// Indexes every HTML page of `site`.
    pub fn build(site: &Site) -> Result<Index, Diagnostic> {
        Index::of_pages(site_pages(site))
    }

    /// Indexes `pages`: (path in the site with `/` separators, HTML), in a stable order.
    pub fn of_pages<'a>(
        pages: impl Iterator<Item = (String, &'a [u8])> + Clone,
    ) -> Result<Index, Diagnostic> {
        Index::keyed(pages_key(pages.clone()), pages)
    }

    /// Indexes `pages`, whose `pages_key` is `key` (computed once by a caller that
    /// needed it first: hashing every page is not free).
    fn keyed<'a>(
        key: String,
        pages: impl Iterator<Item = (String, &'a [u8])> + Clone,
    ) -> Result<Index, Diagnostic> {
        // Pagefind skips pages without `data-pagefind-body` when any page has it: leaving
        // them out before parsing gives the same index for less work.
        let marked = |html: &[u8]| memchr::memmem::find(html, BODY_MARK).is_some();
        let any_marked = pages.clone().any(|(_, html)| marked(html));
        let pages = pages.filter(|(_, html)| !any_marked || marked(html));
        // Pagefind reads the current folder and panics without one (it was deleted).
        if let Err(e) = std::env::current_dir() {
            return Err(Diagnostic::error(
                "PG0402",
                format!("cannot index the site for search: the current folder is unusable ({e})"),
            )
            .in_path(BUNDLE)
            .help("run policyglot from an existing folder (e.g. `cd` back into the project), or build with --no-search"));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| failure(format!("cannot start the indexing runtime: {e}")))?;
        // Any other panic inside Pagefind is an error of this build, not a crash.
        let indexed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            runtime.block_on(async {
                let mut index = pagefind::api::PagefindIndex::new(None)
                    .map_err(|e| failure(format!("cannot configure Pagefind: {e}")))?;
                for (path, html) in pages {
                    let html = String::from_utf8_lossy(html).into_owned();
                    if let Err(e) = index.add_html_file(Some(path.clone()), None, html).await {
                        return Err(
                            failure(format!("Pagefind could not index {path}: {e}")).in_path(&path)
                        );
                    }
                }
                index
                    .get_files()
                    .await
                    .map_err(|e| failure(format!("Pagefind could not build the index: {e}")))
            })
        }));
        let files = indexed.map_err(|_| stopped())??;
        Ok(Index {
            key,
            files: files
                .into_iter()
                .map(|f| (format!("{BUNDLE}/{}", url_path(&f.filename)), f.contents))
                .collect(),
        })
    }

    /// Writes the bundle into the site folder `root`, with its key for the next build. A
    /// file the site being replaced (`previous`) holds with the same bytes is hard-linked
    /// from it instead: Pagefind gives back its script, styles and WebAssembly unchanged
    /// on every index, and the fragments of pages that did not change, so a re-index
    /// mostly links (on a disk, writing them and later deleting the old ones is what costs).
    fn write(&self, root: &Path, previous: Option<&Path>) -> std::io::Result<()> {
        let folders: std::collections::BTreeSet<&Path> = self
            .files
            .keys()
            .filter_map(|p| Path::new(p).parent())
            .collect();
        for folder in folders {
            fs::create_dir_all(root.join(folder))?;
        }
        for (path, bytes) in &self.files {
            let old = previous.map(|p| p.join(path));
            crate::output::place(&root.join(path), old.as_deref(), bytes)?;
        }
        fs::create_dir_all(root.join(BUNDLE))?;
        fs::write(root.join(BUNDLE).join(KEY_FILE), &self.key)
    }
}

/// Keeps the last index made, for a process that builds many times (`serve`): the same
/// pages give back the same index without indexing again.
#[derive(Debug, Default)]
pub struct Indexer {
    last: Option<Arc<Index>>,
}

impl Indexer {
    /// The index of `site`'s pages, reusing the last one when they did not change.
    pub fn index(&mut self, site: &Site) -> Result<Arc<Index>, Diagnostic> {
        self.index_pages(site_pages(site))
    }

    /// The index of `pages` (as `Index::of_pages` takes them), reusing the last one when
    /// they did not change.
    pub fn index_pages<'a>(
        &mut self,
        pages: impl Iterator<Item = (String, &'a [u8])> + Clone,
    ) -> Result<Arc<Index>, Diagnostic> {
        if let Some(last) = &self.last
            && last.key == pages_key(pages.clone())
        {
            return Ok(Arc::clone(last));
        }
        let index = Arc::new(Index::of_pages(pages)?);
        self.last = Some(Arc::clone(&index));
        Ok(index)
    }
}

/// The search bundle of a site about to be written: the previous site's, when that was
/// indexed from the same pages, or a fresh index.
pub enum Prepared {
    Reuse(PathBuf),
    Fresh(Index),
}

impl Prepared {
    /// Decides, and indexes when needed, for `site` replacing `previous`. Needs only the
    /// pages in memory, so it runs while the pages are written.
    pub fn new(site: &Site, previous: Option<&Path>) -> Result<Prepared, Diagnostic> {
        let key = pages_key(site_pages(site));
        if let Some(previous) = previous.map(|p| p.join(BUNDLE))
            && fs::read_to_string(previous.join(KEY_FILE)).is_ok_and(|k| k == key)
        {
            return Ok(Prepared::Reuse(previous));
        }
        Index::keyed(key, site_pages(site)).map(Prepared::Fresh)
    }

    /// Puts the bundle into the staged site at `staging`, `previous` being the site it
    /// replaces. Runs before the swap, so the index is atomic with the pages.
    pub fn write(&self, staging: &Path, previous: Option<&Path>) -> Result<(), Diagnostic> {
        match self {
            Prepared::Reuse(previous) => copy_dir(previous, &staging.join(BUNDLE))
                .map_err(|e| failure(format!("cannot reuse the previous search index: {e}"))),
            Prepared::Fresh(index) => index
                .write(staging, previous)
                .map_err(|e| failure(format!("cannot write the search index: {e}"))),
        }
    }
}

/// The error of an indexing that panicked (inside Pagefind, or its thread).
pub fn stopped() -> Diagnostic {
    failure("Pagefind stopped unexpectedly while indexing".to_owned())
}

fn failure(message: String) -> Diagnostic {
    Diagnostic::error("PG0402", message)
        .in_path(BUNDLE)
        .help("this is likely a bug in policyglot or Pagefind: please report it; build with --no-search to publish without search meanwhile")
}

/// A site path as the URL path Pagefind records (`fr/data-retention.html`), with `/`
/// whatever the platform's separator.
fn url_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The HTML pages of `site`, in path order.
fn site_pages(site: &Site) -> impl Iterator<Item = (String, &[u8])> + Clone {
    site.files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|x| x == "html"))
        .map(|(p, b)| (url_path(p), b.as_slice()))
}

/// A hash of every page's path and HTML: the index only depends on them.
fn pages_key<'a>(pages: impl Iterator<Item = (String, &'a [u8])>) -> String {
    let mut hasher = Sha256::new();
    for (path, bytes) in pages {
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update(bytes);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Copies a folder, hard-linking files where the file system allows.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let target = to.join(entry.path().strip_prefix(from).expect("walked from `from`"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if fs::hard_link(entry.path(), &target).is_err() {
            // The previous site is replaced, never written to: sharing its files is safe.
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn page(lang: &str, body: &str) -> Vec<u8> {
        format!("<!doctype html><html lang=\"{lang}\"><head><title>t</title></head><body><main data-pagefind-body><h1>Titre</h1><p>{body}</p></main></body></html>").into_bytes()
    }

    fn site(pages: &[(&str, Vec<u8>)]) -> Site {
        Site {
            files: pages
                .iter()
                .map(|(p, b)| (PathBuf::from(p), b.clone()))
                .collect(),
            ..Site::default()
        }
    }

    #[test]
    fn each_language_gets_its_own_index() {
        let site = site(&[
            ("fr/a.html", page("fr", "Nous conservons vos données.")),
            ("de/a.html", page("de", "Wir speichern Ihre Daten.")),
            (
                "fr/search.html",
                b"<html lang=\"fr\"><body>x</body></html>".to_vec(),
            ),
        ]);
        let index = Index::build(&site).unwrap();
        assert!(
            index.files.contains_key("pagefind/pagefind.js"),
            "{:?}",
            index.files.keys()
        );
        let entry: serde_json::Value =
            serde_json::from_slice(&index.files["pagefind/pagefind-entry.json"]).unwrap();
        let languages = entry["languages"].as_object().unwrap();
        let mut keys: Vec<&String> = languages.keys().collect();
        keys.sort();
        assert_eq!(keys, ["de", "fr"]);
        // Only the marked pages were indexed: one per language.
        assert_eq!(languages["fr"]["page_count"], 1);
        assert_eq!(languages["de"]["page_count"], 1);
    }

    #[test]
    fn the_same_pages_reuse_the_index() {
        let mut indexer = Indexer::default();
        let one = site(&[("fr/a.html", page("fr", "chevaux"))]);
        let first = indexer.index(&one).unwrap();
        assert!(Arc::ptr_eq(&first, &indexer.index(&one).unwrap()));
        let two = site(&[("fr/a.html", page("fr", "cheval"))]);
        assert!(!Arc::ptr_eq(&first, &indexer.index(&two).unwrap()));
    }
}
