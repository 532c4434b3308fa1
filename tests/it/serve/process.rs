//! The serve process: loopback by default and loud otherwise, clear errors when it cannot
//! start, and a clean stop on Ctrl-C even with pages connected.

use std::process::Command;
use std::time::Duration;

use crate::support::Sandbox;

use super::harness::{PATIENCE, Server};

#[test]
fn ctrl_c_stops_cleanly_with_pages_connected() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    assert!(events.next_state().is_some());
    let addr = server.addr;
    let status = server.interrupt();
    assert!(status.success(), "exit status {status}");
    assert!(events.next_state().is_none(), "the event stream ends");
    assert!(
        std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "the port is released"
    );
}

#[test]
fn serves_on_loopback_by_default_and_warns_loudly_otherwise() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    assert!(server.addr.ip().is_loopback(), "{}", server.addr);
    assert!(!server.stderr().contains("WARNING"), "{}", server.stderr());
    drop(server);

    let server = Server::start(sandbox.root(), &["--bind", "0.0.0.0"]);
    server.wait_for_output("WARNING: listening on 0.0.0.0:");
    let stderr = server.stderr();
    assert!(
        stderr.contains("other machines on your network can reach"),
        "{stderr}"
    );
    assert!(stderr.contains("no authentication"), "{stderr}");
    // The printed address is one a browser here can open.
    assert!(server.addr.ip().is_loopback());
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn bind_takes_a_host_name() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &["--bind", "localhost"]);
    assert_eq!(
        server.addr.ip(),
        std::net::Ipv4Addr::LOCALHOST,
        "{}",
        server.addr
    );
    assert!(
        !server.stderr().contains("WARNING"),
        "loopback: {}",
        server.stderr()
    );
    assert_eq!(server.get("/").status, 200);
    drop(server);
    let run = serve(sandbox.root(), &["--bind", "no-such-host.invalid"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("neither an IP address nor a host name"),
        "{}",
        run.stderr
    );
}

fn serve(root: &std::path::Path, args: &[&str]) -> crate::support::Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyglot"))
        .arg("--root")
        .arg(root)
        .arg("serve")
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("serve did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    crate::support::Run::from(child.wait_with_output().unwrap())
}

#[test]
fn a_taken_port_is_an_actionable_error() {
    let sandbox = Sandbox::real();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = serve(sandbox.root(), &["--port", &port]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("error[PG0600]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--port 0 for any free one"),
        "{}",
        run.stderr
    );
}

#[test]
fn outside_a_project_it_says_where_to_run() {
    let empty = tempfile::TempDir::new().unwrap();
    let run = serve(empty.path(), &["--port", "0"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("error[PG0100]"), "{}", run.stderr);
    assert!(run.stderr.contains("--root"), "{}", run.stderr);
}

#[test]
fn open_starts_the_browser_on_the_served_address() {
    let sandbox = Sandbox::real();
    let opened = sandbox.path("opened.txt");
    let browser = sandbox.path("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let server = Server::start_with(
        sandbox.root(),
        &["--open"],
        &[("BROWSER", browser.to_str().unwrap())],
    );
    let started = std::time::Instant::now();
    while std::fs::read_to_string(&opened)
        .unwrap_or_default()
        .is_empty()
    {
        assert!(started.elapsed() < PATIENCE, "the browser was not started");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        format!("http://{}/", server.addr)
    );

    // No browser to be had: a warning, and the preview is served all the same.
    let server = Server::start_with(
        sandbox.root(),
        &["--open"],
        &[("BROWSER", "/nonexistent/browser")],
    );
    server.wait_for_output("warning: could not open a browser");
    assert!(
        server
            .stderr()
            .contains(&format!("open http://{}/ yourself", server.addr))
    );
    assert_eq!(server.get("/").status, 200);
}
