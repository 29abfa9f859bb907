//! Privacy: fields that look personal carry a classification (and not `public`), classifications come from the
//! agreed vocabulary, and a contract holding personal data declares how long it is kept.

use super::documentation::walk_properties;
use super::{FindingSink, RuleContext, RuleFamily, RuleInfo};
use crate::governance::findings::Severity;
use crate::model::{Contract, SchemaProperty};

pub(super) const RULES: &[RuleInfo] = &[UNCLASSIFIED, PUBLIC_PERSONAL, RETENTION, CLASSIFICATION_KNOWN];

const UNCLASSIFIED: RuleInfo = RuleInfo {
    id: "MW-PRV-001",
    family: RuleFamily::Privacy,
    title: "A field that looks personal carries a classification",
    rationale: "Email, phone, name, address, birth date, national id, IBAN or IP address fields are personal data \
                under GDPR; access control and masking start from the classification.",
    default_severity: Severity::Error,
    parameters: "words=[] (extra name words that mark a field as personal)",
};
const PUBLIC_PERSONAL: RuleInfo = RuleInfo {
    id: "MW-PRV-002",
    family: RuleFamily::Privacy,
    title: "A field that looks personal is not classified public",
    rationale: "Personal data classified public will be shared without protection; check the field or the name.",
    default_severity: Severity::Warning,
    parameters: "",
};
const RETENTION: RuleInfo = RuleInfo {
    id: "MW-PRV-003",
    family: RuleFamily::Privacy,
    title: "A contract with personal data declares retention",
    rationale: "Storage limitation (GDPR Art. 5): personal data may be kept only as long as needed, so the \
                contract must say how long.",
    default_severity: Severity::Error,
    parameters: "",
};
const CLASSIFICATION_KNOWN: RuleInfo = RuleInfo {
    id: "MW-PRV-004",
    family: RuleFamily::Privacy,
    title: "Classifications come from the agreed vocabulary",
    rationale: "Access policies match classifications by value; a misspelt one protects nothing.",
    default_severity: Severity::Warning,
    parameters: "allowed=[public, internal, restricted, confidential, sensitive, pii, secret]",
};

/// Whether a word makes a field personal when it names what the field holds: the last word of its name, or a
/// word followed only by a form such as `address` or `number` (`email`, `customer_email`, `email_address`, but
/// not `email_campaign_id`). A `match` rather than a list: this runs for every word of every property.
fn is_personal_word(word: &str) -> bool {
    matches!(
        word,
        "email"
            | "mail"
            | "phone"
            | "mobile"
            | "telephone"
            | "msisdn"
            | "surname"
            | "firstname"
            | "lastname"
            | "fullname"
            | "address"
            | "street"
            | "birth"
            | "birthdate"
            | "birthday"
            | "dob"
            | "ssn"
            | "passport"
            | "iban"
            | "ip"
            | "ipv4"
            | "ipv6"
    )
}

/// Word pairs that make a field personal on the same terms (`national_id`, `insurance_number`, …), and words that
/// before `name` make it a person's name (`first_name`, `account_holder_name`, …).
fn is_personal_pair(first: &str, second: &str) -> bool {
    match second {
        "name" => matches!(
            first,
            "first"
                | "last"
                | "full"
                | "given"
                | "family"
                | "middle"
                | "maiden"
                | "customer"
                | "patient"
                | "contact"
                | "holder"
                | "recipient"
                | "user"
                | "employee"
                | "member"
                | "guardian"
                | "person"
                | "sender"
        ),
        "id" => matches!(first, "national" | "tax"),
        "security" => first == "social",
        "number" => matches!(first, "insurance" | "account" | "card"),
        "card" => first == "id",
        _ => false,
    }
}

/// Words that may follow a personal word and still describe the same value.
fn is_value_form(word: &str) -> bool {
    matches!(word, "address" | "number" | "addr" | "hash" | "date" | "day" | "line" | "line1" | "line2" | "no" | "nr")
}

/// Classifications that mark personal data.
const PERSONAL_CLASSIFICATIONS: &[&str] = &["pii", "personal", "sensitive", "confidential", "restricted"];

/// The lower-case words of a field name: `customerEmail`, `customer_email` and `customer-email` all give
/// `customer`, `email`. Returns the lower-cased text and the byte ranges of its words, so that a name costs two
/// allocations however many words it has.
fn words(name: &str) -> (String, Vec<(usize, usize)>) {
    let mut lower = String::with_capacity(name.len() + 4);
    let mut ranges = Vec::with_capacity(4);
    let mut start: Option<usize> = None;
    let mut previous_lower = false;
    for character in name.chars() {
        if !character.is_alphanumeric() {
            if let Some(begin) = start.take() {
                ranges.push((begin, lower.len()));
            }
            previous_lower = false;
            continue;
        }
        if character.is_uppercase()
            && previous_lower
            && let Some(begin) = start.take()
        {
            ranges.push((begin, lower.len()));
        }
        if start.is_none() {
            start = Some(lower.len());
        }
        previous_lower = character.is_lowercase() || character.is_ascii_digit();
        if character.is_ascii() {
            lower.push(character.to_ascii_lowercase());
        } else {
            lower.extend(character.to_lowercase());
        }
    }
    if let Some(begin) = start {
        ranges.push((begin, lower.len()));
    }
    (lower, ranges)
}

/// What makes a field name look personal, if it does: the word or pair found.
pub(crate) fn personal_reason(name: &str, extra_words: &[String]) -> Option<String> {
    let (lower, ranges) = words(name);
    let word_at = |position: usize| ranges.get(position).and_then(|(begin, end)| lower.get(*begin..*end));
    let holds_value = |end: usize| word_at(end + 1).is_none_or(is_value_form);
    for position in 0..ranges.len() {
        let Some(word) = word_at(position) else { continue };
        let personal = is_personal_word(word) || extra_words.iter().any(|extra| extra == word);
        if personal && holds_value(position) {
            return Some(word.to_owned());
        }
        let Some(next) = word_at(position + 1) else { continue };
        if is_personal_pair(word, next) && holds_value(position + 1) {
            return Some(format!("{word} {next}"));
        }
    }
    None
}

fn is_personal_classification(classification: &str) -> bool {
    PERSONAL_CLASSIFICATIONS.iter().any(|known| known.eq_ignore_ascii_case(classification.trim()))
}

/// Whether the contract declares retention, as an SLA property or a top-level field.
pub(crate) fn declares_retention(contract: &Contract) -> bool {
    contract.sla_properties.iter().any(|sla| sla.property.eq_ignore_ascii_case("retention"))
        || contract.extra.contains_key("retention")
}

pub(super) fn contract(context: &RuleContext<'_>, contract: &Contract, sink: &mut FindingSink<'_>) {
    let document = sink.document();
    let id = &contract.id;
    let extra_words = &context.parameters.personal_words;
    let allowed = &context.parameters.classifications;
    let mut personal_fields: Vec<String> = Vec::new();
    for (object_position, object) in contract.schema.iter().enumerate() {
        let object_path = format!("{document}/schema[{object_position}]");
        walk_properties(&object.properties, &object_path, &mut |path, property: &SchemaProperty| {
            let reason = personal_reason(&property.name, extra_words);
            let classification = property.classification.as_deref().map(str::trim).filter(|text| !text.is_empty());
            match (&reason, classification) {
                (Some(reason), None) => sink.report(
                    &UNCLASSIFIED,
                    path.to_owned(),
                    format!(
                        "Property `{}` of `{}` in contract `{id}` looks personal ({reason}) but has no classification",
                        property.name, object.name
                    ),
                    "Set classification (pii for data about a person, restricted for financial identifiers).",
                ),
                (Some(reason), Some(classification)) if classification.eq_ignore_ascii_case("public") => sink.report(
                    &PUBLIC_PERSONAL,
                    format!("{path}.classification"),
                    format!(
                        "Property `{}` of `{}` in contract `{id}` looks personal ({reason}) but is classified public",
                        property.name, object.name
                    ),
                    "Classify the field pii (or rename it if it holds no personal data).",
                ),
                _ => {}
            }
            if let Some(classification) = classification
                && !allowed.iter().any(|known| known.eq_ignore_ascii_case(classification))
            {
                sink.report(
                    &CLASSIFICATION_KNOWN,
                    format!("{path}.classification"),
                    format!(
                        "Property `{}` of `{}` in contract `{id}` has classification `{classification}`, which is not \
                         one of: {}",
                        property.name,
                        object.name,
                        allowed.join(", ")
                    ),
                    "Use one of the agreed classifications (MW-PRV-004 parameter `allowed`).",
                );
            }
            if reason.is_some() || classification.is_some_and(is_personal_classification) {
                personal_fields.push(property.name.clone());
            }
        });
    }
    if !personal_fields.is_empty() && !declares_retention(contract) {
        let shown: Vec<&str> = personal_fields.iter().take(3).map(String::as_str).collect();
        sink.report(
            &RETENTION,
            format!("{document}/slaProperties"),
            format!(
                "Contract `{id}` holds personal data ({}{}) but declares no retention",
                shown.join(", "),
                if personal_fields.len() > 3 { ", …" } else { "" }
            ),
            "Add an slaProperties entry `retention` with a value and unit, and say how personal data is erased.",
        );
    }
}
