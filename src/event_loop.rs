//! Giving the browser's event loop a turn: long work in the viewer's wasm
//! modules is cut into slices that each end with [`next_task`], so input
//! and painting never wait long (the "no task over 50 ms").

/// Resolves in a later task (a zero-delay timer), letting the page handle
/// input and paint in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // A timer that cannot be set leaves the promise pending: the
            // work stops there rather than running on in one task.
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
