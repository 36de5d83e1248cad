//! What a new database starts with: the zero-touch `bootstrap` preset and its provision
//! script (`defaults/bootstrap.js`), editable and removable like any other.

use crate::preset::Preset;
use serde_json::json;

pub const BOOTSTRAP: &str = "bootstrap";
pub const BOOTSTRAP_SCRIPT: &str = include_str!("../../defaults/bootstrap.js");

/// Every session, before other presets; its script only sends what differs.
pub fn bootstrap_preset() -> Preset {
    Preset::from_json(json!({
        "weight": -1000,
        "channel": BOOTSTRAP,
        "provisions": [[BOOTSTRAP, 3600]],
    }))
    .expect("the default preset is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_valid() {
        assert_eq!(bootstrap_preset().provisions[0].name, BOOTSTRAP);
        crate::script::check_syntax(BOOTSTRAP_SCRIPT).expect("the default script compiles");
    }
}
