//! The ODCS document form of a contract. The model's `Contract` is shaped after ODCS v3, so a document is the
//! contract plus the `apiVersion` and `kind` header.

use crate::model::Contract;
use serde::{Deserialize, Serialize};

/// The ODCS version this build writes by default.
pub const ODCS_VERSION: &str = "v3.2.0";
pub const ODCS_KIND: &str = "DataContract";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OdcsDocument {
    pub api_version: String,
    pub kind: String,
    #[serde(flatten)]
    pub contract: Contract,
}

impl OdcsDocument {
    pub fn from_contract(contract: &Contract) -> Self {
        Self { api_version: ODCS_VERSION.to_owned(), kind: ODCS_KIND.to_owned(), contract: contract.clone() }
    }
}
