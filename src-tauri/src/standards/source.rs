//! Reading a standards document from bytes: bounded size, UTF-8 checked, parsed once into a JSON value together
//! with the YAML line and column of every node, so validation problems can point at the exact place.

use super::error::StandardsError;
use crate::yaml::MAX_DOCUMENT_BYTES;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// A line and column in the YAML text, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TextPosition {
    pub line: u64,
    pub column: u64,
}

/// A parsed document: its value, and where each node sits in the text, keyed by JSON pointer (`/schema/0/name`).
#[derive(Debug, Clone, Default)]
pub struct LocatedDocument {
    pub value: Value,
    positions: HashMap<String, TextPosition>,
    key_positions: HashMap<String, TextPosition>,
}

impl LocatedDocument {
    /// A document whose positions are unknown (problems then carry no line and column).
    pub fn without_positions(value: Value) -> Self {
        Self { value, ..Self::default() }
    }

    /// Where the key naming the node at `pointer` is written, when the node is a mapping entry.
    pub fn key_position(&self, pointer: &str) -> Option<TextPosition> {
        self.key_positions.get(pointer).copied()
    }

    /// Where the node at `pointer` starts, or where its nearest located ancestor starts.
    pub fn position(&self, pointer: &str) -> Option<TextPosition> {
        let mut current = pointer;
        loop {
            if let Some(position) = self.positions.get(current) {
                return Some(*position);
            }
            let (parent, _) = current.rsplit_once('/')?;
            current = parent;
        }
    }
}

/// Reads a file of at most [`MAX_DOCUMENT_BYTES`] bytes as UTF-8 text, without reading more than that.
pub fn read_text(path: &Path) -> Result<String, StandardsError> {
    let file = std::fs::File::open(path).map_err(|source| StandardsError::Io {
        action: "open",
        path: path.to_path_buf(),
        source,
    })?;
    // Sized from the metadata when it is known, so a typical document is read without growing the buffer.
    let expected = file.metadata().map_or(0, |metadata| metadata.len()).min(MAX_DOCUMENT_BYTES as u64 + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(MAX_DOCUMENT_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|source| StandardsError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(StandardsError::TooLarge { path: path.to_path_buf(), limit: MAX_DOCUMENT_BYTES });
    }
    text_from_bytes(path, bytes)
}

/// Checks that `bytes` are UTF-8, naming the offset of the first bad byte when they are not.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, StandardsError> {
    String::from_utf8(bytes)
        .map_err(|error| StandardsError::NotUtf8 { path: path.to_path_buf(), offset: error.utf8_error().valid_up_to() })
}

/// Parses YAML text into a located document, with the shared parser options and budget.
pub fn parse_located(text: &str) -> Result<LocatedDocument, crate::yaml::YamlError> {
    let root: Node = crate::yaml::parse(text)?;
    let mut document = LocatedDocument::default();
    let mut pointer = String::new();
    document.value = flatten(root, &mut pointer, &mut document);
    Ok(document)
}

/// JSON-pointer escaping of one path segment; borrowed in the common case of nothing to escape, since validation
/// calls it for every field it visits.
pub fn escape_segment(segment: &str) -> std::borrow::Cow<'_, str> {
    if segment.contains(['~', '/']) {
        std::borrow::Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(segment)
    }
}

fn flatten(node: Node, pointer: &mut String, document: &mut LocatedDocument) -> Value {
    let location = node.0.referenced;
    if location.line() > 0 {
        document.positions.insert(pointer.clone(), TextPosition { line: location.line(), column: location.column() });
    }
    match node.0.value {
        NodeValue::Scalar(value) => value,
        NodeValue::Sequence(items) => {
            let length = pointer.len();
            let mut values = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&index.to_string());
                values.push(flatten(item, pointer, document));
                pointer.truncate(length);
            }
            Value::Array(values)
        }
        NodeValue::Mapping(entries) => {
            let length = pointer.len();
            let mut map = Map::new();
            for (key, item) in entries {
                pointer.push('/');
                pointer.push_str(&escape_segment(&key.value.0));
                let key_location = key.referenced;
                if key_location.line() > 0 {
                    document.key_positions.insert(
                        pointer.clone(),
                        TextPosition { line: key_location.line(), column: key_location.column() },
                    );
                }
                let key = key.value.0;
                let value = flatten(item, pointer, document);
                pointer.truncate(length);
                map.insert(key, value);
            }
            Value::Object(map)
        }
    }
}

/// One YAML node with its location.
struct Node(serde_saphyr::Spanned<NodeValue>);

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_saphyr::Spanned::<NodeValue>::deserialize(deserializer).map(Node)
    }
}

enum NodeValue {
    Scalar(Value),
    Sequence(Vec<Node>),
    Mapping(Vec<(serde_saphyr::Spanned<Key>, Node)>),
}

impl<'de> Deserialize<'de> for NodeValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = NodeValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::Bool(value)))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::Number(value.into())))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::Number(value.into())))
    }
    fn visit_i128<E: de::Error>(self, value: i128) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Number::from_f64(value as f64).map_or(Value::Null, Value::Number)))
    }
    fn visit_u128<E: de::Error>(self, value: u128) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Number::from_f64(value as f64).map_or(Value::Null, Value::Number)))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<NodeValue, E> {
        // JSON has no NaN or infinity; YAML's .nan and .inf are kept as their YAML spelling.
        Ok(NodeValue::Scalar(Number::from_f64(value).map_or_else(
            || {
                Value::String(if value.is_nan() {
                    ".nan".to_owned()
                } else if value > 0.0 {
                    ".inf".to_owned()
                } else {
                    "-.inf".to_owned()
                })
            },
            Value::Number,
        )))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::String(value.to_owned())))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::String(value)))
    }
    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::String(String::from_utf8_lossy(value).into_owned())))
    }
    fn visit_none<E: de::Error>(self) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::Null))
    }
    fn visit_unit<E: de::Error>(self) -> Result<NodeValue, E> {
        Ok(NodeValue::Scalar(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<NodeValue, D::Error> {
        NodeValue::deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<NodeValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element::<Node>()? {
            items.push(item);
        }
        Ok(NodeValue::Sequence(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<NodeValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = access.next_key::<serde_saphyr::Spanned<Key>>()? {
            entries.push((key, access.next_value::<Node>()?));
        }
        Ok(NodeValue::Mapping(entries))
    }
}

/// A mapping key: YAML allows any scalar, JSON wants text, so numbers and booleans become their spelling.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a scalar mapping key")
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Key, E> {
                Ok(Key(value.to_string()))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Key, E> {
                Ok(Key(value.to_string()))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Key, E> {
                Ok(Key(value.to_string()))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Key, E> {
                Ok(Key(value.to_string()))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Key, E> {
                Ok(Key(value.to_owned()))
            }
            fn visit_string<E: de::Error>(self, value: String) -> Result<Key, E> {
                Ok(Key(value))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Key, E> {
                Ok(Key("null".to_owned()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}
