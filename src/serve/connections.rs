//! The accept loop of `serve`, made to outlast hostile clients: each HTTP/1 connection
//! must send its request head within `HEADER_TIMEOUT` (hyper closes it otherwise, idle
//! keep-alive connections included), and at most `limit()` connections are open at once,
//! well under the process's descriptor limit. When that many are open, the oldest one
//! that has not sent a whole request head yet is closed to make room, so a crowd of
//! half-open connections can delay nobody; when all of them are serving requests (live
//! event streams), new clients wait for one to end.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use hyper::service::Service as _;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};

/// How long a client has to send a request head (browsers send it at once).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The most connections served at once: half the descriptor limit (the rest is left to
/// the rebuilds' file reads, the watcher and git), at most 1,024.
pub fn limit() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes into the struct it is given.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &raw mut limit) } == 0 {
            let soft = usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX);
            return (soft / 2).clamp(8, 1024);
        }
    }
    256
}

/// One open connection.
struct Open {
    accepted: Instant,
    /// Set when its first request head has been read.
    started: Arc<AtomicBool>,
    /// Tells its task to drop it.
    close: Arc<Notify>,
    closing: bool,
}

/// The open connections, and a signal each time one ends.
#[derive(Default)]
struct Registry {
    open: Mutex<HashMap<u64, Open>>,
    ended: Notify,
}

impl Registry {
    /// Waits until fewer than `limit` connections are open, closing the oldest one
    /// that has not sent a request head when there is one.
    async fn room(&self, limit: usize) {
        loop {
            {
                let mut open = self.open.lock().expect("not poisoned");
                if open.len() < limit {
                    return;
                }
                let oldest = open
                    .values_mut()
                    .filter(|c| !c.closing && !c.started.load(Ordering::Acquire))
                    .min_by_key(|c| c.accepted);
                if let Some(oldest) = oldest {
                    oldest.closing = true;
                    oldest.close.notify_one();
                }
            }
            self.ended.notified().await;
        }
    }

    fn remove(&self, id: u64) {
        self.open.lock().expect("not poisoned").remove(&id);
        self.ended.notify_one();
    }

    fn is_empty(&self) -> bool {
        self.open.lock().expect("not poisoned").is_empty()
    }
}

/// Serves `router` on `listener` until `shutdown` turns true, then lets each open
/// connection finish its response and returns when all are closed.
pub async fn serve(listener: TcpListener, router: Router, shutdown: watch::Receiver<bool>) {
    let limit = limit();
    let registry = Arc::new(Registry::default());
    let mut stop = shutdown.clone();
    let mut next = 0u64;
    loop {
        tokio::select! {
            () = registry.room(limit) => {}
            _ = stop.wait_for(|s| *s) => break,
        }
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|s| *s) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of descriptors (another part of the process holds them) or a
            // connection reset before it was accepted: try again shortly.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let id = next;
        next += 1;
        let started = Arc::new(AtomicBool::new(false));
        let close = Arc::new(Notify::new());
        registry.open.lock().expect("not poisoned").insert(
            id,
            Open {
                accepted: Instant::now(),
                started: started.clone(),
                close: close.clone(),
                closing: false,
            },
        );
        let hyper_service = TowerToHyperService::new(router.clone());
        let service = hyper::service::service_fn(move |request| {
            started.store(true, Ordering::Release);
            hyper_service.call(request)
        });
        let registry = registry.clone();
        let mut stop = shutdown.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            let mut stopping = false;
            loop {
                tokio::select! {
                    // Served, closed by the client, or timed out: the same end.
                    _ = connection.as_mut() => break,
                    () = close.notified() => break,
                    _ = stop.wait_for(|s| *s), if !stopping => {
                        stopping = true;
                        connection.as_mut().graceful_shutdown();
                    }
                }
            }
            registry.remove(id);
        });
    }
    drop(listener);
    while !registry.is_empty() {
        registry.ended.notified().await;
    }
}
