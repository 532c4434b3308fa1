//! A running `policyglot serve` for tests, and clients that speak raw HTTP/1.0 over a
//! socket, so a path like `/../x` reaches the server exactly as typed (HTTP libraries
//! normalise it away). Shared with the browser tests (tests/browser).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a test waits for the server to start or to rebuild (debug builds on a busy
/// two-core CI machine are slow; a healthy run takes well under a second).
pub const PATIENCE: Duration = Duration::from_secs(30);

/// `policyglot serve --port 0` on a project, killed when dropped.
pub struct Server {
    child: Option<Child>,
    pub addr: SocketAddr,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

fn collect(from: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        let mut lines = BufReader::new(from);
        let mut line = String::new();
        while lines.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            into.lock().unwrap().push_str(&line);
            line.clear();
        }
    });
}

impl Server {
    /// Starts serving `root` (cwd = `root`) and waits for the "serving" line.
    pub fn start(root: &Path, args: &[&str]) -> Server {
        Server::start_with(root, args, &[])
    }

    /// `start` with extra environment variables.
    pub fn start_with(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::spawn(root, args, env, None)
    }

    /// `start` with at most `files` open descriptors (`ulimit -n files`).
    #[cfg(unix)]
    pub fn start_with_files(root: &Path, files: u64) -> Server {
        Server::spawn(root, &[], &[], Some(files))
    }

    fn spawn(root: &Path, args: &[&str], env: &[(&str, &str)], files: Option<u64>) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_policyglot"));
        #[cfg(unix)]
        if let Some(files) = files {
            use std::os::unix::process::CommandExt;
            // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
            unsafe {
                command.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: files,
                        rlim_max: files,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &raw const limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        #[cfg(not(unix))]
        let _ = files;
        let mut child = command
            .arg("--root")
            .arg(root)
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .current_dir(root)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run policyglot");
        let stdout = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        collect(child.stdout.take().unwrap(), stdout.clone());
        collect(child.stderr.take().unwrap(), stderr.clone());
        let started = Instant::now();
        let addr = loop {
            let out = stdout.lock().unwrap().clone();
            if let Some(rest) = out.split("serving http://").nth(1) {
                let addr = rest.split('/').next().unwrap();
                break addr.parse().expect("an address");
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!(
                    "serve exited with {status}\nstdout:\n{out}\nstderr:\n{}",
                    stderr.lock().unwrap()
                );
            }
            assert!(started.elapsed() < PATIENCE, "serve did not start:\n{out}");
            std::thread::sleep(Duration::from_millis(20));
        };
        Server {
            child: Some(child),
            addr,
            stdout,
            stderr,
        }
    }

    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until stdout or stderr holds `needle`.
    pub fn wait_for_output(&self, needle: &str) {
        let started = Instant::now();
        while !self.stdout().contains(needle) && !self.stderr().contains(needle) {
            assert!(
                started.elapsed() < PATIENCE,
                "no {needle:?} in the output:\nstdout:\n{}\nstderr:\n{}",
                self.stdout(),
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn get(&self, path: &str) -> Response {
        get(self.addr, path)
    }

    pub fn events(&self) -> Events {
        Events::connect(self.addr)
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the process to end.
    pub fn interrupt(mut self) -> ExitStatus {
        let mut child = self.child.take().unwrap();
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("serve did not stop within 10 s of SIGINT");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A response read to the end of the connection.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET <raw path> HTTP/1.0`: the path goes on the wire as given.
pub fn get(addr: SocketAddr, raw_path: &str) -> Response {
    request(addr, "GET", raw_path)
}

pub fn request(addr: SocketAddr, method: &str, raw_path: &str) -> Response {
    request_as(addr, method, raw_path, &addr.to_string())
}

/// `request` with the given `Host` header.
pub fn request_as(addr: SocketAddr, method: &str, raw_path: &str, host: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "{method} {raw_path} HTTP/1.0\r\nHost: {host}\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

/// A server-sent event stream (`/_preview/events`).
pub struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    pub fn connect(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /_preview/events HTTP/1.0\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let started = Instant::now();
        let mut line = String::new();
        // Skip the response head.
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed before its head ended"),
                Ok(_) if line == "\r\n" => break,
                Ok(_) => {}
                Err(_) => assert!(started.elapsed() < PATIENCE, "no event stream"),
            }
        }
        Events { reader }
    }

    /// The next `state` event, or `None` when the stream ended.
    pub fn next_state(&mut self) -> Option<serde_json::Value> {
        let started = Instant::now();
        let (mut event, mut data) = (String::new(), String::new());
        // Bytes, not a String: a read timeout may split a multibyte character.
        let mut line = Vec::new();
        loop {
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) if line.ends_with(b"\n") => {
                    let text = String::from_utf8(std::mem::take(&mut line)).expect("UTF-8 events");
                    let l = text.trim_end_matches(['\r', '\n']);
                    if l.is_empty() {
                        if event == "state" {
                            return Some(serde_json::from_str(&data).expect("JSON state"));
                        }
                        event.clear();
                        data.clear();
                    } else if let Some(v) = l.strip_prefix("event:") {
                        event = v.trim().to_owned();
                    } else if let Some(v) = l.strip_prefix("data:") {
                        data.push_str(v.strip_prefix(' ').unwrap_or(v));
                    }
                }
                // A partial line (or a timeout): keep what was read and go on.
                Ok(_) | Err(_) => {
                    assert!(
                        started.elapsed() < PATIENCE,
                        "no state event within {PATIENCE:?}"
                    );
                }
            }
        }
    }

    /// The first `state` event that satisfies `done`.
    pub fn wait_for(
        &mut self,
        what: &str,
        done: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let state = self
                .next_state()
                .unwrap_or_else(|| panic!("stream ended while waiting for {what}"));
            if done(&state) {
                return state;
            }
            assert!(started.elapsed() < PATIENCE, "never saw {what}: {state}");
        }
    }
}

/// The page hash a state event gives for `key`.
pub fn page_hash(state: &serde_json::Value, key: &str) -> String {
    state["pages"][key].as_str().unwrap_or_default().to_owned()
}

/// A served HTML page without the live-reload tag: the bytes `policyglot build` writes.
pub fn without_live_script(html: &str) -> String {
    let start = html
        .find("<script src=\"/_preview/live.js\"")
        .expect("the live script is injected");
    let end = start + html[start..].find("</script>\n").unwrap() + "</script>\n".len();
    format!("{}{}", &html[..start], &html[end..])
}
