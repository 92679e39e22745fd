//! All of the viewer's network I/O: the one function that loads a bundle.

use super::SharedBundle;
use crate::bundle;
use std::sync::Arc;

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

/// Fetches and reads the bundle at `url` (relative to the page), telling
/// `on_progress` as bytes arrive.
///
/// # Errors
/// See [`FetchError`]: network failure, an HTTP error status, or content that
/// [`bundle::parse`] rejects.
pub async fn fetch_bundle(
    url: String,
    on_progress: impl Fn(Progress),
) -> Result<SharedBundle, FetchError> {
    let network = |err: gloo_net::Error| FetchError::Network {
        url: url.clone(),
        message: err.to_string(),
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            url,
            status: response.status(),
        });
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<u64>().ok());
    let bytes = match response.body() {
        Some(body) => read_stream(body, total, &on_progress)
            .await
            .map_err(|err| FetchError::Network {
                url: url.clone(),
                message: format!("{err:?}"),
            })?,
        None => response.binary().await.map_err(network)?,
    };
    let text = String::from_utf8(bytes).map_err(|err| FetchError::Bundle {
        url: url.clone(),
        message: format!("not UTF-8 (byte {})", err.utf8_error().valid_up_to()),
    })?;
    bundle::parse(&text)
        .map(Arc::new)
        .map_err(|err| FetchError::Bundle {
            url,
            message: err.to_string(),
        })
}

/// Reads a response body chunk by chunk, reporting progress.
async fn read_stream(
    body: web_sys::ReadableStream,
    total: Option<u64>,
    on_progress: &impl Fn(Progress),
) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
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
