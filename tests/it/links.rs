//! `check --links`: every external address of the site asked over HTTP, against a local
//! server: dead and silent addresses are warnings located where they are written
//! (policy.yaml here); live ones, redirects and servers that refuse HEAD are fine; and
//! without `--links` nothing is asked.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::support::Sandbox;

/// A server on loopback: `/ok` 200, `/gone` 404, `/moved` 301 to `/ok`, `/no-head`
/// 405 to HEAD and 200 to GET, `/slow` waits 5 s. Returns its address and a request count.
fn server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                // The headers, up to the blank line.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                seen.fetch_add(1, Ordering::SeqCst);
                let mut words = line.split_whitespace();
                let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
                let status = match (method, path) {
                    (_, "/ok") => "200 OK",
                    (_, "/gone") => "404 Not Found",
                    (_, "/moved") => "301 Moved Permanently\r\nLocation: /ok",
                    ("HEAD", "/no-head") => "405 Method Not Allowed",
                    (_, "/no-head") => "200 OK",
                    (_, "/slow") => {
                        std::thread::sleep(Duration::from_secs(5));
                        "200 OK"
                    }
                    _ => "500 Internal Server Error",
                };
                let mut stream = stream;
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            });
        }
    });
    (base, count)
}

/// The real project with its four external links pointing at the local server.
fn linked(base: &str, paths: [&str; 4]) -> Sandbox {
    let sandbox = Sandbox::real();
    for (url, path) in [
        "https://privacy.anthropic.com/",
        "https://www.anthropic.com/news/claudes-constitution",
        "https://www.anthropic.com/legal/privacy",
        "https://trust.anthropic.com/",
    ]
    .into_iter()
    .zip(paths)
    {
        sandbox.edit(
            "policy/policy.yaml",
            &format!("\"{url}\""),
            &format!("\"{base}{path}\""),
        );
    }
    sandbox
}

#[test]
fn dead_and_silent_links_are_located_warnings_and_live_ones_pass() {
    let (base, count) = server();
    let sandbox = linked(&base, ["/ok", "/moved", "/gone", "/no-head"]);

    let plain = sandbox.run(&["check"]);
    assert!(plain.success, "{}", plain.stdout);
    assert_eq!(
        count.load(Ordering::SeqCst),
        0,
        "nothing is fetched without --links"
    );

    let run = sandbox.run(&["check", "--links"]);
    assert!(run.success, "warnings only: {}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    // (Other external links the site may have are not this test's: only the server's.)
    let ours = format!("warning[PG0550]: the link {base}");
    assert_eq!(out.matches(&ours).count(), 1, "{out}");
    assert!(
        out.contains(&format!("the link {base}/gone answers 404 Not Found")),
        "{out}"
    );
    let yaml = sandbox.read("policy/policy.yaml");
    let line = yaml.lines().position(|l| l.contains("/gone\"")).unwrap() + 1;
    assert!(
        out.contains(&format!("policy/policy.yaml:{line}:")),
        "located: {out}"
    );
    for fine in ["/ok", "/moved", "/no-head"] {
        assert!(!out.contains(&format!("{base}{fine} ")), "{fine}: {out}");
    }
    // --strict makes it an error, as every warning.
    let strict = sandbox.run(&["check", "--links", "--strict"]);
    assert_eq!(strict.code, Some(1));
    assert!(strict.stdout.contains("error[PG0550]"), "{}", strict.stdout);
}

#[test]
fn an_address_that_does_not_answer_in_time_is_reported() {
    let (base, _) = server();
    let sandbox = linked(&base, ["/ok", "/ok", "/ok", "/slow"]);
    let started = std::time::Instant::now();
    let run = sandbox.run(&[
        "check",
        "--links",
        "--link-timeout",
        "1",
        "--format",
        "json",
    ]);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "bounded by the timeout"
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let slow: Vec<_> = findings
        .iter()
        .filter(|f| f["code"] == "PG0550" && f["message"].as_str().unwrap().contains(&base))
        .collect();
    assert_eq!(slow.len(), 1, "{findings:?}");
    assert!(
        slow[0]["message"]
            .as_str()
            .unwrap()
            .contains("does not answer within 1 s"),
        "{:?}",
        slow[0]
    );
}
