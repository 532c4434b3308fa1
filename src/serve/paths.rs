//! Request paths to keys of the in-memory site (`fr/data-retention.html`), refusing
//! anything that tries to leave it: `..` (plain or percent-encoded), `//`, backslashes,
//! NUL bytes. The site is a map, so no path can reach the disk; this is a second wall.

use percent_encoding::percent_decode_str;

/// What a request path means.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file key; `dir` when the path ended with `/` (the key is then `…/index.html`).
    File { key: String, dir: bool },
    /// Refused outright (answered 400): traversal, an empty segment, a malformed path.
    Refused(&'static str),
}

/// Resolves the path of a request URI (still percent-encoded, without the query).
pub fn resolve(raw: &str) -> Resolved {
    let Some(rest) = raw.strip_prefix('/') else {
        return Resolved::Refused("the path must start with `/`");
    };
    let Ok(decoded) = percent_decode_str(rest).decode_utf8() else {
        return Resolved::Refused("the path is not valid UTF-8");
    };
    if decoded.chars().any(|c| c == '\\' || c.is_control()) {
        return Resolved::Refused("the path holds a backslash or a control character");
    }
    let dir = decoded.is_empty() || decoded.ends_with('/');
    let body = decoded.strip_suffix('/').unwrap_or(&decoded);
    let mut segments = Vec::new();
    if !body.is_empty() {
        for segment in body.split('/') {
            match segment {
                "" => return Resolved::Refused("the path has an empty segment (`//`)"),
                "." | ".." => return Resolved::Refused("the path has a `.` or `..` segment"),
                s if s.contains(':') => {
                    return Resolved::Refused("the path has a `:` (a drive or scheme)");
                }
                s => segments.push(s),
            }
        }
    }
    if dir {
        segments.push("index.html");
    }
    Resolved::File {
        key: segments.join("/"),
        dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> String {
        match resolve(raw) {
            Resolved::File { key, .. } => key,
            Resolved::Refused(why) => panic!("{raw} refused: {why}"),
        }
    }

    #[test]
    fn site_paths_map_to_keys() {
        assert_eq!(key("/"), "index.html");
        assert_eq!(key("/fr/"), "fr/index.html");
        assert_eq!(key("/fr/data-retention.html"), "fr/data-retention.html");
        assert_eq!(key("/assets/style.css"), "assets/style.css");
        assert_eq!(key("/fr/caf%C3%A9.html"), "fr/café.html");
        assert_eq!(
            resolve("/fr"),
            Resolved::File {
                key: "fr".into(),
                dir: false
            }
        );
    }

    #[test]
    fn traversal_and_odd_paths_are_refused() {
        for raw in [
            "/../Cargo.toml",
            "/fr/../../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/..%2fCargo.toml",
            "/fr/..%2f..%2fCargo.toml",
            "/..%5cCargo.toml",
            "/..\\Cargo.toml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/fr//x.html",
            "/./index.html",
            "/C:/Windows/win.ini",
            "/fr/x%00.html",
            "/%ff.html",
            "relative",
        ] {
            assert!(
                matches!(resolve(raw), Resolved::Refused(_)),
                "{raw} must be refused"
            );
        }
    }

    #[test]
    fn double_encoding_stays_a_literal_name() {
        // Decoded once, `%252e` is the literal text `%2e`: a name no site file has.
        assert_eq!(key("/%252e%252e/Cargo.toml"), "%2e%2e/Cargo.toml");
    }
}
