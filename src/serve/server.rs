//! The HTTP side of `serve`: files of the current snapshot (and nothing else: no disk
//! access, so no traversal), the live-reload script, the server-sent `state` events that
//! make open pages reload or show errors, and the 400/404/405/503 answers.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Router, middleware};
use futures_util::Stream;
use tokio::sync::watch;

use super::paths::{self, Resolved};
use super::search;
use super::side_by_side::esc;
use super::state::{PREVIEW, Snapshot, content_type, is_html};

const LIVE_JS: &str = include_str!("live.js");
const LIVE_WORKER_JS: &str = include_str!("live-worker.js");

/// What every handler reads: the current snapshot and whether we are shutting down.
#[derive(Clone)]
pub struct AppState {
    pub snapshot: watch::Receiver<Arc<Snapshot>>,
    /// The search bundle of the last good site (`/pagefind/…`).
    pub search: watch::Receiver<Arc<search::Files>>,
    pub shutdown: watch::Receiver<bool>,
    /// Answer only requests addressed to a loopback name (see `local_hosts_only`).
    pub loopback_only: bool,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(&format!("/{PREVIEW}/live.js"), get(|| script(LIVE_JS)))
        .route(
            &format!("/{PREVIEW}/live-worker.js"),
            get(|| script(LIVE_WORKER_JS)),
        )
        .route(&format!("/{PREVIEW}/events"), get(events))
        .fallback(file)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            local_hosts_only,
        ))
        .with_state(state)
}

/// Served on loopback, the preview answers only requests whose `Host` is a loopback name
/// or address. A browser always sends the name it connected to, so a page of another
/// site that re-points its own name to 127.0.0.1 (DNS rebinding) gets nothing. A bind on
/// another address (`--bind`, a preview for other devices) answers every host.
async fn local_hosts_only(
    State(app): State<AppState>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    match addressed_host(request.headers(), request.uri(), app.loopback_only) {
        Ok(()) => next.run(request).await,
        Err((status, why)) => no_store(
            (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                why,
            )
                .into_response(),
        ),
    }
}

const ONLY_LOOPBACK: &str = "policyglot serve answers only to localhost, 127.0.0.1 and [::1]. To preview from \
     another device, start it with --bind and that machine's address.\n";

/// Whether a request may be answered: one `Host` header at most (with two, proxies and
/// servers disagree on which one counts), an absolute-form target (`GET http://host/`)
/// naming the same host as `Host`, and, on loopback, a loopback name in both.
fn addressed_host(
    headers: &axum::http::HeaderMap,
    uri: &Uri,
    loopback_only: bool,
) -> Result<(), (StatusCode, &'static str)> {
    let mut hosts = headers.get_all(header::HOST).iter();
    let host = hosts.next().map(|h| h.to_str().unwrap_or("?"));
    if hosts.next().is_some() {
        return Err((
            StatusCode::BAD_REQUEST,
            "the request has more than one Host header\n",
        ));
    }
    if host.is_some_and(|h| host_of(h).is_none()) {
        return Err((
            StatusCode::BAD_REQUEST,
            "the Host header is not a host name or address with an optional port\n",
        ));
    }
    let target = uri.authority().map(|a| a.as_str());
    if let (Some(target), Some(host)) = (target, host)
        && !target.eq_ignore_ascii_case(host)
    {
        return Err((
            StatusCode::BAD_REQUEST,
            "the request target names another host than its Host header\n",
        ));
    }
    let named = [host, target];
    if loopback_only && !named.into_iter().flatten().all(is_loopback_name) {
        return Err((StatusCode::FORBIDDEN, ONLY_LOOPBACK));
    }
    Ok(())
}

/// `localhost`, `*.localhost`, or a loopback IP, with or without a port (see `host_of`).
fn is_loopback_name(host: &str) -> bool {
    match host_of(host) {
        Some(Host::Ip(ip)) => ip.is_loopback(),
        Some(Host::Name(name)) => name == "localhost" || name.ends_with(".localhost"),
        None => false,
    }
}

/// The host a `Host` header (or a target's authority) names.
#[derive(Debug, PartialEq, Eq)]
enum Host {
    Ip(std::net::IpAddr),
    /// A DNS name, lower-cased.
    Name(String),
}

/// Parses `host [":" port]` strictly (RFC 9110 §7.2, RFC 3986 §3.2.2): an IPv6 address
/// only in brackets, both brackets; an IPv4 address; or a DNS name of letters, digits
/// and hyphens in non-empty labels; a port of 1 to 5 digits up to 65535, never an empty
/// one. Anything else (`[::1`, `::1`, `a b`, `user@host`, `host:`) is no host.
fn host_of(authority: &str) -> Option<Host> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            let ip = inside.parse::<std::net::Ipv6Addr>().ok()?;
            (Host::Ip(ip.into()), after)
        }
        None => {
            let (name, port) = match authority.split_once(':') {
                Some((name, port)) => (name, Some(port)),
                None => (authority, None),
            };
            let host = match name.parse::<std::net::Ipv4Addr>() {
                Ok(ip) => Host::Ip(ip.into()),
                Err(_) => {
                    let label = |l: &str| {
                        !l.is_empty()
                            && l.len() <= 63
                            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    };
                    // One trailing dot (`localhost.`) is the same fully qualified name.
                    let trimmed = name.strip_suffix('.').unwrap_or(name);
                    if name.len() > 254 || !trimmed.split('.').all(label) {
                        return None;
                    }
                    Host::Name(trimmed.to_ascii_lowercase())
                }
            };
            (host, port.map_or("", |_| &authority[name.len()..]))
        }
    };
    match port.strip_prefix(':') {
        None if port.is_empty() => Some(host),
        Some(digits)
            if (1..=5).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.parse::<u32>().is_ok_and(|p| p <= 65535) =>
        {
            Some(host)
        }
        _ => None,
    }
}

fn no_store(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn script(source: &'static str) -> Response {
    no_store(
        (
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            source,
        )
            .into_response(),
    )
}

/// One `state` event now and one after every rebuild; ends when the server stops.
async fn events(State(app): State<AppState>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut snapshot = app.snapshot.clone();
    snapshot.mark_changed();
    let stream = futures_util::stream::unfold(
        (snapshot, app.shutdown.clone()),
        |(mut snapshot, mut shutdown)| async move {
            let changed = tokio::select! {
                changed = snapshot.changed() => changed.is_ok(),
                _ = shutdown.wait_for(|stop| *stop) => false,
            };
            if !changed {
                return None;
            }
            let data = snapshot.borrow_and_update().event.clone();
            let event = Event::default()
                .event("state")
                .retry(Duration::from_millis(500))
                .data(data);
            Some((Ok(event), (snapshot, shutdown)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Any other path: a file of the snapshot, or an error page.
async fn file(State(app): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "405 Method Not Allowed: the preview only answers GET and HEAD\n",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    // One snapshot for the whole request: a rebuild swaps it, it never changes under us.
    let snapshot = app.snapshot.borrow().clone();
    let (key, dir) = match paths::resolve(uri.path()) {
        Resolved::File { key, dir } => (key, dir),
        Resolved::Refused(why) => {
            return plain(
                StatusCode::BAD_REQUEST,
                &format!(
                    "400 Bad Request: {why}; the preview serves only the files of the built site\n"
                ),
            );
        }
    };
    if let Some(served) = snapshot.files.get(&key) {
        return bytes(served.bytes.clone(), &served.content_type);
    }
    if search::is_bundle(&key)
        && let Some(bytes) = app.search.borrow().get(&key).cloned()
    {
        return self::bytes(bytes, &content_type(&key));
    }
    if !dir && snapshot.files.contains_key(&format!("{key}/index.html")) {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::PERMANENT_REDIRECT;
        let location = format!("{}/", uri.path());
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return no_store(response);
    }
    missing(&snapshot, uri.path(), &key)
}

/// A file's bytes, with its Content-Type.
fn bytes(bytes: axum::body::Bytes, content_type: &str) -> Response {
    let mut response = Response::new(Body::from(bytes));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    no_store(response)
}

fn plain(status: StatusCode, text: &str) -> Response {
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text.to_owned(),
    )
        .into_response();
    response = no_store(response);
    response
}

/// 404 (or 503 before any site was built): a page that lists the site's pages and
/// reloads by itself once the requested page exists.
fn missing(snapshot: &Snapshot, path: &str, key: &str) -> Response {
    let built = snapshot.site.is_some();
    let (status, heading, text) = if built {
        (
            StatusCode::NOT_FOUND,
            "Not found",
            "is not a file of the built site.",
        )
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "No site yet",
            "cannot be shown: the site has not been built yet. Fix the errors; this page reloads by itself.",
        )
    };
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{status} {heading} · policyglot serve</title>\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem}}code{{font-size:.95em}}</style></head>\n\
         <body>\n<h1>{heading}</h1>\n<p><code>{}</code> {text}</p>\n",
        esc(path)
    );
    if built {
        html.push_str("<p>Pages of the site:</p>\n<ul>\n");
        for key in snapshot
            .files
            .keys()
            .filter(|k| is_html(k) && !k.starts_with(PREVIEW))
        {
            html.push_str(&format!(
                "<li><a href=\"/{}\">/{}</a></li>\n",
                esc(key),
                esc(key)
            ));
        }
        html.push_str("</ul>\n");
    }
    html.push_str(&format!(
        "<p><a href=\"/{PREVIEW}/index.html\">Side by side, all pages</a></p>\n"
    ));
    html.push_str(&snapshot.live_script_for_missing(key));
    html.push_str("\n</body>\n</html>\n");
    no_store(
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names() {
        for yes in [
            "localhost",
            "localhost:8000",
            "LOCALHOST",
            "a.localhost:1",
            "127.0.0.1",
            "127.0.0.1:8000",
            "127.1.2.3:80",
            "[::1]",
            "[::1]:8000",
            "localhost.:8000",
            "[0:0:0:0:0:0:0:1]:65535",
        ] {
            assert!(is_loopback_name(yes), "{yes}");
        }
        for no in [
            "attacker.example",
            "localhost.attacker.example",
            "127.0.0.1.nip.io:8000",
            "192.168.1.2:8000",
            "[::2]:8000",
            "",
            "?",
            // Malformed: not a host at all, however loopback-like.
            "[::1",
            "::1",
            "[::1]x",
            "[::1]:",
            "localhost:",
            "localhost:65536",
            "localhost:0x50",
            "localhost:123456",
            "127.0.0.1:80:80",
            "user@localhost",
            "local host",
            "localhost/x",
            "..localhost",
            "a..localhost",
        ] {
            assert!(!is_loopback_name(no), "{no}");
        }
        assert_eq!(
            host_of("Example.ORG:443"),
            Some(Host::Name("example.org".into()))
        );
        assert_eq!(host_of("example.org:"), None);
    }

    #[test]
    fn one_host_and_a_target_that_agrees() {
        use axum::http::{HeaderMap, HeaderValue};
        let headers = |hosts: &[&str]| {
            let mut map = HeaderMap::new();
            for h in hosts {
                map.append(header::HOST, HeaderValue::from_str(h).unwrap());
            }
            map
        };
        let uri = |u: &str| u.parse::<Uri>().unwrap();
        let ok = |h: &[&str], u: &str| addressed_host(&headers(h), &uri(u), true).is_ok();
        assert!(ok(&["localhost:8000"], "/en/"));
        assert!(ok(&["localhost:8000"], "http://localhost:8000/en/"));
        assert!(ok(&[], "/en/"));
        assert!(!ok(&["localhost:8000"], "http://attacker.example/en/"));
        assert!(!ok(&[], "http://attacker.example/en/"));
        assert!(!ok(&["localhost:8000", "attacker.example"], "/en/"));
        assert!(!ok(&["localhost:8000", "localhost:8000"], "/en/"));
        let two = addressed_host(&headers(&["a", "b"]), &uri("/"), false).unwrap_err();
        assert_eq!(two.0, StatusCode::BAD_REQUEST);
        // With --bind every host is answered, but a target must still agree with Host,
        // and a malformed Host is refused.
        assert!(addressed_host(&headers(&["example.org"]), &uri("/"), false).is_ok());
        let malformed = addressed_host(&headers(&["[::1"]), &uri("/"), false).unwrap_err();
        assert_eq!(malformed.0, StatusCode::BAD_REQUEST);
        assert!(!ok(&["[::1"], "/en/"));
        assert!(
            addressed_host(
                &headers(&["example.org"]),
                &uri("http://other.example/"),
                false
            )
            .is_err()
        );
    }
}
