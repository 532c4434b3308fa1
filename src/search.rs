//! The search index: Pagefind (a well-kept static search library with per-language
//! stemming), run in-process through its Rust API, so building a searchable site needs
//! no Node and no npm. Each page is indexed in the language of its `<html lang>`, one
//! Pagefind index per language (in parallel, merged into one bundle). What the index
//! needs to know of a page before reading it (a hash, its language, whether it is
//! marked for indexing: `Page`) is noted as it is rendered; its HTML is read only when
//! its language is indexed (from memory in `serve`, from the staged site in `build`, so
//! a build never holds its pages). The index is reused when no page's HTML changed, so
//! rebuilding an unchanged site costs nothing, and so is each language whose pages did
//! not change.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;
use crate::render::Site;

/// Where the search bundle lives, relative to the site root.
pub const BUNDLE: &str = "pagefind";
/// Inside the bundle on disk: the hash of the pages it indexed, and of each language's
/// (`Keys`).
const KEY_FILE: &str = ".policyglot-pages";
/// Pagefind indexes only the elements marked with it when any page has one.
const BODY_MARK: &[u8] = b"data-pagefind-body";

/// Files of a bundle by path, with `/` separators.
type Files = BTreeMap<String, Vec<u8>>;
/// Reads a page's HTML by its path in the site (`/` separators).
type Load<'l> = &'l (dyn Fn(&str) -> Option<Vec<u8>> + Sync);

/// What the index needs to know of a page before reading its HTML.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its path in the site, with `/` separators.
    path: String,
    /// SHA-256 of its HTML.
    digest: [u8; 32],
    /// The language of its `<html lang>` (`html_lang`).
    lang: Option<String>,
    /// Whether it has `data-pagefind-body`.
    marked: bool,
}

impl Page {
    /// The page at `path` (`/` separators) with this HTML.
    pub fn of(path: String, html: &[u8]) -> Page {
        Page {
            path,
            digest: Sha256::digest(html).into(),
            lang: html_lang(html),
            marked: memchr::memmem::find(html, BODY_MARK).is_some(),
        }
    }
}

/// The pages of a site noted as they are rendered (from any thread), for an index made
/// once every page is written.
#[derive(Debug, Default)]
pub struct Noted(Mutex<Vec<Page>>);

impl Noted {
    /// Notes the file at `path` in the site, when it is a page.
    pub fn note(&self, path: &Path, bytes: &[u8]) {
        if is_page(path) {
            let page = Page::of(url_path(path), bytes);
            self.0.lock().expect("not poisoned").push(page);
        }
    }

    /// The pages noted, in path order.
    fn pages(self) -> Vec<Page> {
        let mut pages = self.0.into_inner().expect("not poisoned");
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        pages
    }
}

/// A search bundle: Pagefind's files (script, WebAssembly, per-language index and
/// fragments), by path relative to the site root.
#[derive(Debug, Default)]
pub struct Index {
    /// The hash of the pages indexed (see `pages_key`).
    pub key: String,
    /// By path with `/` separators, as served (`pagefind/pagefind.js`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// What each language's own index was made from and gave, for the next build.
    languages: BTreeMap<String, Language>,
}

/// What a bundle keeps of the index of one language: enough to put that language in
/// the next bundle without indexing it again when its pages did not change.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Language {
    /// The hash of the language's indexed pages (`pages_key`).
    key: String,
    /// The entry file Pagefind wrote for the language's own index.
    entry: String,
    /// Every file of that index but the entry, by path within the bundle.
    files: Vec<String>,
}

/// The key file of a bundle on disk.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Keys {
    /// policyglot's version: another one may carry another Pagefind.
    version: String,
    /// The hash of every page (`Index::key`).
    key: String,
    languages: BTreeMap<String, Language>,
}

/// Where the bundle being replaced can be read, to reuse its languages.
#[derive(Clone, Copy)]
enum Previous<'p> {
    /// A bundle on disk and its key file.
    Dir(&'p Path, &'p Keys),
    /// The last index of this process.
    Memory(&'p Index),
}

impl Previous<'_> {
    /// The files of `language`'s own index (its entry file included) when it was made
    /// from pages with `key`, read from the previous bundle; `None` if anything is amiss.
    fn reuse(self, language: &str, key: &str) -> Option<Files> {
        let known = match self {
            Previous::Dir(_, keys) => &keys.languages,
            Previous::Memory(index) => &index.languages,
        };
        let known = known.get(language).filter(|l| l.key == key)?;
        let mut files = BTreeMap::new();
        for path in &known.files {
            files.insert(path.clone(), self.read(path)?);
        }
        files.insert(ENTRY.to_owned(), known.entry.clone().into_bytes());
        Some(files)
    }

    /// A file of the previous bundle, by path within it.
    fn read(self, path: &str) -> Option<Vec<u8>> {
        match self {
            Previous::Dir(dir, _) => {
                // The key file is the previous output's: still, only read inside it.
                let inside = Path::new(path)
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)));
                inside.then(|| fs::read(dir.join(path)).ok()).flatten()
            }
            Previous::Memory(index) => index.files.get(&format!("{BUNDLE}/{path}")).cloned(),
        }
    }
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
        let (noted, html) = in_memory(pages);
        Index::keyed(pages_key(&noted), &noted, &html.load(), None)
    }

    /// Indexes `pages` (in path order), whose `pages_key` is `key`, reading each page's
    /// HTML with `load` when its language is indexed. A language whose pages are those
    /// `previous` indexed is taken from it.
    fn keyed(
        key: String,
        pages: &[Page],
        load: Load,
        previous: Option<Previous>,
    ) -> Result<Index, Diagnostic> {
        // Pagefind skips pages without `data-pagefind-body` when any page has it: leaving
        // them out before parsing gives the same index for less work.
        let any_marked = pages.iter().any(|p| p.marked);
        let pages: Vec<&Page> = pages.iter().filter(|p| !any_marked || p.marked).collect();
        // Pagefind reads the current folder and panics without one (it was deleted).
        if let Err(e) = std::env::current_dir() {
            return Err(Diagnostic::error(
                "PG0402",
                format!("cannot index the site for search: the current folder is unusable ({e})"),
            )
            .in_path(BUNDLE)
            .help("run policyglot from an existing folder (e.g. `cd` back into the project), or build with --no-search"));
        }
        let merged = match by_language(&pages) {
            Some(groups) => {
                // One Pagefind index per language, as many at once as there are
                // workers: Pagefind indexes one page after another behind its lock, and
                // drops a language's pages when that language's files are made. A
                // language whose pages did not change is read from the previous bundle.
                use rayon::prelude::*;
                let bundles = groups
                    .into_par_iter()
                    .map(|(language, group)| {
                        let key = pages_key(group.iter().copied());
                        match previous.and_then(|p| p.reuse(&language, &key)) {
                            Some(files) => Ok((language, key, files)),
                            None => index_pages(&group, load).map(|files| (language, key, files)),
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                merge(bundles)
            }
            None => None,
        };
        // Without languages to tell apart, or when Pagefind read a language differently
        // from `html_lang`: one index over every page is what it would have made.
        let (files, languages) = match merged {
            Some(merged) => merged,
            None => (index_pages(&pages, load)?, BTreeMap::new()),
        };
        Ok(Index {
            key,
            files: files
                .into_iter()
                .map(|(path, bytes)| (format!("{BUNDLE}/{path}"), bytes))
                .collect(),
            languages,
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
        let keys = Keys {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            key: self.key.clone(),
            languages: self.languages.clone(),
        };
        let keys = serde_json::to_vec(&keys).map_err(std::io::Error::other)?;
        fs::write(root.join(BUNDLE).join(KEY_FILE), keys)
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
        let (noted, html) = in_memory(pages);
        let key = pages_key(&noted);
        if let Some(last) = &self.last
            && last.key == key
        {
            return Ok(Arc::clone(last));
        }
        let previous = self.last.as_deref().map(Previous::Memory);
        let index = Arc::new(Index::keyed(key, &noted, &html.load(), previous)?);
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
    /// Decides, and indexes when needed, for the site staged at `staging` whose pages
    /// are `noted` (each read from there when its language is indexed), replacing the
    /// site `previous`.
    pub fn staged(
        noted: Noted,
        staging: &Path,
        previous: Option<&Path>,
    ) -> Result<Prepared, Diagnostic> {
        let pages = noted.pages();
        let key = pages_key(&pages);
        let bundle = previous.map(|p| p.join(BUNDLE));
        let keys = bundle
            .as_ref()
            .and_then(|b| fs::read(b.join(KEY_FILE)).ok())
            .and_then(|k| serde_json::from_slice::<Keys>(&k).ok())
            .filter(|k| k.version == env!("CARGO_PKG_VERSION"));
        // Only pages this build noted are read, and only inside the staged site.
        let load = |path: &str| fs::read(staging.join(path)).ok();
        match (bundle, keys) {
            (Some(bundle), Some(keys)) if keys.key == key => Ok(Prepared::Reuse(bundle)),
            (Some(bundle), Some(keys)) => {
                Index::keyed(key, &pages, &load, Some(Previous::Dir(&bundle, &keys)))
                    .map(Prepared::Fresh)
            }
            _ => Index::keyed(key, &pages, &load, None).map(Prepared::Fresh),
        }
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

/// Pagefind's files for `pages` (one index, however many languages), by path within
/// the bundle; each page's HTML is read by `load` when Pagefind is given it, and
/// dropped once Pagefind parsed it.
fn index_pages(pages: &[&Page], load: Load) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| failure(format!("cannot start the indexing runtime: {e}")))?;
    // Any other panic inside Pagefind is an error of this build, not a crash.
    let indexed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime.block_on(async {
            let mut index = pagefind::api::PagefindIndex::new(None)
                .map_err(|e| failure(format!("cannot configure Pagefind: {e}")))?;
            for page in pages {
                let path = &page.path;
                let html = load(path).ok_or_else(|| {
                    failure(format!("cannot read {path} again to index it")).in_path(path)
                })?;
                let html = String::from_utf8(html)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                if let Err(e) = index.add_html_file(Some(path.clone()), None, html).await {
                    return Err(
                        failure(format!("Pagefind could not index {path}: {e}")).in_path(path)
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
    Ok(files
        .into_iter()
        .map(|f| (url_path(&f.filename), f.contents))
        .collect())
}

/// `pages` grouped by the language of their `<html lang>`, in order within each
/// group, when every page names one and there are at least two: Pagefind indexes each
/// language on its own (page numbers, words, fragments and file names are per
/// language), so one index per language gives the same files as one index of all.
/// `None` when a page names none (Pagefind would merge it into the main language).
fn by_language<'p>(pages: &[&'p Page]) -> Option<BTreeMap<String, Vec<&'p Page>>> {
    let mut groups: BTreeMap<String, Vec<&'p Page>> = BTreeMap::new();
    for page in pages {
        groups.entry(page.lang.clone()?).or_default().push(*page);
    }
    (groups.len() > 1).then_some(groups)
}

/// The `lang` attribute of a page's first `<html>` tag, lower-cased as Pagefind reads
/// it. A page this simple reading gets wrong is caught by `merge`, which checks that
/// each group's index holds the one language it was made for.
fn html_lang(html: &[u8]) -> Option<String> {
    let start = memchr::memmem::find_iter(html, b"<").find(|&at| {
        html.get(at + 1..at + 6).is_some_and(|tag| {
            tag[..4].eq_ignore_ascii_case(b"html")
                && matches!(tag[4], b' ' | b'\t' | b'\n' | b'\r' | b'>')
        })
    })?;
    let end = start + memchr::memchr(b'>', &html[start..])?;
    let tag = std::str::from_utf8(&html[start + 5..end]).ok()?;
    let at = tag.find(" lang=")?;
    let value = &tag[at + 6..];
    let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let value = &value[1..value[1..].find(quote)? + 1];
    (!value.is_empty()).then(|| value.to_lowercase())
}

/// The entry file of a bundle: the languages it indexes (`pagefind-entry.json`).
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    version: String,
    languages: BTreeMap<String, EntryLanguage>,
    include_characters: Vec<char>,
}

/// One language of `Entry`, with Pagefind's field order.
#[derive(serde::Serialize, serde::Deserialize)]
struct EntryLanguage {
    hash: String,
    wasm: Option<String>,
    page_count: usize,
}

const ENTRY: &str = "pagefind-entry.json";

/// One bundle from each language's own: every file once (the script, styles and
/// WebAssembly are the same bytes in each), and one entry file listing every language
/// as Pagefind writes it for one index of all pages. `None` when a bundle does not
/// hold exactly the language it was made for, or two bundles disagree on a file.
/// Each language's record (`Language`) comes with the files.
fn merge(
    bundles: Vec<(String, String, BTreeMap<String, Vec<u8>>)>,
) -> Option<(Files, BTreeMap<String, Language>)> {
    let mut files = BTreeMap::new();
    let mut languages = BTreeMap::new();
    let mut entry: Option<Entry> = None;
    for (language, key, mut bundle) in bundles {
        let own_entry = String::from_utf8(bundle.remove(ENTRY)?).ok()?;
        let mut own: Entry = serde_json::from_str(&own_entry).ok()?;
        if own.languages.len() != 1 || !own.languages.contains_key(&language) {
            return None;
        }
        match &mut entry {
            Some(entry) => {
                if (&entry.version, &entry.include_characters)
                    != (&own.version, &own.include_characters)
                {
                    return None;
                }
                entry.languages.append(&mut own.languages);
            }
            None => entry = Some(own),
        }
        let record = Language {
            key,
            entry: own_entry,
            files: bundle.keys().cloned().collect(),
        };
        languages.insert(language, record);
        for (path, bytes) in bundle {
            match files.get(&path) {
                Some(existing) if *existing != bytes => return None,
                Some(_) => {}
                None => {
                    files.insert(path, bytes);
                }
            }
        }
    }
    files.insert(ENTRY.to_owned(), serde_json::to_vec(&entry?).ok()?);
    Some((files, languages))
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

/// Whether a file of the site is a page to index.
fn is_page(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "html")
}

/// The HTML pages of `site`, in path order.
fn site_pages(site: &Site) -> impl Iterator<Item = (String, &[u8])> + Clone {
    site.files
        .iter()
        .filter(|(p, _)| is_page(p))
        .map(|(p, b)| (url_path(p), b.as_slice()))
}

/// Pages held in memory, by path.
struct InMemory<'a>(HashMap<String, &'a [u8]>);

impl InMemory<'_> {
    fn load(&self) -> impl Fn(&str) -> Option<Vec<u8>> + Sync + '_ {
        |path| self.0.get(path).map(|html| html.to_vec())
    }
}

/// `pages` (path, HTML), noted in their order, and their HTML by path.
fn in_memory<'a>(pages: impl Iterator<Item = (String, &'a [u8])>) -> (Vec<Page>, InMemory<'a>) {
    let mut html = HashMap::new();
    let noted = pages
        .map(|(path, bytes)| {
            html.insert(path.clone(), bytes);
            Page::of(path, bytes)
        })
        .collect();
    (noted, InMemory(html))
}

/// A hash of every page's path and HTML (through its digest): the index only depends
/// on them.
fn pages_key<'p>(pages: impl IntoIterator<Item = &'p Page>) -> String {
    let mut hasher = Sha256::new();
    for page in pages {
        hasher.update(page.path.as_bytes());
        hasher.update([0]);
        hasher.update(page.digest);
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
    fn one_index_per_language_gives_the_files_of_one_index_of_all() {
        let pages: Vec<(String, Vec<u8>)> = [
            (
                "en/a.html",
                page("en", "We keep your data for thirty days."),
            ),
            (
                "fr/a.html",
                page("fr", "Nous conservons vos données trente jours."),
            ),
            (
                "de/a.html",
                page("de", "Wir speichern Ihre Daten dreißig Tage."),
            ),
            ("en/b.html", page("en", "Horses and riders keep running.")),
            ("fr/b.html", page("fr", "Les chevaux courent toujours.")),
            ("de/b.html", page("de", "Die Pferde laufen weiter.")),
        ]
        .into_iter()
        .map(|(p, b)| (p.to_owned(), b))
        .collect();
        let pages: Vec<(String, &[u8])> = pages
            .iter()
            .map(|(p, b)| (p.clone(), b.as_slice()))
            .collect();
        let (noted, html) = in_memory(pages.iter().cloned());
        let load = html.load();
        let noted: Vec<&Page> = noted.iter().collect();
        let groups = by_language(&noted).expect("three languages");
        assert_eq!(groups.keys().collect::<Vec<_>>(), ["de", "en", "fr"]);
        assert_eq!(
            groups["fr"][1].path, "fr/b.html",
            "order kept within a language"
        );
        let bundles = groups
            .into_iter()
            .map(|(language, group)| (language, String::new(), index_pages(&group, &load).unwrap()))
            .collect();
        // Not the fallback: the bundles merge.
        let (merged, _) = merge(bundles).expect("each bundle holds its language");
        let one = index_pages(&noted, &load).unwrap();
        assert_eq!(
            merged.keys().collect::<Vec<_>>(),
            one.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &one {
            assert!(merged[path] == *bytes, "{path} differs");
        }
        let built = Index::of_pages(pages.iter().cloned()).unwrap();
        assert_eq!(built.files.len(), one.len());
        assert!(built.files["pagefind/pagefind-entry.json"] == one[ENTRY]);
    }

    #[test]
    fn a_language_whose_pages_did_not_change_is_not_indexed_again() {
        let site = |fr_b: &str| -> Vec<(String, Vec<u8>)> {
            [
                ("de/a.html", page("de", "Wir speichern Ihre Daten.")),
                ("en/a.html", page("en", "We keep your data.")),
                ("fr/a.html", page("fr", "Nous conservons vos données.")),
                ("fr/b.html", page("fr", fr_b)),
            ]
            .into_iter()
            .map(|(p, b)| (p.to_owned(), b))
            .collect()
        };
        fn pages(site: &[(String, Vec<u8>)]) -> Vec<(String, &[u8])> {
            site.iter()
                .map(|(p, b)| (p.clone(), b.as_slice()))
                .collect()
        }
        let (one, two) = (site("Les chevaux courent."), site("Les chevaux galopent."));
        let mut first = Index::of_pages(pages(&one).into_iter()).unwrap();
        assert_eq!(
            first.languages.keys().collect::<Vec<_>>(),
            ["de", "en", "fr"]
        );
        // A mark planted in the English index: only a reuse carries it over.
        let planted = first.languages["en"]
            .files
            .iter()
            .find(|p| p.starts_with("fragment/"))
            .map(|p| format!("{BUNDLE}/{p}"))
            .unwrap();
        first.files.insert(planted.clone(), b"planted".to_vec());
        let (noted, html) = in_memory(pages(&two).into_iter());
        let second = Index::keyed(
            pages_key(&noted),
            &noted,
            &html.load(),
            Some(Previous::Memory(&first)),
        )
        .unwrap();
        assert_eq!(second.files[&planted], b"planted", "English reused");
        let fresh = Index::of_pages(pages(&two).into_iter()).unwrap();
        assert_ne!(first.files, fresh.files, "the French index changed");
        for (path, bytes) in &fresh.files {
            if *path != planted {
                assert!(second.files[path] == *bytes, "{path}: not a fresh index's");
            }
        }
        assert_eq!(second.files.len(), fresh.files.len());
    }

    #[test]
    fn a_page_without_a_language_keeps_one_index() {
        let pages = [
            Page::of("fr/a.html".to_owned(), &page("fr", "chevaux")),
            Page::of("x.html".to_owned(), b"<html><body>x</body></html>"),
        ];
        let pages: Vec<&Page> = pages.iter().collect();
        assert!(by_language(&pages).is_none());
        assert!(
            by_language(&pages[..1]).is_none(),
            "one language: one index"
        );
    }

    #[test]
    fn reads_the_language_of_the_html_tag() {
        let lang = |html: &str| html_lang(html.as_bytes());
        assert_eq!(
            lang("<!doctype html><HTML dir=ltr lang=\"fr-CA\">"),
            Some("fr-ca".into())
        );
        assert_eq!(
            lang("<!-- <htmlx lang='xx'> --><html lang='de'>"),
            Some("de".into())
        );
        assert_eq!(lang("<html data-lang=\"x\">"), None);
        assert_eq!(lang("<html lang=\"\">"), None);
        assert_eq!(lang("<html lang=fr>"), None, "unquoted: left to one index");
        assert_eq!(lang("<html lang=\"fr"), None);
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
