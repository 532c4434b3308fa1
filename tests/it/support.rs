//! Test harness: a throwaway copy of a project, the real binary run on it, and helpers
//! to read the built pages by element id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use tempfile::TempDir;
use walkdir::WalkDir;

pub const REPO: &str = env!("CARGO_MANIFEST_DIR");
pub const LOCALES: [&str; 3] = ["en", "fr", "de"];

/// A copy of a project in a temporary folder.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    /// A copy of this repository's real policy, locales and templates.
    pub fn real() -> Sandbox {
        let sandbox = Sandbox {
            dir: TempDir::new().unwrap(),
        };
        for part in ["policy", "locales", "templates"] {
            copy_dir(&Path::new(REPO).join(part), &sandbox.path(part));
        }
        sandbox
    }

    /// A copy of `tests/fixtures/<name>/`, with the repository's templates when the
    /// fixture has none of its own.
    pub fn fixture(name: &str) -> Sandbox {
        let sandbox = Sandbox {
            dir: TempDir::new().unwrap(),
        };
        let source = Path::new(REPO).join("tests/fixtures").join(name);
        copy_dir(&source, sandbox.dir.path());
        if !source.join("templates").exists() {
            copy_dir(
                &Path::new(REPO).join("templates"),
                &sandbox.path("templates"),
            );
        }
        sandbox
    }

    /// A fixture that brings only its policy and its own messages, completed as a new
    /// project is: the repository's templates, and each locale's site chrome
    /// (`locales/<tag>/site.ftl`; Spanish from tests/fixtures/locale-es). Every locale
    /// but the reference is then confirmed, as its translators would.
    pub fn project(name: &str, reference: &str) -> Sandbox {
        let sandbox = Sandbox::fixture(name);
        let locales = std::fs::read_dir(sandbox.path("locales")).unwrap();
        let tags: Vec<String> = locales
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        for tag in &tags {
            let chrome = match tag.as_str() {
                "es" => Path::new(REPO).join("tests/fixtures/locale-es/es/site.ftl"),
                tag => Path::new(REPO).join("locales").join(tag).join("site.ftl"),
            };
            std::fs::copy(chrome, sandbox.path(&format!("locales/{tag}/site.ftl"))).unwrap();
        }
        for tag in tags.iter().filter(|t| *t != reference) {
            let run = sandbox.run(&["confirm", tag]);
            assert!(run.success, "{}", run.stderr);
        }
        sandbox
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replaces the single occurrence of `from` in a file (fails if it is not exactly once).
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{from}` must occur once in {relative}"
        );
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// Runs `policyglot --root <sandbox> <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `policyglot --root <sandbox> <args>` with extra environment variables, in the
    /// sandbox (so a relative `--out` lands there, as for a user in their project).
    pub fn run_with(&self, args: &[&str], env: &[(&str, &Path)]) -> Run {
        let mut command = policyglot(self.root());
        command
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .arg("--root")
            .arg(self.root())
            .args(args);
        Run::from(command.output().unwrap())
    }

    /// `policyglot build` into `site/`.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds and asserts success.
    pub fn build_ok(&self) -> Site {
        let run = self.build();
        assert!(run.success, "build failed:\n{}", run.stderr);
        self.site()
    }

    pub fn site(&self) -> Site {
        Site::read(&self.path("site"))
    }
}

/// The real binary, to run in `cwd`, without colour and never writing to a CI job's own
/// summary (tests may run in GitHub Actions).
pub fn policyglot(cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_policyglot"));
    command
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_WORKSPACE");
    command
}

/// Runs the real binary with `args` in `cwd` (no `--root`).
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    Run::from(policyglot(cwd).args(args).output().unwrap())
}

/// The outcome of one command.
pub struct Run {
    pub success: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            success: o.status.success(),
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// A built site read back from disk: relative path to bytes.
#[derive(Debug, PartialEq, Eq, Clone)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    pub fn read(dir: &Path) -> Site {
        let mut files = BTreeMap::new();
        if dir.exists() {
            for e in WalkDir::new(dir).into_iter().filter_map(Result::ok) {
                if e.file_type().is_file() {
                    let rel = e
                        .path()
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    files.insert(rel, std::fs::read(e.path()).unwrap());
                }
            }
        }
        Site { files }
    }

    pub fn html(&self, path: &str) -> Page {
        let bytes = self
            .files
            .get(path)
            .unwrap_or_else(|| panic!("no page {path}; have {:?}", self.files.keys()));
        Page(Html::parse_document(std::str::from_utf8(bytes).unwrap()))
    }

    /// Page file names (e.g. `feedback.html`) under a locale folder.
    pub fn pages_of(&self, locale: &str) -> Vec<String> {
        let prefix = format!("{locale}/");
        self.files
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .map(str::to_owned)
            .collect()
    }
}

pub struct Page(pub Html);

impl Page {
    /// Text of the element with this id (whitespace collapsed), if any.
    pub fn text_of(&self, id: &str) -> Option<String> {
        self.text_of_css(&format!("[id=\"{id}\"]"))
    }

    /// Text of the first element matching a CSS selector (whitespace collapsed).
    pub fn text_of_css(&self, css: &str) -> Option<String> {
        let selector = Selector::parse(css).unwrap();
        self.0.select(&selector).next().map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    pub fn ids(&self) -> Vec<String> {
        let selector = Selector::parse("[id]").unwrap();
        self.0
            .select(&selector)
            .filter_map(|e| e.value().id().map(str::to_owned))
            .collect()
    }

    pub fn attr(&self, css: &str, attr: &str) -> Option<String> {
        let selector = Selector::parse(css).unwrap();
        self.0
            .select(&selector)
            .next()
            .and_then(|e| e.value().attr(attr).map(str::to_owned))
    }

    pub fn all_attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap();
        self.0
            .select(&selector)
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A minimal static file server for browser tests (loopback, any free port). Returns the
/// base URL; the thread lives as long as the test process.
pub fn serve(root: PathBuf) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/");
                let path = path.split(['?', '#']).next().unwrap_or("/");
                let path = percent_decode(path);
                let mut file = root.join(path.trim_start_matches('/'));
                if path.ends_with('/') {
                    file = file.join("index.html");
                }
                let body = (!path.contains(".."))
                    .then(|| std::fs::read(&file).ok())
                    .flatten();
                let content_type = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("css") => "text/css",
                    Some("js") => "text/javascript",
                    Some("json") => "application/json",
                    Some("wasm") => "application/wasm",
                    _ => "application/octet-stream",
                };
                let mut stream = &stream;
                let _ = match body {
                    Some(body) => stream
                        .write_all(format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).as_bytes())
                        .and_then(|()| stream.write_all(&body)),
                    None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                };
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The Debian Chromium binary, or a clear failure saying how to get it.
pub fn chromium() -> PathBuf {
    let path = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        path.exists(),
        "browser tests need Chromium: apt-get install chromium (or set CHROMIUM)"
    );
    path
}

/// The DOM of `url` after its scripts ran, from headless Chromium.
pub fn rendered_dom(url: &str) -> String {
    rendered_dom_with(url, &[])
}

/// Like `rendered_dom`, with extra Chromium flags (e.g. `--window-size=360,900`).
pub fn rendered_dom_with(url: &str, flags: &[&str]) -> String {
    let profile = TempDir::new().unwrap();
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=15000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(flags)
        .arg(url)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs git in the sandbox, as a committer with no configuration of its own.
pub fn git(sandbox: &Sandbox, args: &[&str]) {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(sandbox.root())
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
