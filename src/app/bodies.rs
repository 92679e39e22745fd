//! Bodies of split bundles, fetched a body shard at a time when an article
//! is opened (or indexed for search) and kept for the next few articles: the
//! neighbours of an opened article are usually in the same shard.

use crate::app::lazy::fetch_bodies;
use crate::app::SharedBundle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many body shards stay in memory (each holds 50 bodies).
const KEPT: usize = 4;

/// A body shard's `bodies`: article id to body, as the browser parsed it.
pub type BodyShard = js_sys::Object;

/// Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct Bodies {
    bundle_url: StoredValue<String>,
    /// Recently used shards by number, most recent last.
    kept: StoredValue<Vec<(u32, BodyShard)>, LocalStorage>,
}

impl Bodies {
    /// Bodies of the bundle at `bundle_url` (the viewer's `data-bundle`).
    pub fn new(bundle_url: String) -> Bodies {
        Bodies {
            bundle_url: StoredValue::new(bundle_url),
            kept: StoredValue::new_local(Vec::new()),
        }
    }

    /// The bundle's URL, resolved against the page.
    pub fn absolute_url(self) -> String {
        super::fetch::absolute(&self.bundle_url.get_value())
    }

    /// Body shard `number` of `bundle`, from memory or fetched.
    ///
    /// # Errors
    /// Why it could not be fetched or read, naming its URL.
    async fn shard(self, bundle: &SharedBundle, number: u32) -> Result<BodyShard, String> {
        let kept = self.kept.try_with_value(|kept| {
            kept.iter()
                .find(|(n, _)| *n == number)
                .map(|(_, shard)| shard.clone())
        });
        if let Some(shard) = kept.flatten() {
            return Ok(shard);
        }
        let file = bundle
            .shards
            .body_shards
            .get(number as usize)
            .ok_or_else(|| format!("the bundle lists no body shard {number}"))?;
        let url = self.bundle_url.get_value();
        let shard: BodyShard = fetch_bodies(file, &url)
            .await
            .map_err(|error| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|error| String::from(error.message()))
                    .unwrap_or_else(|| format!("{file} could not be fetched"))
            })?
            .unchecked_into();
        self.kept.try_update_value(|kept| {
            kept.retain(|(n, _)| *n != number);
            if kept.len() == KEPT {
                kept.remove(0);
            }
            kept.push((number, shard.clone()));
        });
        Ok(shard)
    }

    /// The body of article `index` of `bundle`: its own in a single file,
    /// from its body shard in a split bundle.
    ///
    /// # Errors
    /// As [`Bodies::shard`], or when the shard lacks the article.
    pub async fn body(self, bundle: &SharedBundle, index: usize) -> Result<String, String> {
        let article = &bundle.bundle.articles[index];
        let Some(number) = article.body_shard else {
            return Ok(article.body.clone());
        };
        let shard = self.shard(bundle, number).await?;
        body_in(&shard, &article.id).ok_or_else(|| {
            format!(
                "{} has no body for article {}",
                bundle.shards.body_shards[number as usize], article.id
            )
        })
    }
}

/// The body of article `id` in `shard`, if it has one that is a string.
fn body_in(shard: &BodyShard, id: &str) -> Option<String> {
    js_sys::Reflect::get(shard, &id.into())
        .ok()
        .and_then(|body| body.as_string())
}

/// The viewer's [`Bodies`].
pub fn use_bodies() -> Bodies {
    expect_context::<Bodies>()
}
