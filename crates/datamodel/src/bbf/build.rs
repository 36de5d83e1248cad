//! Turns the models read from a document into a [`Schema`].

use super::LoadOptions;
use super::error::BbfError;
use super::read::{Document, Model, Object, Param};
use super::types::Resolver;
use crate::schema::{ObjectDef, ParamDef, Schema};
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

pub(super) fn build(doc: Document, options: &LoadOptions) -> Result<Schema, BbfError> {
    let mut types = options.extra_types.clone().unwrap_or_default();
    types.extend(&doc.types);
    let mut resolver = Resolver::new(&types);
    let service_root = service_root(options);
    let mut schema = Schema::default();
    for model in select(doc.models, options.model.as_deref())? {
        let root = if model.service {
            service_root.as_str()
        } else {
            ""
        };
        for param in &model.params {
            add_param(&mut schema, &mut resolver, root, param)?;
        }
        for object in &model.objects {
            add_object(&mut schema, &mut resolver, root, object)?;
        }
    }
    keep_only(&mut schema, &options.include);
    schema.fill_missing_objects();
    Ok(schema)
}

fn service_root(options: &LoadOptions) -> String {
    let mut root = options.service_root.clone().unwrap_or_default();
    if !root.is_empty() && !root.ends_with('.') {
        root.push('.');
    }
    root
}

/// The models to load: all of them, or those `wanted` names (`"Device:1.7"`, or `"Device"`
/// for any version).
fn select(models: Vec<Model>, wanted: Option<&str>) -> Result<Vec<Model>, BbfError> {
    if models.is_empty() {
        return Err(BbfError::NoModel);
    }
    let Some(wanted) = wanted else {
        return Ok(models);
    };
    let available: Vec<String> = models.iter().map(|m| m.name.clone()).collect();
    let chosen: Vec<Model> = models
        .into_iter()
        .filter(|m| m.name == wanted || m.name.split(':').next() == Some(wanted))
        .collect();
    if chosen.is_empty() {
        return Err(BbfError::ModelNotFound {
            wanted: wanted.to_string(),
            available,
        });
    }
    Ok(chosen)
}

fn add_object(
    schema: &mut Schema,
    resolver: &mut Resolver<'_>,
    root: &str,
    object: &Object,
) -> Result<(), BbfError> {
    if object.deleted {
        return Ok(());
    }
    let path = format!("{root}{}", object.path);
    if !path.ends_with('.') || path.starts_with('.') || path.contains("..") {
        return Err(BbfError::Invalid {
            at: object.at,
            message: format!("object name {path:?} is not a path ending with '.'"),
        });
    }
    // The standard's defaults: read-only, exactly one instance.
    let fresh = ObjectDef {
        min_entries: 1,
        max_entries: Some(1),
        ..ObjectDef::default()
    };
    let def = match schema.objects.entry(path.clone()) {
        Entry::Occupied(e) if object.modifies => e.into_mut(),
        Entry::Occupied(e) => {
            let def = e.into_mut();
            *def = fresh;
            def
        }
        Entry::Vacant(e) => e.insert(fresh),
    };
    def.multi = path.ends_with(".{i}.");
    if let Some(w) = object.writable {
        def.writable = w;
    }
    if let Some(min) = object.min_entries {
        def.min_entries = min;
    }
    if let Some(max) = object.max_entries {
        def.max_entries = max;
    }
    if let Some(count) = &object.num_entries_parameter {
        def.count_parameter = Some(format!("{}{count}", parent_object(&path)));
    }
    for param in &object.params {
        add_param(schema, resolver, &path, param)?;
    }
    Ok(())
}

/// The object holding a table's count parameter: `Device.WiFi.` for `Device.WiFi.SSID.{i}.`,
/// empty for a service model's top table `VoiceService.{i}.`.
pub(super) fn parent_object(path: &str) -> &str {
    let trimmed = path.strip_suffix('.').unwrap_or(path);
    let trimmed = trimmed.strip_suffix(".{i}").unwrap_or(trimmed);
    match trimmed.rfind('.') {
        Some(i) => &path[..=i],
        None => "",
    }
}

fn add_param(
    schema: &mut Schema,
    resolver: &mut Resolver<'_>,
    object: &str,
    param: &Param,
) -> Result<(), BbfError> {
    if param.deleted {
        return Ok(());
    }
    let path = format!("{object}{}", param.name);
    if param.name.is_empty() || param.name.contains('.') {
        return Err(BbfError::Invalid {
            at: param.at,
            message: format!(
                "parameter name {:?} in {object:?} is not a name",
                param.name
            ),
        });
    }
    let existing = if param.modifies {
        schema.params.remove(&path)
    } else {
        None
    };
    let mut def = match (existing, &param.syntax) {
        (Some(mut def), Some(syntax)) => {
            let resolved = resolver.spec(&syntax.spec, &format!("parameter {path}"))?;
            def.ty = resolved.ty;
            def.constraints = resolved.constraints;
            if syntax.default.is_some() {
                def.default = syntax.default.clone();
            }
            def
        }
        (Some(def), None) => def,
        (None, Some(syntax)) => {
            let resolved = resolver.spec(&syntax.spec, &format!("parameter {path}"))?;
            let mut def = ParamDef::new(resolved.ty, false);
            def.constraints = resolved.constraints;
            def.default = syntax.default.clone();
            def
        }
        (None, None) => {
            return Err(BbfError::Invalid {
                at: param.at,
                message: format!("parameter {path} has no <syntax>"),
            });
        }
    };
    if let Some(w) = param.writable {
        def.writable = w;
    }
    if let Some(n) = param.active_notify {
        def.active_notify = n;
    }
    schema.params.insert(path, def);
    Ok(())
}

/// Keeps what lies under one of the `include` prefixes, the objects on the way to them, and
/// the count parameters of the tables kept. Empty `include`: everything.
fn keep_only(schema: &mut Schema, include: &[String]) {
    if include.is_empty() {
        return;
    }
    schema.objects.retain(|path, _| {
        include
            .iter()
            .any(|p| path.starts_with(p.as_str()) || p.starts_with(path.as_str()))
    });
    let (mut kept, mut rest): (BTreeMap<_, _>, BTreeMap<_, _>) = std::mem::take(&mut schema.params)
        .into_iter()
        .partition(|(path, _)| include.iter().any(|p| path.starts_with(p.as_str())));
    for count in schema
        .objects
        .values()
        .filter_map(|d| d.count_parameter.as_ref())
    {
        if let Some(param) = rest.remove(count) {
            kept.insert(count.clone(), param);
        }
    }
    schema.params = kept;
}
