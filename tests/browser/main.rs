//! `policyglot serve` in a real headless Chromium (Debian `chromium` + `chromium-driver`,
//! driven over WebDriver by fantoccini): an open page shows an edit by itself, keeps its
//! scroll position, shows a broken input's error (file and line) in an overlay and drops
//! it once fixed; the side-by-side view lines blocks up on screen. Needs the
//! `browser-tests` feature; `scripts/test.sh` installs the browser and runs these.

#[allow(dead_code)]
#[path = "../it/serve/harness.rs"]
mod harness;
#[allow(dead_code)]
#[path = "../it/support.rs"]
mod support;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

use harness::Server;
use support::Sandbox;

/// A program on PATH, or a failure that says how to get it.
fn program(name: &str) -> PathBuf {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "`{name}` is not installed: run scripts/test.sh (it installs Debian's chromium and chromium-driver), or `apt-get install chromium chromium-driver`"
            )
        })
}

/// chromedriver on a free port plus a WebDriver session in headless Chromium.
struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn start() -> Browser {
        let chromium = program("chromium");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(program("chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::TempDir::new().unwrap();
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    format!("--user-data-dir={}", profile.path().display()),
                    "--window-size=420,640",
                ],
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session in headless Chromium");
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.expect(script)
    }

    /// Polls `script` until `done` holds for its value; returns it and the time it took.
    async fn eventually(
        &self,
        what: &str,
        script: &str,
        done: impl Fn(&Value) -> bool,
    ) -> (Value, Duration) {
        let started = Instant::now();
        loop {
            // The page may be between two documents while it reloads.
            if let Ok(value) = self.client.execute(script, vec![]).await
                && done(&value)
            {
                return (value, started.elapsed());
            }
            assert!(
                started.elapsed() < harness::PATIENCE,
                "the page never showed {what}"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    async fn stop(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Also when a test fails midway: end chromedriver and the browser it started (found by
/// this session's own profile folder, so no other browser is touched).
impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let profile = format!("--user-data-dir={}", self._profile.path().display());
        let _ = Command::new("pkill").args(["-f", "--", &profile]).status();
    }
}

const FR_FILE: &str = "locales/fr/retention.ftl";
const OVERLAY: &str = "const o = document.querySelector('policyglot-preview')?.shadowRoot?.querySelector('.overlay'); return o && !o.hidden ? o.textContent : null;";
const DECLINED: &str =
    "return document.getElementById('retention-training-declined')?.textContent ?? null;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_page_shows_edits_and_errors_by_itself() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let browser = Browser::start().await;
    let url = format!("http://{}/fr/data-retention.html", server.addr);
    browser.client.goto(&url).await.unwrap();
    let (text, _) = browser
        .eventually("the French text", DECLINED, |v| v.is_string())
        .await;
    assert!(
        text.as_str()
            .unwrap()
            .contains("nous les conservons pendant"),
        "{text}"
    );
    browser
        .eventually("the live connection", "return document.querySelector('policyglot-preview')?.shadowRoot?.querySelector('.status')?.textContent;", |v| v == "live")
        .await;
    // Scroll down (the window is narrow, so the page scrolls) and mark this document.
    let scrolled = browser
        .js("const y = Math.min(300, Math.floor((document.documentElement.scrollHeight - innerHeight) / 2)); window.scrollTo(0, y); window.policyglotMark = 1; return window.scrollY;")
        .await;
    let scrolled = scrolled.as_f64().unwrap();
    assert!(
        scrolled >= 100.0,
        "the page is long enough to scroll: {scrolled}"
    );

    // An edit: the page reloads with the new text, no action in the browser.
    sandbox.edit(
        FR_FILE,
        "nous les conservons pendant { $period }.",
        "nous les gardons pendant { $period } au maximum.",
    );
    let (text, took) = browser
        .eventually("the edited text", DECLINED, |v| {
            v.as_str().is_some_and(|t| t.contains("nous les gardons"))
        })
        .await;
    assert!(text.as_str().unwrap().contains("au maximum"), "{text}");
    eprintln!(
        "browser: edit shown {} ms after the write",
        took.as_millis()
    );
    assert_eq!(
        browser.js("return window.policyglotMark ?? null;").await,
        Value::Null,
        "a new document"
    );
    browser
        .eventually("the scroll position kept", "return window.scrollY;", |v| {
            v.as_f64().is_some_and(|y| (y - scrolled).abs() <= 2.0)
        })
        .await;

    // Broken YAML: an overlay names the file and line; the last good page stays.
    sandbox.edit(
        "policy/policy.yaml",
        "    blocks: [retention]",
        "    blocks: [retention",
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l == "    blocks: [retention")
        .unwrap()
        + 1;
    let (overlay, _) = browser
        .eventually("the error overlay", OVERLAY, |v| v.is_string())
        .await;
    let overlay = overlay.as_str().unwrap();
    assert!(
        overlay.contains(&format!("policy/policy.yaml:{line}:13")),
        "{overlay}"
    );
    assert!(overlay.contains("PG0101"), "{overlay}");
    assert!(overlay.contains("help: "), "{overlay}");
    assert!(
        browser
            .js(DECLINED)
            .await
            .as_str()
            .unwrap()
            .contains("au maximum"),
        "the last good page is still shown"
    );

    // Fixed: the overlay goes by itself.
    sandbox.edit(
        "policy/policy.yaml",
        "    blocks: [retention\n",
        "    blocks: [retention]\n",
    );
    browser
        .eventually("the overlay gone", OVERLAY, |v| v.is_null())
        .await;
    browser.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_side_by_side_view_lines_blocks_up_on_screen() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let browser = Browser::start().await;
    browser
        .client
        .goto(&format!("http://{}/de/feedback.html", server.addr))
        .await
        .unwrap();
    // The preview bar's link leads to this page's side-by-side view.
    let (href, _) = browser
        .eventually("the side-by-side link", "return document.querySelector('policyglot-preview')?.shadowRoot?.querySelector('a.sbs')?.href ?? null;", |v| v.is_string())
        .await;
    assert_eq!(
        href.as_str().unwrap(),
        format!("http://{}/_preview/feedback.html", server.addr)
    );
    browser.client.goto(href.as_str().unwrap()).await.unwrap();
    let (rows, _) = browser
        .eventually(
            "the rows",
            "return [...document.querySelectorAll('tr[data-row]')].map(r => [r.dataset.row, [...r.querySelectorAll('td')].map(td => [td.dataset.locale, Math.round(td.getBoundingClientRect().top), Math.round(td.getBoundingClientRect().height), td.querySelector('[id=\"' + r.dataset.row + '\"]') !== null || r.dataset.row.startsWith('page-')])]);",
            |v| v.as_array().is_some_and(|a| a.len() > 2),
        )
        .await;
    for row in rows.as_array().unwrap() {
        let cells = row[1].as_array().unwrap();
        let locales: Vec<&str> = cells.iter().map(|c| c[0].as_str().unwrap()).collect();
        assert_eq!(locales, ["en", "de", "fr"], "{row}");
        for cell in cells {
            assert_eq!(cell[1], cells[0][1], "same top in every column: {row}");
            assert_eq!(cell[2], cells[0][2], "same height in every column: {row}");
            assert_eq!(cell[3], true, "the block is in its row: {row}");
        }
    }
    browser.stop().await;
}

/// Browsers allow six HTTP/1.1 connections per host: eight tabs each holding its own
/// event stream would leave the last ones unable to load. They share one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_open_tabs_all_follow_an_edit() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let browser = Browser::start().await;
    let pages = [
        "fr/data-retention.html",
        "en/data-retention.html",
        "de/data-retention.html",
        "fr/feedback.html",
        "fr/index.html",
        "_preview/data-retention.html",
        "fr/covered-products.html",
        "fr/data-retention.html",
    ];
    let mut tabs = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            let tab = browser.client.new_window(true).await.unwrap();
            browser.client.switch_to_window(tab.handle).await.unwrap();
        }
        tokio::time::timeout(
            Duration::from_secs(20),
            browser
                .client
                .goto(&format!("http://{}/{page}", server.addr)),
        )
        .await
        .unwrap_or_else(|_| panic!("tab {} ({page}) never loaded", i + 1))
        .unwrap();
        browser
            .eventually("the live connection", "return document.querySelector('policyglot-preview')?.shadowRoot?.querySelector('.status')?.textContent;", |v| v == "live")
            .await;
        browser.js("window.policyglotMark = 1; return 1;").await;
        tabs.push(browser.client.window().await.unwrap());
    }
    sandbox.edit(
        FR_FILE,
        "nous les conservons pendant { $period }.",
        "nous les gardons pendant { $period } au maximum.",
    );
    for (tab, page) in tabs.into_iter().zip(pages) {
        browser.client.switch_to_window(tab).await.unwrap();
        if page.ends_with("data-retention.html")
            && !page.starts_with("en/")
            && !page.starts_with("de/")
        {
            let script = if page.starts_with("_preview/") {
                "return document.querySelector('td[data-locale=\"fr\"] [id=\"retention-training-declined\"]')?.textContent ?? null;"
            } else {
                DECLINED
            };
            browser
                .eventually("the edit", script, |v| {
                    v.as_str().is_some_and(|t| t.contains("nous les gardons"))
                })
                .await;
            assert_eq!(
                browser.js("return window.policyglotMark ?? null;").await,
                Value::Null,
                "{page} reloaded"
            );
        } else {
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert_eq!(
                browser.js("return window.policyglotMark ?? null;").await,
                json!(1),
                "{page} did not reload"
            );
        }
    }
    browser.stop().await;
}

/// `serve` answers search like the published site: its Pagefind bundle is made in memory
/// from the same pages, and inflected French and German words find the retention block.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_works_under_serve() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let browser = Browser::start().await;
    const FIRST_RESULT: &str = "const a = document.querySelector('#search-results li a'); return a ? [a.getAttribute('href'), a.textContent] : null;";
    // Neither word is in the pages as typed: "conservons" and "speichern" are.
    for (locale, query, title) in [
        ("fr", "conserv%C3%A9es", "Combien de temps"),
        ("de", "speichert", "Wie lange"),
    ] {
        browser
            .client
            .goto(&format!(
                "http://{}/{locale}/search.html?q={query}",
                server.addr
            ))
            .await
            .unwrap();
        let (result, _) = browser
            .eventually(&format!("a {locale} result"), FIRST_RESULT, |v| {
                v.is_array()
            })
            .await;
        let href = result[0].as_str().unwrap();
        assert!(
            href.ends_with(&format!("/{locale}/data-retention.html#retention")),
            "{locale}: {href}"
        );
        assert!(
            result[1].as_str().unwrap().contains(title),
            "{locale}: {result}"
        );
    }
    browser.stop().await;
}

/// The preview follows the writer: a fact added in English with no translation shows
/// at once on the English page and, in English under the French "not yet translated"
/// notice, on the French page, both open in the browser; the overlay names the missing
/// French message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_english_fact_shows_on_every_open_page_before_it_is_translated() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let browser = Browser::start().await;
    const NEW: &str = "return document.getElementById('feedback-reviewed')?.textContent ?? null;";
    for locale in ["en", "fr"] {
        let url = format!("http://{}/{locale}/feedback.html", server.addr);
        browser.client.goto(&url).await.unwrap();
        browser
            .eventually("the live connection", "return document.querySelector('policyglot-preview')?.shadowRoot?.querySelector('.status')?.textContent;", |v| v == "live")
            .await;
        assert_eq!(
            browser.js(NEW).await,
            Value::Null,
            "{locale}: not there yet"
        );
        if locale == "en" {
            // Written while the French page is the one open below.
            continue;
        }
        sandbox.edit(
            "policy/policy.yaml",
            "feedback-uses, feedback-not-combined]",
            "feedback-uses, feedback-not-combined, feedback-reviewed]",
        );
        let file = "locales/en/feedback.ftl";
        let text = sandbox.read(file);
        sandbox.write(
            file,
            &format!(
                "{text}feedback-reviewed = People on our team may read the feedback you send.\n"
            ),
        );
        let (shown, took) = browser
            .eventually("the English text on the French page", "const e = document.querySelector('#feedback-reviewed > [lang=\"en\"]'); return e ? e.textContent : null;", |v| v.is_string())
            .await;
        eprintln!(
            "browser: new English fact shown on the French page {} ms after the write",
            took.as_millis()
        );
        assert_eq!(shown, "People on our team may read the feedback you send.");
        let (notice, _) = browser
            .eventually("the notice", "return document.querySelector('#feedback .untranslated-notice')?.textContent ?? null;", |v| v.is_string())
            .await;
        assert!(
            notice.as_str().unwrap().starts_with("Pas encore traduit"),
            "{notice}"
        );
        let (overlay, _) = browser
            .eventually("the overlay", OVERLAY, |v| v.is_string())
            .await;
        assert!(
            overlay
                .as_str()
                .unwrap()
                .contains("message `feedback-reviewed` is missing in `fr`"),
            "{overlay}"
        );
    }
    let url = format!("http://{}/en/feedback.html", server.addr);
    browser.client.goto(&url).await.unwrap();
    let (text, _) = browser
        .eventually("the new fact on the English page", NEW, |v| v.is_string())
        .await;
    assert_eq!(text, "People on our team may read the feedback you send.");
    browser.stop().await;
}
