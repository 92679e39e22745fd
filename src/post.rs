//! One post file in, one article out.
//!
//! Pure: the caller does the file I/O and passes the bytes, so every rule here
//! (encoding, header, title, date, body) is testable without a file system.

use crate::article::{Article, BodyFormat, ExtraFields};
use crate::date::{date_in_file_name, parse_post_date, to_rfc3339_utc, Zone};
use crate::derive::derive;
use crate::front_matter::{self, FrontMatterError, Kind};
use crate::sanitize;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// How posts are read.
#[derive(Debug, Clone, Copy)]
pub struct PostOptions {
    /// The zone for dates written without one.
    pub zone: Zone,
    /// Whether a post with any warning is refused (`--strict`).
    pub strict: bool,
}

impl Default for PostOptions {
    fn default() -> Self {
        PostOptions {
            zone: Zone::utc(),
            strict: false,
        }
    }
}

/// A post the bundler could read, and what it had to guess.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadPost {
    /// The article built from the post.
    pub article: Article,
    /// Findings that did not stop the post from being bundled.
    pub warnings: Vec<Finding>,
}

/// A note about one place in a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line in the file, when one place is at fault.
    pub line: Option<usize>,
    /// What was found, and what was done about it.
    pub message: String,
}

/// Why a post could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PostError {
    /// The header could not be read.
    #[error(transparent)]
    FrontMatter(#[from] FrontMatterError),
}

impl PostError {
    /// The line at fault, when the error knows it.
    pub fn line(&self) -> Option<usize> {
        match self {
            PostError::FrontMatter(FrontMatterError::InvalidJson { line, .. }) => Some(*line),
            PostError::FrontMatter(_) => None,
        }
    }
}

/// The stable id of the post at `source`: the first 16 hex digits of the
/// SHA-256 of its relative path, so re-running the bundler keeps every link.
pub fn article_id(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Builds the article for the post at `source` (relative path, `/`-separated)
/// from the file's bytes. `modified` is the file's modification time, the last
/// resort for a post without a date.
///
/// # Errors
/// When the post's header is present but unreadable (invalid JSON, or not a
/// mapping). Invalid YAML, bad encodings and missing fields are warnings.
pub fn read_post(
    source: &str,
    bytes: &[u8],
    modified: Option<DateTime<Utc>>,
    options: &PostOptions,
) -> Result<ReadPost, PostError> {
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(err) => {
            warnings.push(Finding {
                line: None,
                message: format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                    err.valid_up_to()
                ),
            });
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = text.replace("\r\n", "\n");

    let split = front_matter::split(&text);
    let parsed = front_matter::parse(&split)?;
    warnings.extend(parsed.warnings.into_iter().map(|message| Finding {
        line: Some(split.header_line),
        message,
    }));
    let front = parsed.front_matter;
    let body_text = split.body.replace("&#123;", "{").replace("&#125;", "}");

    let file_name = source.rsplit('/').next().unwrap_or(source);
    let title = match front.title {
        Some(title) => title,
        None => {
            let title =
                first_heading(&body_text).unwrap_or_else(|| file_stem(file_name).to_owned());
            let why = if split.kind == Kind::None {
                "no front matter"
            } else {
                "no title in the front matter"
            };
            warnings.push(Finding {
                line: None,
                message: format!("{why}; title taken as {title:?}"),
            });
            title
        }
    };

    let date = match front.date.as_deref() {
        Some(written) => match parse_post_date(written, options.zone) {
            Some(date) => Some(date),
            None => {
                warnings.push(Finding {
                    line: None,
                    message: format!("date {written:?} is in no known format"),
                });
                fallback_date(file_name, modified, options, &mut warnings)
            }
        },
        None => fallback_date(file_name, modified, options, &mut warnings),
    };

    let updated = front.updated.as_deref().and_then(|written| {
        let parsed = parse_post_date(written, options.zone);
        if parsed.is_none() {
            warnings.push(Finding {
                line: None,
                message: format!("updated {written:?} is in no known format; left out"),
            });
        }
        parsed.map(to_rfc3339_utc)
    });

    // Cannot fail for JSON values with string keys; said, not lost silently.
    let extra = ExtraFields::from_fields(&front.extra).unwrap_or_else(|err| {
        warnings.push(Finding {
            line: None,
            message: format!("front-matter keys folio does not use were left out: {err}"),
        });
        None
    });
    let cleaned = sanitize::clean(&render_body(&body_text), front.link.as_deref());
    let derived = derive(&cleaned.html, &title);
    let article = Article {
        id: article_id(source),
        title,
        categories: front.categories,
        tags: front.tags,
        author: front.author,
        date: date.map(to_rfc3339_utc),
        first_image: derived.first_image.filter(|_| front.headimg.is_none()),
        headimg: front.headimg,
        thumbnail: front.thumbnail,
        body: cleaned.html.into_string(),
        body_format: BodyFormat::Html,
        source: source.to_owned(),
        link: front.link,
        updated,
        excerpt: derived.excerpt,
        reading_minutes: saturating_u32(derived.reading_minutes),
        chars: saturating_u32(derived.chars),
        words: saturating_u32(derived.words),
        lang: derived.lang,
        removed: cleaned.removed.into_iter().collect(),
        extra,
        body_shard: None,
        number: None,
    };
    Ok(ReadPost { article, warnings })
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn fallback_date(
    file_name: &str,
    modified: Option<DateTime<Utc>>,
    options: &PostOptions,
    warnings: &mut Vec<Finding>,
) -> Option<DateTime<Utc>> {
    if let Some(date) = date_in_file_name(file_name, options.zone) {
        warnings.push(Finding {
            line: None,
            message: "no usable date; took the date in the file name".to_owned(),
        });
        return Some(date);
    }
    warnings.push(Finding {
        line: None,
        message: match modified {
            Some(_) => "no usable date; took the file's modification time".to_owned(),
            None => "no usable date, and no file time to fall back on".to_owned(),
        },
    });
    modified
}

fn file_stem(file_name: &str) -> &str {
    file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem)
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix("# "))
        .map(|heading| heading.trim().to_owned())
        .filter(|heading| !heading.is_empty())
}

/// Whether a body is a raw HTML fragment (the generator's `<div>…</div>`) that
/// must pass through untouched: markdown would turn its indented lines after a
/// blank line into code blocks.
fn is_raw_html(body: &str) -> bool {
    let trimmed = body.trim();
    trimmed.starts_with('<') && trimmed.ends_with('>')
}

/// Renders a post body to HTML: raw HTML as it is, anything else as markdown.
pub fn render_body(body: &str) -> String {
    if is_raw_html(body) {
        return body.trim().to_owned();
    }
    crate::markdown::to_html(body)
}

#[cfg(test)]
mod tests;
