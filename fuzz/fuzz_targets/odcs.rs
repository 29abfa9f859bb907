//! Fuzzes the ODCS reader, validator and writers: any bytes must give a value or an error, never a panic, and a
//! contract that was read must be writable as v3.2.0 and v3.1.0 and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meshwright::standards::{odcs, source, validate};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = validate::validate_text(text, Path::new("fuzz.odcs.yaml"));
    let Ok(document) = source::parse_located(text) else { return };
    if let Ok(contract) = odcs::read(document.value) {
        for version in [odcs::OdcsVersion::V3_2_0, odcs::OdcsVersion::V3_1_0] {
            if let Ok(written) = odcs::write(&contract, version) {
                let reread = meshwright::standards::read_str(&written, Path::new("written.odcs.yaml"));
                assert!(reread.is_ok(), "the {version:?} output could not be read back: {reread:?}\n{written}");
            }
        }
    }
});
