//! The preview's HTTP server: answers only its own user, and only to read.
//!
//! It listens on 127.0.0.1 and answers only requests addressed to
//! `127.0.0.1`, `localhost` or `[::1]`, so a web page elsewhere cannot read
//! the drafts through a name that it points at 127.0.0.1 (DNS rebinding).
//! It answers GET and HEAD and nothing else.
//!
//! A fixed pool of threads answers every connection: a connection, or a page
//! waiting for the next build, is a task on that pool rather than a thread of
//! its own, and both are capped, so no number of requests grows the process.

use super::preview::{Answer, Preview};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{
    ALLOW, CACHE_CONTROL, CONNECTION, CONTENT_TYPE, HOST, HeaderValue, RETRY_AFTER,
};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Threads answering requests.
const WORKERS: usize = 4;

/// Connections open at once; more wait to be accepted.
const MAX_CONNECTIONS: usize = 256;

/// Pages waiting for the next build at once; more are told to ask again later.
pub(super) const MAX_WAITING: usize = 64;

/// How long a page's reload request waits before it is answered anyway.
const LONG_POLL: Duration = Duration::from_secs(25);

/// A client that has not sent its request's headers by then is dropped.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The path the reload script waits on.
const WAIT_PATH: &str = "/__outturn/wait";

/// Serves `preview` on `listener` until the process ends.
pub(super) fn serve(listener: TcpListener, preview: Arc<Preview>) -> anyhow::Result<()> {
    let port = listener.local_addr()?.port();
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        // Nothing here blocks; this only bounds what a library might ask for.
        .max_blocking_threads(1)
        .thread_name("outturn-serve")
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        let server = Arc::new(Server {
            preview,
            port,
            waiting: Semaphore::new(MAX_WAITING),
        });
        loop {
            let permit = connections.clone().acquire_owned().await?;
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file handles, say: wait a moment, never give up.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let server = server.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(|request| {
                    let server = server.clone();
                    async move { Ok::<_, Infallible>(server.answer(request).await) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(HEADER_TIMEOUT)
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
                drop(permit);
            });
        }
    })
}

/// What every connection shares.
struct Server {
    preview: Arc<Preview>,
    /// The port listened on, which a request's Host may name.
    port: u16,
    /// One permit for each page that may wait for the next build.
    waiting: Semaphore,
}

impl Server {
    async fn answer(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        let host = request
            .uri()
            .authority()
            .map(|a| a.as_str().to_string())
            .or_else(|| {
                let host = request.headers().get(HOST)?;
                Some(String::from_utf8_lossy(host.as_bytes()).into_owned())
            });
        let Some(host) = host else {
            return refusal(400, "A request needs a Host header.");
        };
        if !host_is_ours(&host, self.port) {
            return refusal(
                421,
                "This preview answers only http://127.0.0.1, http://localhost and http://[::1].",
            );
        }
        if request.method() != Method::GET && request.method() != Method::HEAD {
            let mut response = refusal(405, "The preview only reads: GET and HEAD.");
            response
                .headers_mut()
                .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
            return response;
        }
        let raw = request.uri().path();
        if raw == WAIT_PATH {
            let seen = request
                .uri()
                .query()
                .unwrap_or("")
                .split('&')
                .find_map(|pair| pair.strip_prefix("v=")?.parse().ok())
                .unwrap_or(0);
            let head = request.method() == Method::HEAD;
            return self.wait(seen, head).await;
        }
        let Some(path) = safe_path(raw) else {
            return refusal(400, "That address is not a page of the site.");
        };
        let Answer { status, kind, body } = self.preview.current().answer(&path);
        respond(status, kind, body)
    }

    /// Answers once a build newer than `seen` is shown, or after a while
    /// anyway; at once when too many pages are waiting already.
    async fn wait(&self, seen: u64, head: bool) -> Response<Full<Bytes>> {
        let mut builds = self.preview.subscribe();
        if !head {
            let Ok(_slot) = self.waiting.try_acquire() else {
                let mut response = refusal(503, "Too many pages are waiting; ask again later.");
                let headers = response.headers_mut();
                headers.insert(RETRY_AFTER, HeaderValue::from_static("2"));
                headers.insert(CONNECTION, HeaderValue::from_static("close"));
                return response;
            };
            let _ = tokio::time::timeout(LONG_POLL, builds.wait_for(|s| s.version != seen)).await;
        }
        let version = builds.borrow().version;
        respond(200, "text/plain; charset=utf-8", version.to_string().into())
    }
}

/// Whether a request's Host (or absolute URL's authority) names this
/// server: 127.0.0.1, localhost or [::1], with no port or the one listened on.
fn host_is_ours(host: &str, port: u16) -> bool {
    let (name, given_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((inside, after)) => (&host[..inside.len() + 2], after),
            None => return false,
        },
        None => match host.split_once(':') {
            Some((name, _)) => (name, &host[name.len()..]),
            None => (host, ""),
        },
    };
    let port_ok = given_port.is_empty()
        || given_port
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()) && p.parse() == Ok(port));
    port_ok
        && ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .any(|ours| name.eq_ignore_ascii_case(ours))
}

/// The decoded path, or `None` if it climbs out of the site (`..`), or
/// holds what no file of the site is named with.
fn safe_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path);
    let bad = decoded.contains(['\\', '\0'])
        || decoded
            .split('/')
            .any(|segment| segment == ".." || segment == ".");
    (!bad).then_some(decoded)
}

/// `%20` → space, so files with spaces in their names can be previewed.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn respond(status: u16, kind: &'static str, body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A short plain answer that shows nothing of the site.
fn refusal(status: u16, message: &'static str) -> Response<Full<Bytes>> {
    respond(
        status,
        "text/plain; charset=utf-8",
        Bytes::from_static(message.as_bytes()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_its_own_names_with_or_without_its_port() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "LocalHost:1111",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(host_is_ours(host, 1111), "{host}");
        }
    }

    #[test]
    fn refuses_other_names_and_other_ports() {
        for host in [
            "",
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io:1111",
            "localhost:2222",
            "localhost:",
            "localhost:1111:1111",
            "localhost:+1111",
            "[::1]:2222",
            "[::1",
            "[::2]:1111",
            "127.0.0.2",
            "0.0.0.0:1111",
        ] {
            assert!(!host_is_ours(host, 1111), "{host}");
        }
    }

    #[test]
    fn refuses_paths_that_climb_out_of_the_site() {
        for path in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/a/%2E%2E/%2e%2e/x",
            "/a\\..\\b",
            "/./x",
        ] {
            assert_eq!(safe_path(path), None, "{path}");
        }
        assert_eq!(safe_path("/my%20file.pdf").as_deref(), Some("/my file.pdf"));
        assert_eq!(safe_path("/a..b/").as_deref(), Some("/a..b/"));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("my%20file.pdf"), "my file.pdf");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
