//! The little HTTP/1.1 a preview needs: GET and HEAD, one request per connection, and a
//! request path turned into a file of the site or refused. Nothing here reads the disk: the
//! site is served from memory, and a path that tries to leave it is refused before it is
//! looked up.

use std::io::{self, BufRead, BufReader, Write};
use std::net::TcpStream;

pub(super) struct Request {
    pub method: String,
    /// The path as sent, without the query.
    pub path: String,
    pub query: String,
    /// The `Host` header, if the request had one.
    pub host: Option<String>,
}

/// Reads the request line and headers (the body of a GET is ignored).
pub(super) fn read_request(stream: &TcpStream) -> io::Result<Option<Request>> {
    let mut reader = BufReader::new(stream.take_limit());
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else { return Ok(None) };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut request =
        Request { method: method.to_string(), path: path.to_string(), query: query.to_string(), host: None };
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("host")
        {
            request.host = Some(value.trim().to_string());
        }
    }
    Ok(Some(request))
}

/// Whether a request was sent to this computer's preview by name: a page of another site
/// that the editor opens can point its own host name at 127.0.0.1 (DNS rebinding) and
/// would then read the preview, were the `Host` it sends not checked.
pub(super) fn is_local_host(host: Option<&str>, port: u16) -> bool {
    let Some(host) = host else { return false };
    ["127.0.0.1", "localhost", "[::1]"].iter().any(|name| host.eq_ignore_ascii_case(&format!("{name}:{port}")))
}

trait TakeLimit {
    fn take_limit(&self) -> io::Take<&TcpStream>;
}

impl TakeLimit for TcpStream {
    /// Headers of a browser's GET fit in a few KB; a client sending more is not a browser.
    fn take_limit(&self) -> io::Take<&TcpStream> {
        io::Read::take(self, 64 * 1024)
    }
}

/// Why a path is refused.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// `..`, an encoded slash or backslash, a NUL: an attempt to leave the site.
    Forbidden,
    /// Not a path at all (no leading slash, bad percent-encoding, not UTF-8).
    Malformed,
}

/// The site file a request path names, as a key of the site (`ja/index.html`).
/// `/` and paths ending in `/` name the folder's index.html.
pub(super) fn site_key(path: &str) -> Result<String, Refusal> {
    let Some(rest) = path.strip_prefix('/') else { return Err(Refusal::Malformed) };
    let lower = rest.to_ascii_lowercase();
    // An encoded slash or backslash inside a segment is how paths sneak past a check that
    // looks at segments before decoding.
    if ["%2f", "%5c", "%00"].iter().any(|encoded| lower.contains(encoded)) {
        return Err(Refusal::Forbidden);
    }
    let decoded = percent_decode(rest).ok_or(Refusal::Malformed)?;
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return Err(Refusal::Forbidden),
            s if s.contains('\\') || s.contains('\0') => return Err(Refusal::Forbidden),
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if decoded.is_empty() || decoded.ends_with('/') {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Ok(key)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub(super) fn content_type(key: &str) -> &'static str {
    match key.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

pub(super) struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

impl Response {
    pub(super) fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response { status, content_type, body: body.into(), location: None }
    }

    pub(super) fn text(status: u16, body: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", body)
    }

    pub(super) fn redirect(location: String) -> Response {
        Response { location: Some(location), ..Response::text(301, "moved") }
    }

    pub(super) fn write_to(&self, stream: &mut TcpStream, head_only: bool) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        );
        if let Some(location) = &self.location {
            head.push_str(&format!("Location: {location}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        _ => "Internal Server Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_computers_names_with_the_port_are_answered() {
        for host in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000", "[::1]:4000"] {
            assert!(is_local_host(Some(host), 4000), "{host}");
        }
        for host in [
            Some("evil.example:4000"),
            Some("127.0.0.1"),
            Some("localhost:4001"),
            Some("127.0.0.1.evil.example:4000"),
            None,
        ] {
            assert!(!is_local_host(host, 4000), "{host:?}");
        }
    }

    #[test]
    fn paths_name_site_files() {
        assert_eq!(site_key("/").unwrap(), "index.html");
        assert_eq!(site_key("/ja/").unwrap(), "ja/index.html");
        assert_eq!(site_key("/ja/acp/what-is-acp/").unwrap(), "ja/acp/what-is-acp/index.html");
        assert_eq!(site_key("/assets/style.css").unwrap(), "assets/style.css");
        assert_eq!(site_key("/ja//search/").unwrap(), "ja/search/index.html");
        assert_eq!(site_key("/ja/%E3%81%82.png").unwrap(), "ja/あ.png");
    }

    #[test]
    fn paths_that_try_to_leave_the_site_are_refused() {
        for path in [
            "/../site.yaml",
            "/ja/../../etc/passwd",
            "/%2e%2e/site.yaml",
            "/ja/%2E%2E/%2E%2E/site.yaml",
            "/..%2fsite.yaml",
            "/ja%2F..%2F..%2Fsite.yaml",
            "/..%5csite.yaml",
            "/ja\\..\\site.yaml",
            "/a%00.html",
            "/./index.html",
        ] {
            assert_eq!(site_key(path), Err(Refusal::Forbidden), "{path}");
        }
        assert_eq!(site_key("no-slash"), Err(Refusal::Malformed));
        assert_eq!(site_key("/%zz"), Err(Refusal::Malformed));
    }
}
