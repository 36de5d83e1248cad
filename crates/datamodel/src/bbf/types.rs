//! Data types: the built-in type elements, facets, named `<dataType>` definitions and the
//! resolution of `ref=` / `base=` chains down to a built-in type.

use super::error::{BbfError, Position};
use crate::schema::Constraints;
use cwmp::ValueType;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The value type of a built-in type element (`<unsignedInt>`, `<base64>`, ...).
pub(super) fn builtin(element: &str) -> Option<ValueType> {
    Some(match element {
        "string" => ValueType::String,
        "int" => ValueType::Int,
        "unsignedInt" => ValueType::UnsignedInt,
        "long" => ValueType::Long,
        "unsignedLong" => ValueType::UnsignedLong,
        "boolean" => ValueType::Boolean,
        "dateTime" => ValueType::DateTime,
        "base64" => ValueType::Base64,
        "hexBinary" => ValueType::HexBinary,
        "decimal" => ValueType::Decimal,
        _ => return None,
    })
}

/// Facets read from one type element, derived `<dataType>` or `<syntax>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Facets {
    pub ranges: Vec<(Option<i128>, Option<i128>)>,
    /// A range had a bound that is not an integer (decimal types): `Constraints` cannot hold
    /// it, so the ranges of this facet set are dropped rather than half kept.
    pub ranges_unrepresentable: bool,
    /// `(minLength, maxLength)` of each `<size>`.
    pub sizes: Vec<(Option<u32>, Option<u32>)>,
    pub enumeration: Vec<String>,
    pub list: bool,
}

impl Facets {
    /// Restricts `base` by these facets. A kind of facet given here replaces the base's facet
    /// of that kind (a derived type narrows its base: `IPv4Address` has maxLength 15 where
    /// `IPAddress` has 45). Several `<size>` elements become one envelope: the smallest
    /// minimum and the largest maximum.
    pub(super) fn apply(&self, base: &mut Constraints) {
        if self.ranges_unrepresentable {
            base.ranges.clear();
        } else if !self.ranges.is_empty() {
            base.ranges = self.ranges.clone();
        }
        if !self.sizes.is_empty() {
            let mins: Option<Vec<u32>> = self.sizes.iter().map(|s| s.0).collect();
            base.min_length = mins.and_then(|m| m.into_iter().min()).filter(|m| *m > 0);
            let maxes: Option<Vec<u32>> = self.sizes.iter().map(|s| s.1).collect();
            base.max_length = maxes.and_then(|m| m.into_iter().max());
        }
        if !self.enumeration.is_empty() {
            base.enumeration = self.enumeration.clone();
        }
        base.list |= self.list;
    }
}

/// The body of a `<dataType>` definition or of a parameter's `<syntax>`: a built-in type or
/// a named type it refers to (or derives from), with facets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TypeSpec {
    pub builtin: Option<ValueType>,
    /// `ref=` or `base=`: the named type this one is, or restricts.
    pub base: Option<String>,
    pub facets: Facets,
    pub at: Position,
}

impl TypeSpec {
    pub(super) fn new(at: Position) -> TypeSpec {
        TypeSpec {
            builtin: None,
            base: None,
            facets: Facets::default(),
            at,
        }
    }
}

/// A resolved data type: the built-in type on the wire and the constraints of the whole
/// `base=` chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataType {
    pub ty: ValueType,
    pub constraints: Constraints,
}

/// Named data types (`<dataType name=...>` at the top of a BBF document), by name.
///
/// Build it from a types file such as `tr-106-types.xml` with [`DataTypes::from_file`] and
/// hand it to the loader as `LoadOptions::extra_types`. A document's own definitions are
/// always used too, and win over extra ones of the same name. Definitions are kept as read
/// and resolved when used, so a chain may cross files (a type in the document deriving from
/// one in the extra set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataTypes {
    defs: BTreeMap<String, TypeSpec>,
}

impl DataTypes {
    pub fn new() -> DataTypes {
        DataTypes::default()
    }

    /// The data types defined at the top level of a BBF document (models, components and
    /// everything else in it are skipped).
    pub fn from_xml(xml: &str) -> Result<DataTypes, BbfError> {
        Ok(super::read::read_document(xml, false)?.types)
    }

    pub fn from_file(path: &Path) -> Result<DataTypes, BbfError> {
        DataTypes::from_xml(&super::read_file(path)?)
    }

    /// Adds `other`'s definitions; where both define a name, `other`'s wins.
    pub fn extend(&mut self, other: &DataTypes) {
        for (name, spec) in &other.defs {
            self.defs.insert(name.clone(), spec.clone());
        }
    }

    pub fn len(&self) -> usize {
        self.defs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.defs.contains_key(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.defs.keys().map(String::as_str)
    }

    pub(super) fn insert(&mut self, name: String, spec: TypeSpec) {
        self.defs.insert(name, spec);
    }

    /// The built-in type and constraints of the named type, following its `base=` chain.
    pub fn resolve(&self, name: &str) -> Result<DataType, BbfError> {
        let mut spec = TypeSpec::new(Position::default());
        spec.base = Some(name.to_string());
        Resolver::new(self).spec(&spec, &format!("data type {name:?}"))
    }
}

/// Resolves type specs against a set of named types, remembering resolved names.
#[derive(Debug)]
pub(super) struct Resolver<'t> {
    types: &'t DataTypes,
    cache: HashMap<String, DataType>,
}

/// How many `base=` links a chain may have before it is taken for a cycle: far more than
/// any real model uses (TR-181's longest is 2), and it bounds the work on hostile input.
const MAX_CHAIN: usize = 64;

impl<'t> Resolver<'t> {
    pub(super) fn new(types: &'t DataTypes) -> Resolver<'t> {
        Resolver {
            types,
            cache: HashMap::new(),
        }
    }

    /// The type a spec describes. `used_by` names the parameter (or type) for messages.
    pub(super) fn spec(&mut self, spec: &TypeSpec, used_by: &str) -> Result<DataType, BbfError> {
        let mut resolved = match (&spec.builtin, &spec.base) {
            (Some(ty), _) => DataType {
                ty: ty.clone(),
                constraints: Constraints::default(),
            },
            (None, Some(name)) => self.named(name, used_by, spec.at)?,
            (None, None) => {
                return Err(BbfError::Invalid {
                    at: spec.at,
                    message: format!("{used_by} has no data type"),
                });
            }
        };
        spec.facets.apply(&mut resolved.constraints);
        Ok(resolved)
    }

    fn named(&mut self, name: &str, used_by: &str, at: Position) -> Result<DataType, BbfError> {
        if let Some(done) = self.cache.get(name) {
            return Ok(done.clone());
        }
        // Walk down the chain to a built-in type, then apply facets on the way back up.
        let mut chain: Vec<(&str, &TypeSpec)> = Vec::new();
        let mut current = name;
        let (mut used_by, mut at) = (used_by.to_string(), at);
        let mut resolved = loop {
            if let Some(done) = self.cache.get(current) {
                break done.clone();
            }
            let Some((key, spec)) = self.types.defs.get_key_value(current) else {
                return Err(BbfError::UnknownDataType {
                    name: current.to_string(),
                    used_by,
                    at,
                });
            };
            if chain.len() >= MAX_CHAIN || chain.iter().any(|(n, _)| *n == current) {
                return Err(BbfError::DataTypeCycle {
                    name: current.to_string(),
                    at: spec.at,
                });
            }
            chain.push((key.as_str(), spec));
            match (&spec.builtin, &spec.base) {
                (Some(ty), _) => {
                    break DataType {
                        ty: ty.clone(),
                        constraints: Constraints::default(),
                    };
                }
                (None, Some(base)) => {
                    used_by = format!("data type {current:?}");
                    at = spec.at;
                    current = base;
                }
                (None, None) => {
                    return Err(BbfError::Invalid {
                        at: spec.at,
                        message: format!("data type {current:?} has neither a type nor a base"),
                    });
                }
            }
        };
        for (n, spec) in chain.into_iter().rev() {
            spec.facets.apply(&mut resolved.constraints);
            self.cache.insert(n.to_string(), resolved.clone());
        }
        Ok(resolved)
    }
}
