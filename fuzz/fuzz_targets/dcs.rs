//! Fuzzes the DCS reader and writer: any bytes must give a value or an error, never a panic, and a contract that
//! was read must be writable as DCS and as ODCS.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meshwright::standards::{dcs, odcs, source, validate};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = validate::validate_text(text, Path::new("fuzz.dcs.yaml"));
    let Ok(document) = source::parse_located(text) else { return };
    if let Ok(contract) = dcs::read(document.value) {
        let _ = dcs::write(&contract);
        let _ = odcs::write(&contract, odcs::OdcsVersion::V3_2_0);
    }
});
