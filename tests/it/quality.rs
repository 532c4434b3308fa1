//! Every page of every language is valid HTML (W3C Nu checker) and has no serious or
//! critical accessibility violation (axe-core in headless Chromium).

use std::path::Path;
use std::process::Command;

use scraper::{Html, Selector};

use crate::support::{REPO, Sandbox, Site, rendered_dom_with, serve};

fn published() -> (Sandbox, Site) {
    let sandbox = Sandbox::real();
    let run = sandbox.run(&[
        "build",
        "--no-search",
        "--base-url",
        "https://help.example.com/",
    ]);
    assert!(run.success, "{}", run.stderr);
    let site = sandbox.site();
    (sandbox, site)
}

fn tool(relative: &str) -> std::path::PathBuf {
    let path = Path::new(REPO).join(relative);
    assert!(
        path.exists(),
        "{relative} is missing: run `npm install` in the repository"
    );
    path
}

/// What the W3C Nu checker finds in the HTML files under `dir` (errors and warnings).
pub fn nu_problems(dir: &Path) -> Vec<String> {
    let output = Command::new("java")
        .arg("-jar")
        .arg(tool("node_modules/vnu-jar/build/dist/vnu.jar"))
        .args(["--skip-non-html", "--format", "json"])
        .arg(dir)
        .output()
        .expect("the Nu checker needs Java (apt-get install default-jre-headless)");
    let report: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu output: {e}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] != "info" || m["subType"] == "warning")
        .map(|m| format!("{}:{} {}", m["url"], m["lastLine"], m["message"]))
        .collect()
}

#[test]
fn every_page_passes_the_w3c_nu_html_checker() {
    let (sandbox, site) = published();
    let problems = nu_problems(&sandbox.path("site"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let pages = site.files.keys().filter(|k| k.ends_with(".html")).count();
    assert!(pages >= 29, "checked {pages} pages");
}

#[test]
fn no_page_has_a_serious_or_critical_accessibility_violation_even_at_360_px() {
    let (sandbox, site) = published();
    let root = sandbox.path("site");
    std::fs::create_dir_all(root.join("__axe")).unwrap();
    std::fs::copy(
        tool("node_modules/axe-core/axe.min.js"),
        root.join("__axe/axe.min.js"),
    )
    .unwrap();
    std::fs::write(
        root.join("__axe/run.js"),
        r#"axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
  var pre = document.createElement("pre");
  pre.id = "axe-results";
  pre.textContent = JSON.stringify({
    violations: r.violations.map(function (v) {
      return { id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(function (n) { return n.target.join(" "); }) };
    }),
    // At a phone's width nothing may need sideways scrolling.
    overflow: document.documentElement.scrollWidth > window.innerWidth
  });
  document.body.appendChild(pre);
});"#,
    )
    .unwrap();
    let pages: Vec<String> = site
        .files
        .keys()
        .filter(|k| k.ends_with(".html"))
        .cloned()
        .collect();
    for page in &pages {
        // Instrument a copy of each page: axe runs in the page and writes its findings into it.
        let html = String::from_utf8(site.files[page].clone()).unwrap();
        let instrumented = html.replace(
            "</body>",
            "<script src=\"/__axe/axe.min.js\"></script><script src=\"/__axe/run.js\"></script></body>",
        );
        std::fs::write(root.join(page), instrumented).unwrap();
    }
    let base = serve(root);
    let mut serious = Vec::new();
    let chunks: Vec<&[String]> = pages.chunks(pages.len().div_ceil(2)).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let base = base.clone();
                scope.spawn(move || {
                    let mut found = Vec::new();
                    for page in chunk {
                        found.extend(audit(&base, page));
                    }
                    found
                })
            })
            .collect();
        for h in handles {
            serious.extend(h.join().unwrap());
        }
    });
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

/// The serious and critical violations axe finds on one page, audited at 360 px (the
/// narrowest phone the site is made for), plus any sideways scrolling at that width.
fn audit(base: &str, page: &str) -> Vec<String> {
    for _ in 0..3 {
        let url = format!("{base}/{page}");
        let dom = Html::parse_document(&rendered_dom_with(&url, &["--window-size=360,900"]));
        let Some(pre) = dom.select(&Selector::parse("#axe-results").unwrap()).next() else {
            continue;
        };
        let report: serde_json::Value =
            serde_json::from_str(&pre.text().collect::<String>()).unwrap();
        let mut found: Vec<String> = report["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
            .map(|v| {
                format!(
                    "{page}: {} ({}): {} at {}",
                    v["id"], v["impact"], v["help"], v["targets"]
                )
            })
            .collect();
        if report["overflow"] == true {
            found.push(format!("{page}: scrolls sideways at 360 px"));
        }
        return found;
    }
    panic!("axe did not finish on {page}");
}
