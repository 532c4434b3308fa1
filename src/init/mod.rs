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
/// reference locale).
pub const CHROME_REFERENCE: &str = "en";

/// The new project's policy: `{{reference}}` and `{{effective}}` are filled in.
const POLICY: &str = include_str!("policy.yaml");

/// The new project's own messages (`pages.ftl`, `facts.ftl`), written for its reference
/// locale in that locale's language, for every locale with chrome (a unit test holds
/// the two lists equal and the texts to the same messages). `{{reference}}` is filled in.
pub const OWN: &[(&str, [&str; 2])] = &[
    (
        "de",
        [include_str!("de/pages.ftl"), include_str!("de/facts.ftl")],
    ),
    (
        "en",
        [include_str!("en/pages.ftl"), include_str!("en/facts.ftl")],
    ),
    (
        "fr",
        [include_str!("fr/pages.ftl"), include_str!("fr/facts.ftl")],
    ),
];

/// The files of the project's own messages, as `OWN` lists their texts.
const OWN_FILES: [&str; 2] = ["pages.ftl", "facts.ftl"];
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
    /// The reference locale's files that still need writing: policyglot has no text in
    /// its language (they hold the English of each message, as comments).
    pub to_write: Vec<PathBuf>,
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
    // The embedded chrome translations were all confirmed against the repository's
    // reference chrome (its `check` has no stale translation), so each says what the
    // others say: with any of them as the reference, the others are confirmed, and the
    // new project does not start with every chrome message stale.
    let reference_has_chrome = chrome_of(&options.reference);
    if reference_has_chrome {
        let project = Project::new(dir);
        for tag in &with_chrome {
            check::confirm(&project, tag, &[])?;
        }
    }
    let mut written: Vec<PathBuf> = files.into_iter().map(|(p, _)| p).collect();
    if reference_has_chrome && !with_chrome.is_empty() {
        written.push(PathBuf::from(check::stale::LOCK_FILE));
    }
    let folder = Path::new(Project::LOCALES).join(&options.reference);
    let to_write = match reference_has_chrome {
        true => Vec::new(),
        false => std::iter::once("site.ftl")
            .chain(OWN_FILES)
            .map(|f| folder.join(f))
            .collect(),
    };
    Ok(Written {
        files: written,
        with_chrome,
        without_chrome,
        to_write,
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
        if let Some(first) = self.to_write.first() {
            let folder = first.parent().unwrap_or(first);
            let names: Vec<String> = self
                .to_write
                .iter()
                .filter_map(|f| f.file_name())
                .map(|f| f.to_string_lossy().into_owned())
                .collect();
            out.push_str(&format!(
                "  write {} in {}/: policyglot has no text in this language yet (each holds every message in English, as comments, to write in yours); until then `check` lists each one as missing\n",
                names.join(", "),
                folder.display()
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
    let valid = crate::l10n::formats::language_id(tag).is_ok()
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

/// A new site's id: a `urn:uuid:` (RFC 9562, version 4 layout) from 122 bits no other
/// project shares (the clock's nanoseconds, the process and the options, hashed), so two
/// projects made with the same options get different feed ids.
fn site_id(options: &Options) -> String {
    use sha2::{Digest, Sha256};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!("{nanos}/{}/{options:?}", std::process::id());
    let mut b: [u8; 16] = Sha256::digest(seed.as_bytes())[..16]
        .try_into()
        .expect("16 bytes");
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // the RFC's variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Every file of the new project, relative to its folder.
fn files(options: &Options) -> Vec<(PathBuf, Vec<u8>)> {
    let site_id = site_id(options);
    let fill = |text: &str| {
        text.replace("{{reference}}", &options.reference)
            .replace("{{site-id}}", &site_id)
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
        (
            PathBuf::from(".github/workflows/publish.yml"),
            PUBLISH.replace("{{action}}", &action()).into_bytes(),
        ),
    ];
    let site = match CHROME.iter().find(|(t, _)| *t == options.reference) {
        Some((_, text)) => text.as_bytes().to_vec(),
        None => to_write(&options.reference, english_chrome().as_bytes(), "site.ftl"),
    };
    out.push((reference.join("site.ftl"), site));
    let own = OWN.iter().find(|(tag, _)| *tag == options.reference);
    for (i, file) in OWN_FILES.iter().enumerate() {
        let text = match own {
            Some((_, texts)) => fill(texts[i]),
            None => to_write(&options.reference, &fill(english(i)), file),
        };
        out.push((reference.join(file), text));
    }
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

/// The site chrome of added locale `tag`: the repository's translation, or for a locale
/// it has none for, a file that says what to translate (check lists every missing
/// message).
fn chrome(tag: &str) -> Vec<u8> {
    match CHROME.iter().find(|(t, _)| *t == tag) {
        Some((_, text)) => text.as_bytes().to_vec(),
        None => format!(
            "### Site chrome in `{tag}`: what every page shows around the articles.\n\
             ### policyglot has no translation of it yet: translate here each message of the\n\
             ### reference locale's site.ftl (`policyglot check` lists every missing one).\n\n"
        )
        .into_bytes(),
    }
}

/// The English site chrome.
fn english_chrome() -> &'static str {
    CHROME
        .iter()
        .find(|(tag, _)| *tag == "en")
        .map(|(_, text)| *text)
        .expect("English is embedded")
}

/// The English text of the project's own file `OWN_FILES[i]`.
fn english(i: usize) -> &'static str {
    OWN.iter()
        .find(|(tag, _)| *tag == "en")
        .map(|(_, texts)| texts[i])
        .expect("English is embedded")
}

/// A reference locale's `file` when policyglot has no text in its language: nothing in
/// another language as if it were `tag`'s, only the English of each message as comments
/// to write from (`check` lists each message as missing until it is written).
fn to_write(tag: &str, english: &[u8], file: &str) -> Vec<u8> {
    let english = String::from_utf8_lossy(english);
    let mut out = format!(
        "### {file} in `{tag}`, the reference locale: policyglot has no text in this language.\n\
         ### Write each message below in `{tag}` (its English is given as a comment), then\n\
         ### delete the comments. `policyglot check` lists every message still missing.\n"
    );
    for line in english.lines().filter(|l| !l.starts_with("###")) {
        match line.is_empty() || line.starts_with('#') {
            true => out.push_str(&format!("{line}\n")),
            false => out.push_str(&format!("# {line}\n")),
        }
    }
    // In the layout translators' tools write (`policyglot fmt`), as every file `init`
    // writes is: comments only, so it always has one.
    crate::l10n::layout::canonical(&out)
        .unwrap_or(out)
        .into_bytes()
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

    /// Every locale with chrome has the project's own messages in its language, each
    /// file with the same messages, attributes and variables as the English one.
    #[test]
    fn every_chrome_locale_has_its_own_messages_in_its_language() {
        let chrome: Vec<&str> = CHROME.iter().map(|(t, _)| *t).collect();
        let own: Vec<&str> = OWN.iter().map(|(t, _)| *t).collect();
        assert_eq!(chrome, own);
        let shape = |text: &str| -> Vec<(String, Vec<String>, Vec<String>)> {
            let resource = fluent_syntax::parser::parse(text).expect("valid Fluent");
            resource
                .body
                .iter()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => Some(m),
                    _ => None,
                })
                .map(|m| {
                    let attributes = m.attributes.iter().map(|a| a.id.name.to_owned()).collect();
                    let source = &text[text.find(&format!("{} =", m.id.name)).unwrap()..];
                    let mut variables: Vec<String> = source
                        .lines()
                        .take_while(|l| !l.is_empty() && !l.starts_with('#'))
                        .flat_map(|l| l.split('$').skip(1))
                        .map(|v| {
                            v.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                                .next()
                                .unwrap()
                                .to_owned()
                        })
                        .collect();
                    variables.sort();
                    (m.id.name.to_owned(), attributes, variables)
                })
                .collect()
        };
        for i in 0..OWN_FILES.len() {
            let english = shape(english(i));
            assert!(!english.is_empty());
            for (tag, texts) in OWN {
                assert_eq!(shape(texts[i]), english, "{tag} {}", OWN_FILES[i]);
                if *tag != "en" {
                    // Written in its language: no line of the English text is in it.
                    for line in english_lines(i) {
                        assert!(!texts[i].contains(line), "{tag}: {line}");
                    }
                }
            }
        }
    }

    /// The English file's lines that carry words (messages and comments).
    fn english_lines(i: usize) -> Vec<&'static str> {
        english(i)
            .lines()
            .map(|l| l.split_once(" = ").map_or(l, |(_, text)| text))
            .filter(|l| l.split_whitespace().count() > 2)
            .collect()
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
