//! Loading a language in the browser: its Fluent file and country names fetched, its messages
//! read in the `i18n` split module, its number style asked of `Intl`; and the page's `lang`
//! and `dir` attributes.

use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;

use crate::loader::fetch_text;

use super::{Catalogue, Lang, NumberStyle, Translate};

/// Reads a language's Fluent text and its names file: the split point of the `i18n` module
/// (fluent-bundle, the reading code and the names' JSON reader live there). The messages, the
/// names, and the problems found in the Fluent text (each naming its line).
#[wasm_split(i18n, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_language(code: String, ftl: String, names: String) -> Result<Read, SplitLoaderError> {
    let (messages, problems) = super::fluent::Messages::new(&code, ftl);
    let names = serde_json::from_str::<Names>(&names)
        .map_err(|e| format!("data/names-{code}.json is not a names file: {e}"));
    Ok(Read {
        messages: Rc::new(messages),
        names: names.map(|n| n.names),
        problems,
    })
}

/// What [`read_language`] read.
struct Read {
    messages: Rc<dyn Translate>,
    names: Result<HashMap<String, String>, String>,
    problems: Vec<String>,
}

/// The names file's contents (`index_data::names::NamesFile`).
#[derive(serde::Deserialize)]
struct Names {
    names: HashMap<String, String>,
}

/// The language's number style, from the browser's `Intl` (Latin digits: the app's figures
/// stay comparable with the publishers' tables). One formatter writes both samples: each
/// `toLocaleString` makes its own, and that took ~60 ms of a throttled first load in Arabic.
fn number_style(lang: Lang) -> NumberStyle {
    let locales = js_sys::Array::of1(&format!("{}-u-nu-latn", lang.code()).into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format();
    let write = |x: f64| {
        format
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &x.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    NumberStyle::from_samples(&write(12345.6), &write(1234.0))
}

/// Loads `lang`: English at once; another language's messages (`i18n/<code>.ftl`) and country
/// names (`data/names-<code>.json`) fetched side by side and read. A file that cannot be had
/// is the error (the page stays as it was); problems within the Fluent file are logged and the
/// messages read are kept (the rest fall back to English).
///
/// # Errors
/// What could not be fetched or read, naming the file.
pub async fn load(lang: Lang) -> Result<Catalogue, String> {
    if lang == Lang::En {
        return Ok(Catalogue::english());
    }
    let code = lang.code();
    let ftl_path = format!("i18n/{code}.ftl");
    let names_path = format!("data/names-{code}.json");
    let (ftl, names) = futures::join!(fetch_text(&ftl_path), fetch_text(&names_path));
    let read = read_language(
        code.to_string(),
        ftl.map_err(|e| e.to_string())?,
        names.map_err(|e| e.to_string())?,
    )
    .await
    .map_err(|e| format!("could not load the language module: {e:?}"))?;
    for p in read.problems {
        gloo::console::warn!(format!("{ftl_path}: {p}"));
    }
    Ok(Catalogue::new(
        lang,
        Some(read.messages),
        read.names?,
        number_style(lang),
    ))
}

/// The language to show: the link's (`?lang=`), else the browser's first preferred one of the
/// six, else English.
pub fn page_language(from_link: Option<Lang>) -> Lang {
    from_link.unwrap_or_else(|| {
        let navigator = window().navigator();
        let languages: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        Lang::preferred(languages)
    })
}

/// Writes the language on the page: `<html lang=… dir=…>` (right to left for Arabic).
pub fn show_on_page(lang: Lang) {
    if let Some(html) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
    }
}
