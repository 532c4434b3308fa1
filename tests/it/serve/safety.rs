//! Only files of the built site are served: traversal (plain, percent-encoded, double
//! encoded, backslashes), absolute paths and symlinks pointing out all get 400 or 404
//! and none of the content they aim at.

use crate::support::Sandbox;

use super::harness::{Response, Server, request_as};

/// A project copy with secrets next to it: a `Cargo.toml` at its root (the server's
/// working directory) and the policy, both of which a traversal would aim at.
fn server() -> (Sandbox, Server) {
    let sandbox = Sandbox::real();
    sandbox.write("Cargo.toml", "[package]\nname = \"SECRET-CARGO\"\n");
    sandbox.write("site/secret.txt", "SECRET-SITE\n");
    let server = Server::start(sandbox.root(), &[]);
    (sandbox, server)
}

fn assert_refused(response: &Response, path: &str) {
    assert!(
        matches!(response.status, 400 | 404),
        "{path} answered {}",
        response.status
    );
    let text = response.text();
    for secret in [
        "SECRET",
        "[package]",
        "root:x:0:0",
        "organization:",
        "retention-feedback =",
    ] {
        assert!(!text.contains(secret), "{path} leaked {secret:?}: {text}");
    }
}

#[test]
fn dot_dot_traversal_is_refused() {
    let (_sandbox, server) = server();
    for path in [
        "/../Cargo.toml",
        "/fr/../../Cargo.toml",
        "/assets/../../policy/policy.yaml",
        "/../locales/fr/retention.ftl",
        "/../../../../../../etc/passwd",
        "/fr/..",
        "/./index.html/../../Cargo.toml",
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 400, "{path}");
        assert_refused(&response, path);
    }
}

#[test]
fn encoded_traversal_is_refused() {
    let (_sandbox, server) = server();
    for path in [
        "/%2e%2e/",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/%2e%2e%2fCargo.toml",
        "/..%2fCargo.toml",
        "/fr/%2e%2e/%2e%2e/Cargo.toml",
        "/.%2e/Cargo.toml",
        "/..%5cCargo.toml",
        "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
        "/..%c0%afCargo.toml",
        "/%252e%252e/Cargo.toml",
        "/%252e%252e%252fCargo.toml",
        "/fr/x%00.html",
    ] {
        assert_refused(&server.get(path), path);
    }
}

#[test]
fn absolute_paths_are_refused() {
    let (sandbox, server) = server();
    let absolute = sandbox.path("Cargo.toml").display().to_string();
    for path in [
        "//etc/passwd".to_owned(),
        "///etc/passwd".to_owned(),
        "/etc/passwd".to_owned(),
        "/%2fetc%2fpasswd".to_owned(),
        format!("/{absolute}"),
        format!("/%2f{}", absolute.trim_start_matches('/')),
        format!("//{}", absolute.trim_start_matches('/')),
        "/C:/Windows/win.ini".to_owned(),
        "/file:///etc/passwd".to_owned(),
    ] {
        assert_refused(&server.get(&path), &path);
    }
    // An absolute-form request target (proxy style) is no way around it either.
    let path = format!("http://{}/../Cargo.toml", server.addr);
    assert_refused(&server.get(&path), &path);
}

#[test]
fn a_symlink_pointing_out_of_the_site_is_not_served() {
    let sandbox = Sandbox::real();
    let outside = tempfile::TempDir::new().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "SECRET-OUTSIDE\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        sandbox.path("templates/assets/leak.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), sandbox.path("templates/assets/leak-dir")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", sandbox.path("templates/assets/passwd")).unwrap();
    // Links out of the project are refused by the build (and so by serve's builds),
    // naming the paths only.
    let run = sandbox.build();
    assert!(!run.success);
    let out = format!("{}{}", run.stdout, run.stderr);
    for name in ["leak.txt", "leak-dir", "passwd"] {
        let refused = format!("cannot read templates/assets/{name}: refused");
        assert!(out.contains(&refused), "{name}: {out}");
    }
    assert!(!out.contains("SECRET") && !out.contains("root:"), "{out}");
    for name in ["leak.txt", "leak-dir", "passwd"] {
        std::fs::remove_file(sandbox.path("templates/assets").join(name)).unwrap();
    }
    // A symlink inside a previously built output folder: serve never reads it.
    sandbox.build_ok();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        sandbox.path("site/leak.txt"),
    )
    .unwrap();
    let server = Server::start(sandbox.root(), &[]);
    for path in [
        "/assets/leak.txt",
        "/assets/leak-dir/secret.txt",
        "/assets/passwd",
        "/leak.txt",
        "/site/leak.txt",
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 404, "{path}");
        assert_refused(&response, path);
    }
    // The real asset next to them is served.
    assert_eq!(server.get("/assets/style.css").status, 200);
}

#[test]
fn a_requested_path_is_never_reflected_as_markup() {
    let (_sandbox, server) = server();
    for path in [
        "/fr/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E.html",
        "/%3Cscript%3Ealert(1)%3C/script%3E",
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 404, "{path}");
        let text = response.text();
        assert!(!text.contains("<img"), "{path}: {text}");
        assert!(!text.contains("<script>alert"), "{path}: {text}");
        assert!(text.contains("&lt;"), "shown as text: {text}");
        // The preview bar of a missing page links to the overview, not to the path.
        assert!(
            text.contains("data-side-by-side=\"/_preview/index.html\""),
            "{text}"
        );
    }
}

#[test]
fn only_local_host_names_are_answered() {
    // DNS rebinding: a page on attacker.example re-points its own name to 127.0.0.1 and
    // reads the preview as same-origin. The browser still sends `Host: attacker.example`.
    let (_sandbox, server) = server();
    let port = server.addr.port();
    for host in [
        "attacker.example".to_owned(),
        format!("attacker.example:{port}"),
        format!("127.0.0.1.attacker.example:{port}"),
        format!("localhost.attacker.example:{port}"),
    ] {
        for path in ["/en/index.html", "/_preview/events", "/_preview/live.js"] {
            let response = request_as(server.addr, "GET", path, &host);
            assert_eq!(response.status, 403, "{host} {path}");
            assert!(response.text().contains("--bind"), "{}", response.text());
        }
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_owned(),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        format!("preview.localhost:{port}"),
    ] {
        let response = request_as(server.addr, "GET", "/en/index.html", &host);
        assert_eq!(response.status, 200, "{host}");
    }
}

#[test]
fn absolute_targets_and_second_host_headers_are_refused() {
    let (_sandbox, server) = server();
    let port = server.addr.port();
    let local = format!("localhost:{port}");
    // An absolute-form target naming another host, behind a loopback Host.
    let response = request_as(
        server.addr,
        "GET",
        "http://attacker.example/en/index.html",
        &local,
    );
    assert_eq!(response.status, 400, "{}", response.text());
    assert!(
        response.text().contains("another host"),
        "{}",
        response.text()
    );
    let response = request_as(
        server.addr,
        "GET",
        &format!("http://{local}/en/index.html"),
        &local,
    );
    assert_eq!(response.status, 200, "{}", response.text());
    // Two Host headers, in either order (the second is written after the first's CRLF).
    for hosts in [
        format!("{local}\r\nHost: attacker.example"),
        format!("attacker.example\r\nHost: {local}"),
    ] {
        let response = request_as(server.addr, "GET", "/en/index.html", &hosts);
        assert_eq!(response.status, 400, "{hosts:?}: {}", response.text());
        assert!(
            response.text().contains("more than one Host"),
            "{}",
            response.text()
        );
    }
}
