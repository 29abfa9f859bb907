//! A contract's data sheet in Markdown: what it is for, who publishes and reads it, every object as a table of
//! properties (type, required, key, classification, description), quality rules, SLA, support and servers. User
//! text is escaped so that it reads as text: `|` cannot break a table and `<`/`>` cannot become HTML.

use crate::model::{Binding, Contract, Mesh, QualityRule, SchemaProperty};
use std::fmt::Write;

/// The data sheet of a contract.
pub fn data_sheet(mesh: &Mesh, contract: &Contract) -> String {
    let mut text = String::new();
    let title = contract.name.as_deref().unwrap_or(contract.id.as_str());
    let _ = writeln!(text, "# {}\n", inline(title));
    let _ = writeln!(text, "| | |\n|---|---|");
    let _ = writeln!(text, "| Contract | `{}` |", cell(contract.id.as_str()));
    let _ = writeln!(text, "| Version | {} |", cell(&contract.version));
    let _ = writeln!(text, "| Status | {} |", cell(contract.status.as_str()));
    if let Some(domain) = &contract.domain {
        let name = mesh.domains.get(domain.as_str()).map_or(domain.as_str(), |domain| domain.name.as_str());
        let _ = writeln!(text, "| Domain | {} |", cell(name));
    }
    if !contract.tags.is_empty() {
        let _ = writeln!(text, "| Tags | {} |", cell(&contract.tags.join(", ")));
    }
    let publishers: Vec<String> = mesh
        .products
        .values()
        .flat_map(|product| {
            product
                .output_ports
                .iter()
                .filter(|port| port.contract_id.as_ref() == Some(&contract.id))
                .map(move |port| format!("{} (`{}`, port `{}`)", product.name, product.id, port.name))
        })
        .collect();
    if !publishers.is_empty() {
        let _ = writeln!(text, "| Published by | {} |", cell(&publishers.join("; ")));
    }
    let readers: Vec<String> = mesh
        .dependencies()
        .filter(|(_, binding)| matches!(binding, Binding::Contract { contract_id, .. } if *contract_id == contract.id))
        .map(|(reader, binding)| {
            let name = mesh
                .products
                .get(reader.as_str())
                .map(|product| product.name.as_str())
                .or_else(|| mesh.consumers.get(reader.as_str()).map(|consumer| consumer.name.as_str()))
                .unwrap_or(reader.as_str());
            format!("{name} (`{reader}`, pins {})", binding.version())
        })
        .collect();
    if !readers.is_empty() {
        let _ = writeln!(text, "| Read by | {} |", cell(&readers.join("; ")));
    }
    if let Some(description) = &contract.description {
        for (heading, value) in [
            ("Purpose", &description.purpose),
            ("Limitations", &description.limitations),
            ("Usage", &description.usage),
        ] {
            if let Some(value) = value {
                let _ = writeln!(text, "\n## {heading}\n\n{}", block(value));
            }
        }
    }
    for object in &contract.schema {
        let _ = writeln!(text, "\n## Object `{}`\n", cell(&object.name));
        let mut facts = Vec::new();
        if let Some(name) = &object.business_name {
            facts.push(inline(name));
        }
        if let Some(kind) = &object.physical_type {
            facts.push(format!("physical type: {}", inline(kind)));
        }
        if let Some(name) = &object.physical_name {
            facts.push(format!("physical name: `{}`", cell(name)));
        }
        if !facts.is_empty() {
            let _ = writeln!(text, "{}\n", facts.join(" · "));
        }
        if let Some(description) = &object.description {
            let _ = writeln!(text, "{}\n", block(description));
        }
        let _ = writeln!(
            text,
            "| Property | Type | Required | Key | Classification | Description |\n|---|---|---|---|---|---|"
        );
        let mut rows = Vec::new();
        flatten(&object.properties, "", &mut rows);
        for (path, property) in &rows {
            let kind = match (&property.logical_type, &property.physical_type) {
                (Some(logical), Some(physical)) => format!("{logical} ({physical})"),
                (Some(logical), None) => logical.clone(),
                (None, Some(physical)) => physical.clone(),
                (None, None) => String::new(),
            };
            let key = match (property.primary_key, property.unique) {
                (true, _) => "primary",
                (false, true) => "unique",
                _ => "",
            };
            let _ = writeln!(
                text,
                "| `{}` | {} | {} | {key} | {} | {} |",
                cell(path),
                cell(&kind),
                if property.required { "yes" } else { "" },
                cell(property.classification.as_deref().unwrap_or("")),
                cell(property.description.as_deref().unwrap_or(""))
            );
        }
        let mut rules: Vec<(String, &QualityRule)> =
            object.quality.iter().map(|rule| (object.name.clone(), rule)).collect();
        for (path, property) in &rows {
            rules.extend(property.quality.iter().map(|rule| (path.clone(), rule)));
        }
        if !rules.is_empty() {
            let _ = writeln!(text, "\n### Quality\n\n| On | Rule | Dimension | Severity |\n|---|---|---|---|");
            for (on, rule) in rules {
                let _ = writeln!(
                    text,
                    "| `{}` | {} | {} | {} |",
                    cell(&on),
                    cell(&rule_text(rule)),
                    cell(rule.dimension.as_deref().unwrap_or("")),
                    cell(rule.severity.as_deref().unwrap_or(""))
                );
            }
        }
    }
    if !contract.sla_properties.is_empty() {
        let _ = writeln!(
            text,
            "\n## Service levels\n\n| Property | Value | Unit | Element | Description |\n|---|---|---|---|---|"
        );
        for sla in &contract.sla_properties {
            let value = match &sla.value {
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            let _ = writeln!(
                text,
                "| {} | {} | {} | {} | {} |",
                cell(&sla.property),
                cell(&value),
                cell(sla.unit.as_deref().unwrap_or("")),
                cell(sla.element.as_deref().unwrap_or("")),
                cell(sla.description.as_deref().unwrap_or(""))
            );
        }
    }
    if !contract.support.is_empty() {
        let _ = writeln!(text, "\n## Support\n");
        for channel in &contract.support {
            let mut line = format!("- {}", inline(&channel.channel));
            if let Some(url) = &channel.url {
                let _ = write!(line, ": <{}>", url.replace(['<', '>', ' '], ""));
            }
            if let Some(description) = &channel.description {
                let _ = write!(line, " — {}", inline(description));
            }
            let _ = writeln!(text, "{line}");
        }
    }
    if !contract.servers.is_empty() {
        let _ = writeln!(text, "\n## Servers\n\n| Server | Type | Environment | Description |\n|---|---|---|---|");
        for server in &contract.servers {
            let _ = writeln!(
                text,
                "| {} | {} | {} | {} |",
                cell(&server.server),
                cell(&server.server_type),
                cell(server.environment.as_deref().unwrap_or("")),
                cell(server.description.as_deref().unwrap_or(""))
            );
        }
    }
    let _ = writeln!(text, "\n---\nWritten by Meshwright from the ODCS contract `{}`.", cell(contract.id.as_str()));
    text
}

/// Every property with its dotted path, nested properties after their parent.
fn flatten<'a>(properties: &'a [SchemaProperty], prefix: &str, rows: &mut Vec<(String, &'a SchemaProperty)>) {
    for property in properties {
        let path = if prefix.is_empty() { property.name.clone() } else { format!("{prefix}.{}", property.name) };
        rows.push((path.clone(), property));
        flatten(&property.properties, &path, rows);
    }
}

/// A rule in words: its description, else its metric and operator.
pub fn rule_text(rule: &QualityRule) -> String {
    if let Some(description) = &rule.description {
        return description.clone();
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(name) = &rule.name {
        parts.push(name.clone());
    }
    if let Some(metric) = &rule.metric {
        parts.push(metric.clone());
    }
    for (key, value) in &rule.extra {
        if key.starts_with("must") {
            parts.push(format!("{key} {value}"));
        }
    }
    if let Some(query) = &rule.query {
        parts.push(query.clone());
    }
    parts.join(" ")
}

/// Text for one line of Markdown: HTML and line breaks neutralised.
fn inline(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace(['\n', '\r'], " ")
}

/// Text for a table cell: like [`inline`], and `|` escaped.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|").replace('`', "'")
}

/// A paragraph: HTML neutralised, line breaks kept.
fn block(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").trim().to_owned()
}
