//! The device profiles shipped with the crate, and loading a profile by name or from a file.
//!
//! | name | root | device |
//! | --- | --- | --- |
//! | `tr181-gateway` | `Device.` (Device:2.17) | home gateway: 4 LAN ports + WAN, two radios, DHCP, NAT, software modules |
//! | `tr098-gateway` | `InternetGatewayDevice.` | residential gateway: Ethernet WAN with IPoE and PPPoE connections, two WLANs |
//! | `tr135-stb` | `Device.` + `Services.STBService` | IPTV set-top box |
//! | `tr104-voip` | `Device.` + `Services.VoiceService` | SIP analogue telephone adapter with two FXS ports |
//!
//! The profile texts live in `crates/datamodel/profiles/` and are compiled in.

use crate::profile::{Profile, ProfileError};
use std::path::{Path, PathBuf};

const BUILTINS: &[(&str, &str)] = &[
    (
        "tr181-gateway",
        include_str!("../profiles/tr181-gateway.profile"),
    ),
    (
        "tr098-gateway",
        include_str!("../profiles/tr098-gateway.profile"),
    ),
    ("tr135-stb", include_str!("../profiles/tr135-stb.profile")),
    ("tr104-voip", include_str!("../profiles/tr104-voip.profile")),
];

const NAMES: &[&str] = &["tr181-gateway", "tr098-gateway", "tr135-stb", "tr104-voip"];

/// Names of the built-in profiles.
pub fn builtin_names() -> &'static [&'static str] {
    NAMES
}

/// The text of a built-in profile, as shipped.
pub fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTINS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A built-in profile, parsed. `None` for an unknown name (the shipped texts always parse;
/// the crate's tests check it).
pub fn builtin(name: &str) -> Option<Profile> {
    Profile::parse(builtin_text(name)?).ok()
}

/// Why a profile could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadProfileError {
    #[error("no built-in profile named {name:?} (built-in: {}) and no file at that path", NAMES.join(", "))]
    NotFound { name: String },
    #[error("cannot read profile file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("profile {origin}: {source}")]
    Parse {
        origin: String,
        #[source]
        source: ProfileError,
    },
    #[error(transparent)]
    Bbf(#[from] crate::bbf::BbfError),
    #[error(transparent)]
    SimModel(#[from] crate::genieacs_sim::SimModelError),
}

/// A profile from a BBF data-model document: its schema, tables with their minimum number of
/// entries, and a placeholder identity (the document names no device). Service models
/// (`VoiceService.`, `STBService.`) are placed under `Device.Services.`.
fn profile_from_bbf(path: &Path) -> Result<Profile, LoadProfileError> {
    let options = crate::bbf::LoadOptions {
        service_root: Some("Device.Services.".into()),
        ..Default::default()
    };
    let schema = crate::bbf::load_schema_file(path, &options)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut instances = Vec::new();
    for (generic, def) in &schema.objects {
        let parent = generic.strip_suffix("{i}.").unwrap_or(generic);
        if def.multi && def.min_entries > 0 && !parent.contains("{i}") {
            instances.extend((1..=def.min_entries.min(16)).map(|n| format!("{parent}{n}.")));
        }
    }
    let identity = crate::profile::Identity {
        manufacturer: "cwmp-rs".into(),
        oui: "000000".into(),
        product_class: name.clone(),
    };
    Ok(Profile {
        name,
        identity,
        schema,
        instances,
        values: Vec::new(),
    })
}

/// Loads a built-in profile by name, or a file by path: a `.profile` file, a BBF full
/// data-model document (`.xml`), or a genieacs-sim model (`.csv`, `.json`). A `.profile` file
/// without a `profile` line is named after its file stem.
pub fn load_profile(name_or_path: &str) -> Result<Profile, LoadProfileError> {
    if let Some(text) = builtin_text(name_or_path) {
        return Profile::parse(text).map_err(|source| LoadProfileError::Parse {
            origin: format!("built-in {name_or_path}"),
            source,
        });
    }
    let path = Path::new(name_or_path);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    match extension.to_ascii_lowercase().as_str() {
        "xml" => return profile_from_bbf(path),
        "csv" | "json" => return Ok(crate::genieacs_sim::load_sim_model(path)?),
        _ => {}
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadProfileError::NotFound {
                name: name_or_path.to_string(),
            });
        }
        Err(source) => {
            return Err(LoadProfileError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut profile = Profile::parse(&text).map_err(|source| LoadProfileError::Parse {
        origin: path.display().to_string(),
        source,
    })?;
    if profile.name.is_empty() {
        profile.name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_a_text_and_parses() {
        assert_eq!(builtin_names().len(), BUILTINS.len());
        for name in builtin_names() {
            let text = builtin_text(name).expect("text");
            let parsed = Profile::parse(text);
            assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
            assert_eq!(builtin(name).map(|p| p.name), Some(name.to_string()));
        }
        assert!(builtin("tr069-toaster").is_none());
    }

    #[test]
    fn load_by_name_and_by_path() {
        let by_name = load_profile("tr135-stb").expect("built-in");
        assert_eq!(by_name.root(), "Device.");

        let dir = std::env::temp_dir().join(format!("dm-builtin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("lab-box.profile");
        std::fs::write(
            &file,
            "param Device.DeviceInfo.SoftwareVersion string r\nvalue Device.DeviceInfo.SoftwareVersion \"1.0\"\n",
        )
        .expect("write");
        let by_path = load_profile(file.to_str().expect("utf-8 path")).expect("file");
        assert_eq!(by_path.name, "lab-box");
        assert_eq!(by_path.values.len(), 1);

        std::fs::write(&file, "param Device.A string maybe\n").expect("write");
        match load_profile(file.to_str().expect("utf-8 path")) {
            Err(LoadProfileError::Parse { source, .. }) => assert_eq!(source.line, 1),
            other => panic!("expected a parse error, got {other:?}"),
        }
        let _ = std::fs::remove_dir_all(&dir);

        match load_profile("no-such-profile") {
            Err(e @ LoadProfileError::NotFound { .. }) => {
                assert!(e.to_string().contains("tr181-gateway"), "{e}")
            }
            other => panic!("expected NotFound, got {other:?}"),
        }
    }
}
