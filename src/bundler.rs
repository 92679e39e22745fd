//! The bundler: a folder of posts in, a bundle and a full account out.
//!
//! Every file under the folder ends up either in the bundle or in the
//! [`Report`], with its path, the line when one is at fault, and the reason.
//! Posts are read on all cores; the output is the same bytes for the same input.

use crate::article::Article;
use crate::bundle::Bundle;
use crate::post::{read_post, PostOptions};
use chrono::{DateTime, Utc};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub mod split;

/// How serious a report entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Not a post (wrong extension); left out on purpose.
    Ignored,
    /// Bundled, but something was guessed or repaired.
    Warning,
    /// Not bundled.
    Error,
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    /// Path relative to the posts folder, `/`-separated.
    pub file: String,
    /// 1-based line, when one place is at fault.
    pub line: Option<usize>,
    /// How serious it is.
    pub severity: Severity,
    /// What happened.
    pub message: String,
}

/// The full account of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Posts that made it into the bundle.
    pub bundled: usize,
    /// Every warning, error and ignored file, sorted by file.
    pub entries: Vec<ReportEntry>,
}

impl Report {
    /// Entries of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.entries
            .iter()
            .filter(|e| e.severity == severity)
            .count()
    }
}

/// Why a run could not happen at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BundlerError {
    /// The posts folder cannot be listed.
    #[error("cannot read the posts folder {path}: {source}")]
    UnreadableFolder {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bundle cannot be written.
    #[error("cannot write the bundle {path}: {source}")]
    Write {
        /// The bundle file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file of a split bundle cannot be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Reads every post under `folder` into a bundle.
///
/// # Errors
/// Only when `folder` itself cannot be read. Problems with single files are
/// entries of the report, and the other posts are still bundled.
pub fn bundle_folder(
    folder: &Path,
    options: &PostOptions,
) -> Result<(Bundle, Report), BundlerError> {
    bundle_folder_with_progress(folder, options, &NoProgress)
}

/// Hears how a run advances (the command line draws a progress bar).
pub trait Progress: Sync {
    /// The posts have been found: `total` will be read.
    fn start(&self, total: usize);
    /// One more post was read.
    fn advance(&self);
}

struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: usize) {}
    fn advance(&self) {}
}

/// [`bundle_folder`], telling `progress` as posts are read.
///
/// # Errors
/// As [`bundle_folder`].
pub fn bundle_folder_with_progress(
    folder: &Path,
    options: &PostOptions,
    progress: &dyn Progress,
) -> Result<(Bundle, Report), BundlerError> {
    let unreadable = |source| BundlerError::UnreadableFolder {
        path: folder.to_owned(),
        source,
    };
    std::fs::read_dir(folder).map_err(unreadable)?;

    let mut report = Report::default();
    let mut posts = Vec::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => {
                let relative = relative_source(folder, entry.path());
                if entry.path().extension().is_some_and(|ext| ext == "md") {
                    posts.push((relative, entry.into_path()));
                } else {
                    report.entries.push(ReportEntry {
                        file: relative,
                        line: None,
                        severity: Severity::Ignored,
                        message: "not a post (only .md files are bundled)".to_owned(),
                    });
                }
            }
            Err(err) => report.entries.push(ReportEntry {
                file: err.path().map_or_else(
                    || folder.display().to_string(),
                    |p| relative_source(folder, p),
                ),
                line: None,
                severity: Severity::Error,
                message: format!("cannot read: {err}"),
            }),
        }
    }

    progress.start(posts.len());
    let outcomes: Vec<(String, PostOutcome)> = posts
        .into_par_iter()
        .map(|(source, path)| {
            let outcome = read_one(&source, &path, options);
            progress.advance();
            (source, outcome)
        })
        .collect();

    let mut articles = Vec::with_capacity(outcomes.len());
    let mut seen: HashMap<String, String> = HashMap::new();
    for (source, outcome) in outcomes {
        match outcome {
            Ok((article, warnings)) => {
                if let Some(first) = seen.get(&article.id) {
                    report.entries.push(ReportEntry {
                        file: source,
                        line: None,
                        severity: Severity::Error,
                        message: format!(
                            "id {} is already used by {first}; not bundled",
                            article.id
                        ),
                    });
                    continue;
                }
                seen.insert(article.id.clone(), source);
                report.entries.extend(warnings);
                articles.push(article);
            }
            Err(entry) => report.entries.push(entry),
        }
    }
    articles.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    report.bundled = articles.len();
    report
        .entries
        .sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    Ok((Bundle::new(articles), report))
}

/// A post read into an article with its warnings, or the error that kept it out.
type PostOutcome = Result<(Article, Vec<ReportEntry>), ReportEntry>;

fn read_one(source: &str, path: &Path, options: &PostOptions) -> PostOutcome {
    let error = |line, message| ReportEntry {
        file: source.to_owned(),
        line,
        severity: Severity::Error,
        message,
    };
    let bytes = std::fs::read(path).map_err(|err| error(None, format!("cannot read: {err}")))?;
    let modified = std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
        .map(DateTime::<Utc>::from);
    let post = read_post(source, &bytes, modified, options)
        .map_err(|err| error(err.line(), format!("{err}; not bundled")))?;
    if options.strict {
        if let Some(first) = post.warnings.first() {
            return Err(error(
                first.line,
                format!("{} (--strict: not bundled)", first.message),
            ));
        }
    }
    let warnings = post
        .warnings
        .into_iter()
        .map(|finding| ReportEntry {
            file: source.to_owned(),
            line: finding.line,
            severity: Severity::Warning,
            message: finding.message,
        })
        .collect();
    Ok((post.article, warnings))
}

/// `path` relative to `folder`, with `/` separators on every platform.
fn relative_source(folder: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(folder).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes `bundle` to `path` through a temporary file in the same folder and a
/// rename, so an interrupted run leaves the previous bundle intact.
///
/// # Errors
/// When the folder is not writable or the disk is full.
pub fn write_bundle(bundle: &Bundle, path: &Path) -> Result<(), BundlerError> {
    // Streamed, not built as one string: at 100,000 posts the JSON is as large
    // as every body together, and holding it twice would double peak memory.
    write_atomically(path, |file| {
        let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
        serde_json::to_writer(&mut writer, bundle).map_err(std::io::Error::other)?;
        writer.flush()
    })
}

/// Writes `path` by letting `write` fill a temporary file beside it, then
/// renaming it over `path`. If `write` fails (or the process dies), `path`
/// keeps its old content and the temporary file is removed (or, after a
/// crash, left as an unrelated `.tmp*` file).
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), BundlerError> {
    let failed = |source| BundlerError::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
    // Temporary files are created private (0600); a bundle is meant to be
    // served, so it gets the old file's permissions or a readable default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|meta| meta.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        std::fs::set_permissions(temporary.path(), permissions).map_err(failed)?;
    }
    write(temporary.as_file_mut()).map_err(failed)?;
    temporary.as_file().sync_all().map_err(failed)?;
    temporary.persist(path).map_err(|err| failed(err.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(folder: &Path, relative: &str, text: &[u8]) {
        let path = folder.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn every_file_is_accounted_for() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "a/one.md",
            b"---\ntitle: One\ndate: 2021-01-01\n---\n<p>1</p>",
        );
        write(
            dir.path(),
            "b/two.md",
            b"---\ntitle: Two\ndate: 2020-01-01\n---\n<p>2</p>",
        );
        write(dir.path(), "b/bad.md", b";;;\n\"title\": \n;;;\n");
        write(dir.path(), "b/cover.jpg", b"\xff\xd8");
        let (bundle, report) = bundle_folder(dir.path(), &PostOptions::default()).unwrap();
        let titles: Vec<_> = bundle.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Two", "One"], "oldest first");
        assert_eq!(report.bundled, 2);
        let files: Vec<_> = report
            .entries
            .iter()
            .map(|e| (e.file.as_str(), e.severity))
            .collect();
        assert_eq!(
            files,
            [
                ("b/bad.md", Severity::Error),
                ("b/cover.jpg", Severity::Ignored)
            ]
        );
        assert_eq!(report.entries[0].line, Some(2));
    }

    #[test]
    fn strict_refuses_posts_with_warnings() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "guess.md",
            b"---\ntitle: \"\"\"x'\"\"\"\ndate: 2021-01-01\n---\n<p>1</p>",
        );
        let strict = PostOptions {
            strict: true,
            ..PostOptions::default()
        };
        let (bundle, report) = bundle_folder(dir.path(), &strict).unwrap();
        assert!(bundle.articles.is_empty());
        assert_eq!(report.count(Severity::Error), 1);
        assert!(report.entries[0]
            .message
            .ends_with("(--strict: not bundled)"));
        let (lenient, _) = bundle_folder(dir.path(), &PostOptions::default()).unwrap();
        assert_eq!(lenient.articles.len(), 1);
    }

    #[test]
    fn output_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..20 {
            write(
                dir.path(),
                &format!("p{n}.md"),
                format!(
                    "---\ntitle: P{n}\ndate: 2021-01-{:02}\n---\n<p>{n}</p>",
                    n % 5 + 1
                )
                .as_bytes(),
            );
        }
        let first = bundle_folder(dir.path(), &PostOptions::default())
            .unwrap()
            .0;
        let second = bundle_folder(dir.path(), &PostOptions::default())
            .unwrap()
            .0;
        assert_eq!(first.to_json().unwrap(), second.to_json().unwrap());
    }

    #[test]
    fn an_unreadable_folder_is_an_error() {
        let err = bundle_folder(Path::new("/no/such/folder"), &PostOptions::default()).unwrap_err();
        assert!(err.to_string().contains("/no/such/folder"), "{err}");
    }

    #[test]
    fn an_interrupted_write_leaves_the_old_bundle_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.json");
        write_bundle(&Bundle::new(vec![]), &path).unwrap();
        let before = fs::read(&path).unwrap();
        let err = write_atomically(&path, |file| {
            file.write_all(b"{\"format\":\"folio-bundle\",\"vers")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(crate::bundle::parse(&fs::read_to_string(&path).unwrap()).is_ok());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the partial file is gone"
        );
    }

    #[test]
    fn writing_replaces_the_bundle_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.json");
        fs::write(&path, "old").unwrap();
        write_bundle(&Bundle::new(vec![]), &path).unwrap();
        let written = fs::read_to_string(&path).unwrap();
        assert!(crate::bundle::parse(&written).is_ok(), "{written}");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = dir.path().join("fresh.json");
            write_bundle(&Bundle::new(vec![]), &fresh).unwrap();
            let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "a new bundle is readable by a web server");
        }
    }
}
