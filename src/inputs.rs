//! The one way the project's input files are read (`policy/`, `locales/`, `templates/`,
//! `locales/confirmed.yaml`): only a regular file whose real path (every symbolic link
//! resolved) is inside the project, read up to a size limit, never blocking. A link that
//! leads outside the project, a FIFO, a socket or a device is refused, and the reason
//! names nothing of the target (not its path, not a line of it): an error printed in a
//! CI log must not show a file the project does not hold.

use std::fmt;
use std::fs::{File, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Why an input was not read.
#[derive(Debug)]
pub enum Refusal {
    /// Its real path leaves the project (a symbolic link, or one of its folders is one).
    Outside,
    /// It is not a regular file (a FIFO, a socket, a device, a folder).
    NotRegular(&'static str),
    /// It is larger than the reader's limit (in bytes).
    TooLarge(u64),
    /// It could not be read (the system's reason, which holds no path).
    Io(std::io::Error),
    /// A folder could not be listed, or a link loops (walkdir's reason).
    Walk(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Outside => f.write_str(
                "refused: it is a symbolic link (or inside one) that leads outside the project, and policyglot reads only the project's own files",
            ),
            Refusal::NotRegular(kind) => write!(f, "refused: it is a {kind}, not a regular file"),
            Refusal::TooLarge(limit) => write!(f, "it is larger than the limit of {limit} bytes"),
            Refusal::Io(e) => write!(f, "{e}"),
            Refusal::Walk(e) => f.write_str(e),
        }
    }
}

impl Refusal {
    /// Whether the file is simply not there.
    pub fn is_missing(&self) -> bool {
        matches!(self, Refusal::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// The help line for a refused input.
    pub fn help(&self) -> &'static str {
        match self {
            Refusal::Outside => {
                "copy the file into the project instead of linking to it (links between the project's own files are fine)"
            }
            Refusal::NotRegular(_) => "replace it with a regular file, or remove it",
            _ => "make the file readable",
        }
    }
}

/// What kind of non-regular file `file_type` is, for a message.
fn kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "socket";
        }
        if file_type.is_char_device() {
            return "character device";
        }
        if file_type.is_block_device() {
            return "block device";
        }
    }
    if file_type.is_dir() {
        "folder"
    } else if file_type.is_symlink() {
        "symbolic link"
    } else {
        "special file"
    }
}

/// The input files found under a folder.
#[derive(Debug, Default)]
pub struct Walked {
    /// Each file, with its size, in file-name order.
    pub files: Vec<(PathBuf, u64)>,
    /// Each path that would have been an input and is refused.
    pub refused: Vec<(PathBuf, Refusal)>,
}

/// The project folder that inputs must stay inside.
#[derive(Debug, Clone)]
pub struct Boundary {
    /// The project root, every link resolved.
    root: PathBuf,
}

impl Boundary {
    /// The boundary of the project at `root`.
    pub fn new(root: &Path) -> Boundary {
        Boundary {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    /// The boundary of the project that holds `path` as `shown_as`, its path relative to
    /// the project root (`locales`, `policy/policy.yaml`); when `path` does not end with
    /// it, the folder `path` is in (or is).
    pub fn of(path: &Path, shown_as: &Path) -> Boundary {
        let mut root = path;
        if !shown_as.as_os_str().is_empty() && path.ends_with(shown_as) {
            for _ in shown_as.components() {
                root = root.parent().unwrap_or(root);
            }
        } else if !path.is_dir() {
            root = path.parent().unwrap_or(path);
        }
        let root = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        Boundary::new(root)
    }

    /// Whether the real path of `path` is inside the project.
    fn inside(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let real = path.canonicalize().map_err(Refusal::Io)?;
        if real.starts_with(&self.root) {
            Ok(real)
        } else {
            Err(Refusal::Outside)
        }
    }

    /// The bytes of the input file `path`, at most `limit` of them.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
        let (file, len) = self.open(path)?;
        if len > limit {
            return Err(Refusal::TooLarge(limit));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(Refusal::Io)?;
        if bytes.len() as u64 > limit {
            return Err(Refusal::TooLarge(limit));
        }
        Ok(bytes)
    }

    /// The input file `path`, open for reading, and its size.
    pub fn open(&self, path: &Path) -> Result<(File, u64), Refusal> {
        let real = self.inside(path)?;
        let file = open(&real).map_err(|e| match e.raw_os_error() {
            // The last component became a link after it was resolved.
            #[cfg(unix)]
            Some(libc::ELOOP) => Refusal::Outside,
            _ => Refusal::Io(e),
        })?;
        // Decided on the opened file itself, so no swap after the check can matter.
        let metadata = file.metadata().map_err(Refusal::Io)?;
        if !metadata.is_file() {
            return Err(Refusal::NotRegular(kind(metadata.file_type())));
        }
        Ok((file, metadata.len()))
    }

    /// The files under `dir` for which `wanted` holds, links inside the project followed
    /// and hidden entries (`.git/`, editor files) skipped. A link that leaves the
    /// project, a wanted name that is not a regular file and an unreadable folder are
    /// refused (a folder outside is never listed: its file names are not the project's).
    pub fn walk(&self, dir: &Path, wanted: impl Fn(&Path) -> bool) -> Walked {
        let mut walked = Walked::default();
        // No folder is no files (the caller says what is missing).
        if std::fs::symlink_metadata(dir).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return walked;
        }
        let mut walk = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(dir).to_path_buf();
                    let why = if e.loop_ancestor().is_some() {
                        "a symbolic link loops back to a folder above it".to_owned()
                    } else {
                        e.io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string)
                    };
                    walked.refused.push((path, Refusal::Walk(why)));
                    continue;
                }
            };
            let is_dir = entry.file_type().is_dir();
            if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') {
                if is_dir {
                    walk.skip_current_dir();
                }
                continue;
            }
            if (entry.depth() == 0 || entry.path_is_symlink())
                && let Err(refusal) = self.inside(entry.path())
            {
                if is_dir {
                    walk.skip_current_dir();
                }
                if is_dir || wanted(entry.path()) {
                    walked.refused.push((entry.into_path(), refusal));
                }
                continue;
            }
            if is_dir || !wanted(entry.path()) {
                continue;
            }
            if !entry.file_type().is_file() {
                let refusal = Refusal::NotRegular(kind(entry.file_type()));
                walked.refused.push((entry.into_path(), refusal));
                continue;
            }
            let size = entry.metadata().map_or(0, |m| m.len());
            walked.files.push((entry.into_path(), size));
        }
        walked
    }
}

/// Opens `path` for reading without following a last link and without blocking (a
/// FIFO opens at once, and is then refused as one).
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY);
    }
    options.open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;
    use std::time::{Duration, Instant};

    #[test]
    fn reads_files_and_links_inside_and_refuses_the_rest_without_naming_targets() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.ftl"), "secret = 1\n").unwrap();
        let project = tempfile::tempdir().unwrap();
        let root = project.path();
        std::fs::create_dir_all(root.join("locales/fr")).unwrap();
        std::fs::write(root.join("locales/fr/a.ftl"), "a = A\n").unwrap();
        symlink("a.ftl", root.join("locales/fr/b.ftl")).unwrap();
        symlink(
            outside.path().join("secret.ftl"),
            root.join("locales/fr/c.ftl"),
        )
        .unwrap();
        symlink(outside.path(), root.join("locales/fr/d")).unwrap();
        let fifo = root.join("locales/fr/e.ftl");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let boundary = Boundary::of(&root.join("locales"), Path::new("locales"));
        let walked = boundary.walk(&root.join("locales"), |p| {
            p.extension().is_some_and(|x| x == "ftl")
        });
        let names = |list: Vec<PathBuf>| -> Vec<String> {
            list.iter()
                .map(|p| p.strip_prefix(root).unwrap().display().to_string())
                .collect()
        };
        assert_eq!(
            names(walked.files.iter().map(|(p, _)| p.clone()).collect()),
            ["locales/fr/a.ftl", "locales/fr/b.ftl"]
        );
        assert_eq!(
            names(walked.refused.iter().map(|(p, _)| p.clone()).collect()),
            ["locales/fr/c.ftl", "locales/fr/d", "locales/fr/e.ftl"]
        );
        let reasons: Vec<String> = walked.refused.iter().map(|(_, r)| r.to_string()).collect();
        assert!(
            reasons[0].contains("leads outside the project"),
            "{reasons:?}"
        );
        assert!(reasons[2].contains("FIFO"), "{reasons:?}");
        for reason in &reasons {
            assert!(
                !reason.contains(&*outside.path().to_string_lossy()),
                "{reason}"
            );
        }
        assert_eq!(
            boundary.read(&root.join("locales/fr/b.ftl"), 100).unwrap(),
            b"a = A\n"
        );
        assert!(matches!(
            boundary.read(&root.join("locales/fr/c.ftl"), 100),
            Err(Refusal::Outside)
        ));
        let started = Instant::now();
        assert!(matches!(
            boundary.read(&fifo, 100),
            Err(Refusal::NotRegular(_))
        ));
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(matches!(
            boundary.read(&root.join("locales/fr/a.ftl"), 3),
            Err(Refusal::TooLarge(3))
        ));
        assert!(
            boundary
                .read(&root.join("locales/fr/none.ftl"), 3)
                .unwrap_err()
                .is_missing()
        );
    }
}
