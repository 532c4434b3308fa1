//! `policyglot init`: writes a new project (a policy skeleton, the reference locale's
//! messages, the templates and assets, each chosen locale's site chrome) that passes
//! `check --strict` and builds at once. The binary carries it all: the templates and the
//! generic chrome are this repository's own, embedded at compile time, so the shipped
//! project and a new one cannot drift.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

mod add_locale;
pub use add_locale::{Added, add_locale};

use crate::check;
use crate::diag::Diagnostic;
use crate::l10n::formats::Formats;
use crate::policy::Date;
use crate::project::Project;

/// The repository's templates and assets, as `build` reads them.
static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The generic site chrome (`locales/<tag>/site.ftl`) of every locale the repository has.
/// Listed by hand because only these files are embedded (the other `.ftl` files are the
/// shipped project's own); a test fails when a `site.ftl` is missing here.
pub const CHROME: &[(&str, &str)] = &[
    ("de", include_str!("../../locales/de/site.ftl")),
    ("en", include_str!("../../locales/en/site.ftl")),
    ("fr", include_str!("../../locales/fr/site.ftl")),
];

/// The locale the chrome translations were made and confirmed from (the repository's
/// reference locale): a new project with this reference gets them confirmed.
pub const CHROME_REFERENCE: &str = "en";

/// The new project's own parts, in the reference locale: `{{reference}}` and
/// `{{effective}}` are filled in.
const POLICY: &str = include_str!("policy.yaml");
const PAGES: &str = include_str!("pages.ftl");
const FACTS: &str = include_str!("facts.ftl");
/// The project's publish workflow: `{{action}}` is policyglot's GitHub Action at this
/// binary's version.
const PUBLISH: &str = include_str!("publish.yml");

/// Where the new project's workflow gets policyglot from: `owner/name@tag` of this
/// repository's action, given when the binary is built (the release workflow sets
/// POLICYGLOT_ACTION_REPOSITORY), else a placeholder the summary asks to replace.
const ACTION_REPOSITORY: Option<&str> = option_env!("POLICYGLOT_ACTION_REPOSITORY");
/// What `{{action}}` reads when the repository is not known at build time.
pub const ACTION_PLACEHOLDER: &str = "OWNER/policyglot";

/// `uses:` of the publish workflow: the action at the tag of this version.
pub fn action() -> String {
    let repository = ACTION_REPOSITORY
        .filter(|r| !r.is_empty())
        .unwrap_or(ACTION_PLACEHOLDER);
    format!("{repository}@v{}", env!("CARGO_PKG_VERSION"))
}

/// What to write.
#[derive(Debug, Clone)]
pub struct Options {
    /// The reference locale (the policy's `reference_locale`).
    pub reference: String,
    /// Further locales, translated later.
    pub locales: Vec<String>,
    /// The first version's effective date.
    pub effective: Date,
}

/// What `init` wrote.
#[derive(Debug)]
pub struct Written {
    /// Every file written, relative to the project folder, in writing order.
    pub files: Vec<PathBuf>,
    /// The added locales whose site chrome came translated.
    pub with_chrome: Vec<String>,
    /// The added locales policyglot has no chrome for (everything is left to translate).
    pub without_chrome: Vec<String>,
}

/// Writes a new project into `dir` (created when missing). Refuses, writing nothing,
/// when `dir` already holds a project or any file it would write.
pub fn init(dir: &Path, options: &Options) -> Result<Written, Diagnostic> {
    validate(options)?;
    for existing in [Project::POLICY, Project::LOCALES] {
        if dir.join(existing).exists() {
            return Err(Diagnostic::error(
                "PG0700",
                format!("{} already holds a policyglot project", dir.display()),
            )
            .in_path(dir.join(existing))
            .help("nothing was written: give `init` an empty or new folder (to add a locale to this project, run `policyglot add-locale <tag>` in it)"));
        }
    }
    let files = files(options);
    // A link where a file or folder would be written (dangling or not) could send the
    // write anywhere: nothing is written through one.
    if let Some(link) = files
        .iter()
        .find_map(|(path, _)| link_on_the_way(dir, path))
    {
        return Err(Diagnostic::error(
            "PG0704",
            format!(
                "{} is a symbolic link: `init` does not write through links",
                link.display()
            ),
        )
        .in_path(&link)
        .help(
            "nothing was written: remove the link, or give `init` a folder without links in it",
        ));
    }
    if let Some((path, _)) = files
        .iter()
        .find(|(path, _)| std::fs::symlink_metadata(dir.join(path)).is_ok())
    {
        return Err(Diagnostic::error(
            "PG0700",
            format!("{} would be overwritten", dir.join(path).display()),
        )
        .in_path(dir.join(path))
        .help("nothing was written; move the file away, or give `init` an empty folder"));
    }
    for (path, bytes) in &files {
        let target = dir.join(path);
        target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| create_new(&target, bytes))
            .map_err(|e| {
                Diagnostic::error("PG0701", format!("cannot write {}: {e}", target.display()))
                    .in_path(&target)
                    .help("check that the folder is writable; remove what was written and run `init` again")
            })?;
    }
    let chrome_of = |tag: &str| CHROME.iter().any(|(t, _)| *t == tag);
    let (with_chrome, without_chrome): (Vec<String>, Vec<String>) =
        options.locales.iter().cloned().partition(|t| chrome_of(t));
    // The embedded translations were confirmed against the embedded reference chrome
    // (the repository's `check` has no stale translation): say so in the new project too,
    // so it does not start with every chrome message stale.
    if options.reference == CHROME_REFERENCE {
        let project = Project::new(dir);
        for tag in &with_chrome {
            check::confirm(&project, tag, &[])?;
        }
    }
    let mut written: Vec<PathBuf> = files.into_iter().map(|(p, _)| p).collect();
    if options.reference == CHROME_REFERENCE && !with_chrome.is_empty() {
        written.push(PathBuf::from(check::stale::LOCK_FILE));
    }
    Ok(Written {
        files: written,
        with_chrome,
        without_chrome,
    })
}

/// The first path from `dir` (excluded) down to `dir/path` that is a symbolic link.
fn link_on_the_way(dir: &Path, path: &Path) -> Option<PathBuf> {
    let mut at = dir.to_path_buf();
    path.components().find_map(|part| {
        at.push(part);
        std::fs::symlink_metadata(&at)
            .is_ok_and(|m| m.file_type().is_symlink())
            .then(|| at.clone())
    })
}

/// Writes a file that must not exist yet: `create_new` never follows a link at the path
/// (one made after the checks above fails the write instead).
fn create_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?
        .write_all(bytes)
}

impl Written {
    /// What was written into `dir`, and the commands to run next.
    pub fn summary(&self, dir: &Path) -> String {
        let mut out = format!("created a policyglot project in {}:\n", dir.display());
        for file in &self.files {
            out.push_str(&format!("  {}\n", file.display()));
        }
        let root = match dir.to_str() {
            Some(".") | Some("") => String::new(),
            _ => format!(" --root {}", shell_word(&dir.display().to_string())),
        };
        out.push_str("\nnext:\n");
        out.push_str(&format!(
            "  policyglot{root} check --strict   # every check; warnings count\n\
             \x20 policyglot{root} build            # writes the site\n"
        ));
        #[cfg(feature = "serve")]
        out.push_str(&format!(
            "  policyglot{root} serve            # live preview while you edit\n"
        ));
        if action().starts_with(ACTION_PLACEHOLDER) {
            out.push_str(&format!(
                "  in .github/workflows/publish.yml, replace `{ACTION_PLACEHOLDER}` by the repository policyglot's releases come from (this binary was built without POLICYGLOT_ACTION_REPOSITORY)\n"
            ));
        }
        for tag in self.with_chrome.iter().chain(&self.without_chrome) {
            out.push_str(&format!(
                "  translate into locales/{tag}/ what `policyglot{root} check --locale {tag}` lists as missing, then `policyglot{root} confirm {tag}`\n"
            ));
        }
        out
    }
}

/// `word` as one shell word (quoted when it holds anything but plain characters).
fn shell_word(word: &str) -> String {
    if word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Refuses tags that are not BCP 47 language tags CLDR can format for, and repeats.
fn validate(options: &Options) -> Result<(), Diagnostic> {
    let mut seen: Vec<&str> = Vec::new();
    for tag in std::iter::once(&options.reference).chain(&options.locales) {
        valid_tag(tag)?;
        if seen.contains(&tag.as_str()) {
            return Err(Diagnostic::error("PG0702", format!("`{tag}` is given twice"))
                .help("give each locale once; the reference locale (--reference, default `en`) is always written"));
        }
        seen.push(tag);
    }
    Ok(())
}

/// Refuses a tag that is not a BCP 47 language tag CLDR can format for (or that could
/// leave `locales/` as a folder name).
fn valid_tag(tag: &str) -> Result<(), Diagnostic> {
    let valid = tag.parse::<unic_langid::LanguageIdentifier>().is_ok()
        && Formats::new(tag).is_ok()
        && !tag.contains(['/', '\\', '.']);
    if valid {
        Ok(())
    } else {
        Err(
            Diagnostic::error("PG0702", format!("`{tag}` is not a language tag"))
                .help("give a BCP 47 language tag, e.g. `fr`, `de`, `pt-BR`"),
        )
    }
}

/// Every file of the new project, relative to its folder.
fn files(options: &Options) -> Vec<(PathBuf, Vec<u8>)> {
    let fill = |text: &str| {
        text.replace("{{reference}}", &options.reference)
            .replace("{{effective}}", &options.effective.to_string())
            .into_bytes()
    };
    let reference = Path::new(Project::LOCALES).join(&options.reference);
    let mut out = vec![
        (PathBuf::from(Project::POLICY), fill(POLICY)),
        (
            PathBuf::from("policy/policy.schema.json"),
            crate::policy::schema::json_schema().into_bytes(),
        ),
        (reference.join("site.ftl"), chrome(&options.reference)),
        (reference.join("pages.ftl"), fill(PAGES)),
        (reference.join("facts.ftl"), fill(FACTS)),
        (
            PathBuf::from(".github/workflows/publish.yml"),
            PUBLISH.replace("{{action}}", &action()).into_bytes(),
        ),
    ];
    for tag in &options.locales {
        let folder = Path::new(Project::LOCALES).join(tag);
        out.push((folder.join("site.ftl"), chrome(tag)));
    }
    let mut templates = Vec::new();
    collect(&TEMPLATES, &mut templates);
    templates.sort();
    out.extend(
        templates
            .into_iter()
            .map(|(path, bytes)| (Path::new(Project::TEMPLATES).join(path), bytes)),
    );
    out
}

/// The site chrome of `tag`: the repository's translation, or for a locale it has none
/// for, a file that says what to translate (check lists every missing message).
fn chrome(tag: &str) -> Vec<u8> {
    match CHROME.iter().find(|(t, _)| *t == tag) {
        Some((_, text)) => text.as_bytes().to_vec(),
        None => format!(
            "### Site chrome in `{tag}`: what every page shows around the articles.\n\
             ### policyglot has no translation of it yet: translate here each message of the\n\
             ### reference locale's site.ftl (`policyglot check` lists every missing one).\n"
        )
        .into_bytes(),
    }
}

/// Every file under `dir`, with its path relative to the embedded root.
fn collect(dir: &Dir<'static>, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for file in dir.files() {
        out.push((file.path().to_path_buf(), file.contents().to_vec()));
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `locales/<tag>/site.ftl` of the repository is embedded, from the locale the
    /// repository's policy names as its reference.
    #[test]
    fn every_chrome_translation_is_embedded() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut tags: Vec<String> = std::fs::read_dir(root.join("locales"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().join("site.ftl").is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        tags.sort();
        let embedded: Vec<&str> = CHROME.iter().map(|(t, _)| *t).collect();
        assert_eq!(tags, embedded);
        let policy = std::fs::read_to_string(root.join(Project::POLICY)).unwrap();
        assert!(policy.contains(&format!("\nreference_locale: {CHROME_REFERENCE}\n")));
    }

    #[test]
    fn refuses_bad_and_repeated_tags() {
        let options = |reference: &str, locales: &[&str]| Options {
            reference: reference.to_owned(),
            locales: locales.iter().map(|s| (*s).to_owned()).collect(),
            effective: Date::parse("2026-01-01").unwrap(),
        };
        assert!(validate(&options("en", &["fr", "pt-BR"])).is_ok());
        assert!(validate(&options("en", &["../x"])).is_err());
        assert!(validate(&options("en", &["en"])).is_err());
        assert!(validate(&options("not a tag", &[])).is_err());
    }
}
