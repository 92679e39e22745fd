//! The viewer's bundle I/O: a single-file bundle, or a split bundle's
//! manifest and then its article shards. Body shards are fetched by
//! `super::bodies`.

use super::SharedBundle;
use crate::bundle;
use crate::event_loop::next_task;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Why the bundle could not be loaded, in words a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No response at all (offline, blocked, wrong host).
    #[error("network error while fetching {url}: {message}")]
    Network {
        /// The bundle URL.
        url: String,
        /// The browser's message.
        message: String,
    },
    /// The server answered with an error status.
    #[error("{url} answered HTTP {status}")]
    Status {
        /// The bundle URL.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The response is not a bundle this viewer can read.
    #[error("{url} is not a readable bundle: {message}")]
    Bundle {
        /// The bundle URL.
        url: String,
        /// What the bundle reader said.
        message: String,
    },
}

/// Bytes received so far, and the total when the server said it
/// (`Content-Length`).
pub type Progress = (u64, Option<u64>);

/// Loads the bundle at `url` (relative to the page), handing `on_loaded`
/// what can be shown: a single file once; a split bundle's manifest (which
/// holds the newest articles) at once, then, when every article shard has
/// been fetched (newest first), the whole bundle. A shard that cannot be
/// fetched or read is reported as skipped articles, by its file name.
/// `on_progress` hears about the bytes of the bundle URL as they arrive;
/// once `wanted` says no (an embedded viewer may be unmounted meanwhile),
/// no more shards are fetched.
///
/// # Errors
/// See [`FetchError`]: network failure, an HTTP error status, or content
/// that the bundle reader rejects, for the bundle URL.
pub async fn load_bundle(
    url: &str,
    on_progress: &dyn Fn(Progress),
    on_loaded: &dyn Fn(SharedBundle),
    wanted: &dyn Fn() -> bool,
) -> Result<(), FetchError> {
    let text = fetch_text(url, on_progress).await?;
    let mut loaded = bundle::parse(&text).map_err(|err| FetchError::Bundle {
        url: url.to_owned(),
        message: err.to_string(),
    })?;
    if loaded.is_complete() {
        on_loaded(Arc::new(loaded));
        return Ok(());
    }
    on_loaded(Arc::new(loaded.clone()));
    // Shards are named relative to the bundle URL as given (as body shards
    // are, in `lazy.rs`), not to where a redirect may have led.
    let manifest_url = resolve(&page_base(), url);
    while let Some(shard) = loaded.shards.next() {
        if !wanted() {
            return Ok(());
        }
        let url = resolve(&manifest_url, &shard.file);
        let outcome = fetch_article_shard(&url).await;
        loaded.absorb_shard(outcome.map_err(|err| err.to_string()));
    }
    // The last shard's articles were read and every article sorted in this
    // task; showing the whole bundle (the list and navigation over all of
    // them) gets a task of its own. Together they made one task over 50 ms
    // at 100,000 articles.
    next_task().await;
    on_loaded(Arc::new(loaded));
    Ok(())
}

/// Fetches and reads an article shard.
async fn fetch_article_shard(url: &str) -> Result<bundle::LoadedBundle, FetchError> {
    let text = fetch_text(url, &|_| {}).await?;
    bundle::parse(&text).map_err(|err| FetchError::Bundle {
        url: url.to_owned(),
        message: err.to_string(),
    })
}

/// `url` resolved against the page, as the browser fetches it.
pub(super) fn absolute(url: &str) -> String {
    resolve(&page_base(), url)
}

/// The page's base URL, which relative bundle URLs are relative to.
fn page_base() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// `relative` resolved against `base` as a browser resolves a link (shard
/// files are named relative to their manifest).
fn resolve(base: &str, relative: &str) -> String {
    web_sys::Url::new_with_base(relative, base)
        .map(|url| url.href())
        .unwrap_or_else(|_| relative.to_owned())
}

/// Fetches `url` as UTF-8 text, telling `on_progress` as bytes arrive.
async fn fetch_text(url: &str, on_progress: &dyn Fn(Progress)) -> Result<String, FetchError> {
    let network = |err: gloo_net::Error| FetchError::Network {
        url: url.to_owned(),
        message: err.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<u64>().ok());
    let bytes = match response.body() {
        Some(body) => {
            read_stream(body, total, on_progress)
                .await
                .map_err(|err| FetchError::Network {
                    url: url.to_owned(),
                    message: err
                        .dyn_ref::<js_sys::Error>()
                        .map(|err| String::from(err.message()))
                        .unwrap_or_else(|| "the response was cut off".to_owned()),
                })?
        }
        None => response.binary().await.map_err(network)?,
    };
    String::from_utf8(bytes).map_err(|err| FetchError::Bundle {
        url: url.to_owned(),
        message: format!("not UTF-8 (byte {})", err.utf8_error().valid_up_to()),
    })
}

/// Reads a response body chunk by chunk, reporting progress.
async fn read_stream(
    body: web_sys::ReadableStream,
    total: Option<u64>,
    on_progress: &dyn Fn(Progress),
) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // Content-Length is a hint from the server, not a promise: reserve a
    // little and let the vector grow.
    let mut bytes = Vec::with_capacity(total.unwrap_or(0).min(8 << 20) as usize);
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read()).await?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())?
            .as_bool()
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value: js_sys::Uint8Array =
            js_sys::Reflect::get(&chunk, &"value".into())?.unchecked_into();
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
        on_progress((bytes.len() as u64, total));
    }
}
