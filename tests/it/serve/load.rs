//! Requests that race a rebuild: each gets a whole page of the old or of the new site,
//! never a torn one, an error or a page that mixes both.

use std::sync::{Arc, Barrier};
use std::time::Duration;

use crate::support::Sandbox;

use super::harness::{Response, Server, get, page_hash};

const FR_PAGE: &str = "fr/data-retention.html";
const FR_FILE: &str = "locales/fr/retention.ftl";
const OLD: &str = "nous les conservons pendant { $period }.";
const NEW: &str = "nous les gardons pendant { $period } au maximum.";
const CLIENTS: usize = 200;
const ROUNDS: usize = 4;
/// Requests per client and round, 200 ms apart: long enough to span a debug-build rebuild.
const REQUESTS: usize = 8;

fn complete(response: &Response, path: &str) {
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    let length: usize = response
        .header("content-length")
        .unwrap_or_else(|| panic!("{path} has no Content-Length"))
        .parse()
        .unwrap();
    assert_eq!(response.body.len(), length, "{path} is whole");
}

#[test]
fn two_hundred_concurrent_requests_during_rebuilds_get_whole_consistent_pages() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    let first = events.next_state().unwrap();
    let path = format!("/{FR_PAGE}");
    let old = get(server.addr, &path).body;
    // Pages the edit does not touch must stay byte-identical throughout.
    let steady: Vec<(String, Vec<u8>)> = [
        "/en/data-retention.html",
        "/de/data-retention.html",
        "/fr/feedback.html",
        "/assets/style.css",
    ]
    .iter()
    .map(|p| (p.to_string(), get(server.addr, p).body))
    .collect();
    sandbox.edit(FR_FILE, OLD, NEW);
    let state = events.wait_for("the edit", |s| {
        page_hash(s, FR_PAGE) != page_hash(&first, FR_PAGE)
    });
    let new = get(server.addr, &path).body;
    assert_ne!(old, new);
    let hashes = [page_hash(&first, FR_PAGE), page_hash(&state, FR_PAGE)];

    let mut mixed_rounds = 0;
    let mut total = 0;
    for round in 0..ROUNDS {
        // Odd rounds go back to the old text, even rounds to the new one.
        let (from, to, target) = if round % 2 == 0 {
            (NEW, OLD, &hashes[0])
        } else {
            (OLD, NEW, &hashes[1])
        };
        let start = Arc::new(Barrier::new(CLIENTS + 1));
        let addr = server.addr;
        let clients: Vec<_> = (0..CLIENTS)
            .map(|i| {
                let start = start.clone();
                let steady = steady[i % steady.len()].0.clone();
                let path = path.clone();
                std::thread::spawn(move || {
                    start.wait();
                    std::thread::sleep(Duration::from_millis((i % 10) as u64 * 10));
                    let mut seen = Vec::new();
                    for k in 0..REQUESTS {
                        // Three in four ask for the page being rebuilt.
                        let p = if (i + k) % 4 == 0 { &steady } else { &path };
                        seen.push((p.clone(), get(addr, p)));
                        std::thread::sleep(Duration::from_millis(200));
                    }
                    seen
                })
            })
            .collect();
        start.wait();
        sandbox.edit(FR_FILE, from, to);
        let (mut saw_old, mut saw_new) = (false, false);
        for client in clients {
            for (p, response) in client.join().unwrap() {
                total += 1;
                complete(&response, &p);
                if p == path {
                    if response.body == old {
                        saw_old = true;
                    } else if response.body == new {
                        saw_new = true;
                    } else {
                        panic!(
                            "{p} is neither the old nor the new page:\n{}",
                            response.text()
                        );
                    }
                } else {
                    let expected = &steady.iter().find(|(s, _)| *s == p).unwrap().1;
                    assert_eq!(&response.body, expected, "{p} changed");
                }
            }
        }
        if saw_old && saw_new {
            mixed_rounds += 1;
        }
        events.wait_for("the rebuild", |s| page_hash(s, FR_PAGE) == *target);
    }
    assert_eq!(total, CLIENTS * REQUESTS * ROUNDS);
    assert!(
        mixed_rounds > 0,
        "no round had requests on both sides of a rebuild: the test did not race it"
    );
}
