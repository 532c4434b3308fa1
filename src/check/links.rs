//! `check --links`: every external address the built site links to, asked over HTTP
//! (HEAD, then GET where a server refuses HEAD), with a timeout and redirects followed.
//! An address that answers an error, or does not answer, is a warning located where the
//! address is written (policy.yaml, a locale's message, a template). Opt-in: nothing is
//! ever fetched without `--links`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use scraper::{Html, Selector};

use crate::Project;
use crate::diag::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::inputs::Boundary;
use crate::render::Site;

/// How links are asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// Longest wait for one address, all of it (connect, TLS, headers).
    pub timeout: Duration,
    /// Addresses asked at once.
    pub parallel: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            parallel: 8,
        }
    }
}

/// Redirects followed before an address counts as dead.
const MAX_REDIRECTS: u32 = 10;
/// Largest source file searched for where an address is written.
const MAX_SOURCE_BYTES: u64 = 8 << 20;

/// What one address answered.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    Alive,
    Dead(String),
}

/// Asks every external address of `site`; one warning per dead address.
pub fn check(site: &Site, project: &Project, options: &Options) -> Diagnostics {
    let addresses: Vec<String> = external_links(site).into_iter().collect();
    if addresses.is_empty() {
        return Vec::new();
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!(
            "policyglot/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let answers = ask_all(&agent, &addresses, options.parallel.max(1));
    let sources = Sources::read(project);
    addresses
        .iter()
        .zip(answers)
        .filter_map(|(address, answer)| match answer {
            Answer::Alive => None,
            Answer::Dead(why) => Some(dead(address, &why, &sources, site)),
        })
        .collect()
}

/// Each `href` of the site's pages that leaves the site (`http://`, `https://`), once.
fn external_links(site: &Site) -> BTreeSet<String> {
    let anchors = Selector::parse("a[href]").expect("a valid selector");
    let mut out = BTreeSet::new();
    for (path, bytes) in &site.files {
        if path.extension().is_none_or(|x| x != "html") {
            continue;
        }
        let page = Html::parse_document(&String::from_utf8_lossy(bytes));
        for a in page.select(&anchors) {
            let href = a.value().attr("href").unwrap_or_default().trim();
            let lower = href.to_ascii_lowercase();
            if lower.starts_with("https://") || lower.starts_with("http://") {
                // The fragment is the page's business, not the server's.
                out.insert(href.split('#').next().unwrap_or(href).to_owned());
            }
        }
    }
    out
}

/// The answers, in the order of `addresses`, asked `parallel` at a time.
fn ask_all(agent: &ureq::Agent, addresses: &[String], parallel: usize) -> Vec<Answer> {
    let per_worker = addresses.len().div_ceil(parallel);
    std::thread::scope(|scope| {
        let workers: Vec<_> = addresses
            .chunks(per_worker)
            .map(|chunk| {
                scope.spawn(move || chunk.iter().map(|a| ask(agent, a)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join().unwrap_or_else(|_| {
                    vec![Answer::Dead("the check stopped unexpectedly".to_owned())]
                })
            })
            .collect()
    })
}

/// HEAD first (no body to send); a server that refuses HEAD is asked with GET.
fn ask(agent: &ureq::Agent, address: &str) -> Answer {
    let head = agent.head(address).call();
    let refused_head = |status: u16| matches!(status, 403 | 405 | 501);
    let response = match head {
        Ok(r) if refused_head(r.status().as_u16()) => agent.get(address).call(),
        other => other,
    };
    match response {
        Ok(r) if r.status().is_success() => Answer::Alive,
        Ok(r) => {
            let status = r.status();
            Answer::Dead(
                format!(
                    "answers {} {}",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                )
                .trim_end()
                .to_owned(),
            )
        }
        Err(ureq::Error::Timeout(_)) => Answer::Dead(format!(
            "does not answer within {} s",
            agent.config().timeouts().global.map_or(0, |d| d.as_secs())
        )),
        Err(ureq::Error::TooManyRedirects) => {
            Answer::Dead(format!("redirects more than {MAX_REDIRECTS} times"))
        }
        Err(e) => Answer::Dead(format!("cannot be reached: {e}")),
    }
}

/// The project's text files, to find where an address is written.
struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// policy.yaml first, then every `.ftl` and template file, through the project's
    /// guarded reader (`inputs::Boundary`): only the project's own files are read.
    fn read(project: &Project) -> Sources {
        let boundary = Boundary::new(&project.root);
        let mut paths: Vec<PathBuf> = vec![project.root.join(Project::POLICY)];
        for dir in [Project::LOCALES, Project::TEMPLATES] {
            let walked = boundary.walk(&project.root.join(dir), |p| {
                p.extension().is_some_and(|x| x == "ftl" || x == "html")
            });
            paths.extend(walked.files.into_iter().map(|(path, _)| path));
        }
        let files = paths
            .into_iter()
            .filter_map(|path| {
                let bytes = boundary.read(&path, MAX_SOURCE_BYTES).ok()?;
                let text = String::from_utf8(bytes).ok()?;
                let shown = path
                    .strip_prefix(&project.root)
                    .unwrap_or(&path)
                    .to_path_buf();
                Some(SourceFile::new(shown, text))
            })
            .collect();
        Sources { files }
    }

    /// The first place `address` is written.
    fn locate(&self, address: &str) -> Option<Location> {
        self.files.iter().find_map(|file| {
            let at = file.text.find(address)?;
            Some(file.span(at..at + address.len()))
        })
    }
}

fn dead(address: &str, why: &str, sources: &Sources, site: &Site) -> Diagnostic {
    let d = Diagnostic::warning("PG0550", format!("the link {address} {why}"));
    let d = match sources.locate(address) {
        Some(location) => d.at(location, "linked here"),
        // Not written as such anywhere (assembled by a template): name a page.
        None => d.in_path(page_with(site, address).unwrap_or_default()),
    };
    d.help("fix or remove the address (a page that moved: link to where it went); the check asks with HEAD, then GET")
}

/// A page of the site that links to `address`.
fn page_with(site: &Site, address: &str) -> Option<PathBuf> {
    site.files
        .iter()
        .find(|(_, bytes)| memchr::memmem::find(bytes, address.as_bytes()).is_some())
        .map(|(path, _)| Path::new("site").join(path))
}
