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

/// Fetches and reads the bundle at `url` (relative to the page).
///
/// # Errors
/// See [`FetchError`]: network failure, an HTTP error status, or content that
/// [`bundle::parse`] rejects.
pub async fn fetch_bundle(url: String) -> Result<SharedBundle, FetchError> {
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
    let text = response.text().await.map_err(network)?;
    bundle::parse(&text)
        .map(Arc::new)
        .map_err(|err| FetchError::Bundle {
            url,
            message: err.to_string(),
        })
}
