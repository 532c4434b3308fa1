//! `policyglot diff`: what readers will read differently between two revisions. Both
//! sides are read from git (or the working tree) into temporary folders, checked and
//! rendered in memory like `build`, and their pages compared as text, per locale and
//! page: paragraphs added and removed, and the words that changed inside a paragraph.

mod git;
mod text;

use std::collections::{BTreeMap, BTreeSet};

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::pipeline;
use crate::project::Project;
use crate::render::Site;
pub use crate::wdiff::{Words, words};

/// One side of a review: a git revision, or the files on disk.
#[derive(Debug, Clone)]
pub enum Side {
    Revision(String),
    WorkingTree,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Side::Revision(rev) => f.write_str(rev),
            Side::WorkingTree => f.write_str("the working tree"),
        }
    }
}

/// Every reader-visible change, by locale (`""` for the pages of no one locale: the
/// language picker, the root 404 page).
#[derive(Debug, Serialize)]
pub struct Review {
    pub schema: &'static str,
    pub old: String,
    pub new: String,
    pub today: String,
    pub locales: Vec<LocaleChanges>,
}

#[derive(Debug, Serialize)]
pub struct LocaleChanges {
    pub locale: String,
    pub pages: Vec<PageChange>,
}

/// A page that reads differently; `change` is `added`, `removed` or `changed`.
#[derive(Debug, Serialize)]
pub struct PageChange {
    pub path: String,
    pub title: String,
    pub change: &'static str,
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph that changed, and where: the id of the fact block or item it is in (the
/// same in every locale: `<path>#<id>` links to it).
#[derive(Debug, Serialize)]
pub struct Paragraph {
    pub at: Option<String>,
    #[serde(flatten)]
    pub change: Change,
}

/// A paragraph that went away, appeared, or reads differently (word by word).
#[derive(Debug, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Change {
    Removed { text: String },
    Added { text: String },
    Changed { words: Vec<Words> },
}

/// Builds `old` and `new` of `project` in memory, with the same options, and compares
/// what their pages say. `Err` when a side cannot be read or does not pass `check`.
pub fn review(
    project: &Project,
    old: &Side,
    new: &Side,
    options: &pipeline::Options,
) -> Result<Review, Diagnostics> {
    let repository = git::Repository::of(&project.root).map_err(|d| vec![d])?;
    let before = site_of(&repository, project, old, options)?;
    let after = site_of(&repository, project, new, options)?;
    Ok(Review {
        schema: "policyglot-diff/1",
        old: old.to_string(),
        new: new.to_string(),
        today: options.publication.today.to_string(),
        locales: compare(&before, &after),
    })
}

/// One side's site, rendered in memory as `build` would.
fn site_of(
    repository: &git::Repository,
    project: &Project,
    side: &Side,
    options: &pipeline::Options,
) -> Result<Site, Diagnostics> {
    // The working tree is copied too, so both sides are built alike (outside git).
    let dir = match side {
        Side::Revision(rev) => {
            let commit = repository.resolve(rev).map_err(|d| vec![d])?;
            repository.checkout(&commit)
        }
        Side::WorkingTree => git::copy_working_tree(&project.root),
    }
    .map_err(|d| vec![d])?;
    let cannot_build = |mut found: Diagnostics| {
        found.retain(|d| d.severity == Severity::Error);
        found.push(
            Diagnostic::error("PG0713", format!("the site as of {side} cannot be built"))
                .help("`diff` compares two sites that build: fix the errors above in that revision, or compare other revisions"),
        );
        found
    };
    let analysis = pipeline::run(&Project::new(dir.path()), options.clone())
        .map_err(|d| cannot_build(vec![d]))?;
    match analysis.site {
        Some(site) if analysis.errors() == 0 => Ok(site),
        _ => Err(cannot_build(analysis.findings)),
    }
}

/// The changed pages of every locale, in path order.
fn compare(before: &Site, after: &Site) -> Vec<LocaleChanges> {
    let locales: BTreeSet<&str> = before
        .locales
        .iter()
        .chain(&after.locales)
        .map(String::as_str)
        .collect();
    let pages = |site: &Site| -> BTreeMap<String, String> {
        site.files
            .iter()
            .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
            .map(|(path, bytes)| {
                let path = path.to_string_lossy().replace('\\', "/");
                (path, String::from_utf8_lossy(bytes).into_owned())
            })
            .collect()
    };
    let (before, after) = (pages(before), pages(after));
    let mut by_locale: BTreeMap<String, Vec<PageChange>> = BTreeMap::new();
    let paths: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for path in paths {
        let (old, new) = (before.get(path), after.get(path));
        if old == new {
            continue; // the same bytes: nothing to read
        }
        let old = old.map(|html| text::read(html));
        let new = new.map(|html| text::read(html));
        let change = match (old, new) {
            (Some(old), Some(new)) => {
                let paragraphs = paragraphs(&old, &new);
                (!paragraphs.is_empty()).then(|| PageChange {
                    path: path.clone(),
                    title: new.title,
                    change: "changed",
                    paragraphs,
                })
            }
            (None, Some(new)) => Some(PageChange {
                path: path.clone(),
                paragraphs: paragraphs(&text::PageText::default(), &new),
                title: new.title,
                change: "added",
            }),
            (Some(old), None) => Some(PageChange {
                path: path.clone(),
                title: old.title,
                change: "removed",
                paragraphs: Vec::new(),
            }),
            (None, None) => None,
        };
        if let Some(change) = change {
            let first = path.split('/').next().unwrap_or_default();
            let locale = if path.contains('/') && locales.contains(first) {
                first
            } else {
                ""
            };
            by_locale.entry(locale.to_owned()).or_default().push(change);
        }
    }
    by_locale
        .into_iter()
        .map(|(locale, pages)| LocaleChanges { locale, pages })
        .collect()
}

/// The paragraphs that differ: a replaced run is compared pair by pair, word by word.
fn paragraphs(old: &text::PageText, new: &text::PageText) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old.paragraphs, &new.paragraphs) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        let paired = old_range.len().min(new_range.len());
        let (old_at, new_at) = (old_range.start, new_range.start);
        for i in 0..paired {
            out.push(Paragraph {
                at: new.anchors[new_at + i].clone(),
                change: Change::Changed {
                    words: words(&old.paragraphs[old_at + i], &new.paragraphs[new_at + i]),
                },
            });
        }
        out.extend(old_range.skip(paired).map(|i| Paragraph {
            at: old.anchors[i].clone(),
            change: Change::Removed {
                text: old.paragraphs[i].clone(),
            },
        }));
        out.extend(new_range.skip(paired).map(|i| Paragraph {
            at: new.anchors[i].clone(),
            change: Change::Added {
                text: new.paragraphs[i].clone(),
            },
        }));
    }
    out
}

/// How a review is printed.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    /// For a terminal: removed words `[-like this-]`, added ones `{+like this+}`, and in
    /// colour where the terminal has it (red struck through, green underlined).
    Human,
    /// For a pull-request comment: removed words ~~struck through~~, added ones **bold**.
    Markdown,
    /// One JSON document (`policyglot-diff/1`).
    Json,
}

impl Review {
    pub fn pages(&self) -> usize {
        self.locales.iter().map(|l| l.pages.len()).sum()
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => {
                let mut json = serde_json::to_string_pretty(self).expect("plain data");
                json.push('\n');
                json
            }
            Format::Human => self.human(),
            Format::Markdown => self.markdown(),
        }
    }

    fn human(&self) -> String {
        let bold = Style::new().bold();
        let dim = Style::new().dimmed();
        let removed = AnsiColor::Red.on_default().effects(Effects::STRIKETHROUGH);
        let added = AnsiColor::Green.on_default().effects(Effects::UNDERLINE);
        let mut out = format!(
            "{bold}What readers will read differently{bold:#}, {} → {} (as of {}):\n",
            self.old, self.new, self.today
        );
        if self.locales.is_empty() {
            out.push_str("no page reads differently\n");
            return out;
        }
        for locale in &self.locales {
            out.push_str(&format!(
                "\n{bold}{}{bold:#}\n",
                locale_name(&locale.locale)
            ));
            for page in &locale.pages {
                let what = match page.change {
                    "changed" => String::new(),
                    other => format!(" ({other} page)"),
                };
                out.push_str(&format!(
                    "  {bold}{}{bold:#} — {}{what}\n",
                    page.title, page.path
                ));
                let mut at = None;
                for p in &page.paragraphs {
                    // Where the next lines are, once per block or item.
                    if p.at.is_some() && p.at != at {
                        at.clone_from(&p.at);
                        let id = p.at.as_deref().unwrap_or_default();
                        out.push_str(&format!("    {dim}#{id}{dim:#}\n"));
                    }
                    let line = match &p.change {
                        Change::Removed { text } => {
                            format!("    - {removed}[-{text}-]{removed:#}")
                        }
                        Change::Added { text } => format!("    + {added}{{+{text}+}}{added:#}"),
                        Change::Changed { words } => {
                            let mut line = String::from("    ~ ");
                            for w in words {
                                line.push_str(&match w.change {
                                    "removed" => format!("{removed}[-{}-]{removed:#}", w.text),
                                    "added" => format!("{added}{{+{}+}}{added:#}", w.text),
                                    _ => w.text.clone(),
                                });
                            }
                            line
                        }
                    };
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        out.push_str(&format!(
            "\n{} page(s) read differently in {} locale(s)\n",
            self.pages(),
            self.locales.iter().filter(|l| !l.locale.is_empty()).count()
        ));
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "## What readers will read differently\n\n`{}` → `{}`, as of {}.\n",
            self.old, self.new, self.today
        );
        if self.locales.is_empty() {
            out.push_str("\nNo page reads differently.\n");
        }
        for locale in &self.locales {
            out.push_str(&format!("\n### {}\n", locale_name(&locale.locale)));
            for page in &locale.pages {
                let what = match page.change {
                    "changed" => String::new(),
                    other => format!(" — {other} page"),
                };
                out.push_str(&format!(
                    "\n**{}** (`{}`){what}\n\n",
                    escape(&page.title),
                    page.path
                ));
                for p in &page.paragraphs {
                    let at =
                        p.at.as_ref()
                            .map_or(String::new(), |id| format!("`#{id}` "));
                    let line = match &p.change {
                        Change::Removed { text } => {
                            format!("- {at}removed: ~~{}~~", escape(text))
                        }
                        Change::Added { text } => format!("- {at}added: **{}**", escape(text)),
                        Change::Changed { words } => {
                            let mut line = format!("- {at}");
                            for w in words {
                                let text = escape(&w.text);
                                line.push_str(&match w.change {
                                    "removed" => format!("~~{}~~", text.trim()),
                                    "added" => format!("**{}**", text.trim()),
                                    _ => text,
                                });
                            }
                            line
                        }
                    };
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        out
    }
}

fn locale_name(tag: &str) -> String {
    if tag.is_empty() {
        "Pages of every language (language picker, 404)".to_owned()
    } else {
        format!("Locale `{tag}`")
    }
}

/// `text` with the characters Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
