//! `serve` under hostile clients: half-open connections by the thousand under a
//! 1,024-descriptor limit, a client that never finishes its request head, a closed
//! stdout, a malformed `Host`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::harness::{PATIENCE, Server, get, request_as};
use crate::support::Sandbox;

/// Opens a connection and sends the start of a request head, never its end.
fn half_open(addr: SocketAddr) -> Option<TcpStream> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).ok()?;
    let _ = stream.write_all(b"GET /en/index.html HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    Some(stream)
}

#[test]
fn eleven_hundred_half_open_connections_under_1024_descriptors_delay_nobody() {
    let sandbox = Sandbox::real();
    let server = Server::start_with_files(sandbox.root(), 1024);
    assert_eq!(server.get("/en/index.html").status, 200);
    let slow: Vec<TcpStream> = (0..1100).filter_map(|_| half_open(server.addr)).collect();
    assert_eq!(slow.len(), 1100, "every slow client connected");
    // Well inside the header timeout (10 s): the server makes room by closing the
    // oldest connections that sent no whole request head, not by waiting for them.
    for round in 0..5 {
        let started = Instant::now();
        let response = server.get("/fr/index.html");
        assert_eq!(response.status, 200, "round {round}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "round {round}: answered after {:?}",
            started.elapsed()
        );
        // More slow clients keep coming.
        let more: Vec<TcpStream> = (0..100).filter_map(|_| half_open(server.addr)).collect();
        drop(more);
    }
    // The oldest slow clients were closed.
    let mut first = slow.into_iter().next().unwrap();
    first.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(first.read(&mut buf).unwrap_or(0), 0, "closed by the server");
    assert!(!server.stderr().contains("panicked"), "{}", server.stderr());
}

#[test]
fn a_request_head_not_finished_in_ten_seconds_is_closed() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut stream = half_open(server.addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = stream.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(8) && waited < Duration::from_secs(20),
        "closed after {waited:?}"
    );
    // An answer is allowed (408), never the page.
    assert!(!String::from_utf8_lossy(&buf).contains("200 OK"));
    assert_eq!(server.get("/en/index.html").status, 200);
}

#[test]
fn a_malformed_host_is_refused() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    for host in [
        "[::1",
        "::1",
        "localhost:",
        "localhost:99999",
        "[::1]x",
        "user@localhost",
    ] {
        let response = request_as(server.addr, "GET", "/en/index.html", host);
        assert_eq!(response.status, 400, "{host}");
        assert!(
            response
                .text()
                .contains("the Host header is not a host name"),
            "{host}: {}",
            response.text()
        );
    }
    for host in ["[::1]", "localhost", &server.addr.to_string()] {
        let response = request_as(server.addr, "GET", "/en/index.html", host);
        assert_eq!(response.status, 200, "{host}");
    }
}

#[test]
fn a_closed_stdout_is_not_a_panic() {
    let sandbox = Sandbox::real();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyglot"))
        .arg("--root")
        .arg(sandbox.root())
        .args(["serve", "--port", &port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the server prints anything.
    drop(child.stdout.take());
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let started = Instant::now();
    while TcpStream::connect(addr).is_err() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "serve exited before serving"
        );
        assert!(started.elapsed() < PATIENCE, "serve did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(get(addr, "/en/index.html").status, 200);
    // A rebuild prints a line to the closed stdout too.
    sandbox.edit(
        "locales/fr/site.ftl",
        "language-switcher = Langue",
        "language-switcher = Langues",
    );
    let started = Instant::now();
    loop {
        let page = get(addr, "/fr/index.html").text();
        if page.contains("aria-label=\"Langues\"") {
            break;
        }
        assert!(child.try_wait().unwrap().is_none(), "serve exited");
        assert!(started.elapsed() < PATIENCE, "no rebuild");
        std::thread::sleep(Duration::from_millis(50));
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
