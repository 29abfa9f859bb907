//! Fuzzes the ODPS reader, validator and writer: any bytes must give a value or an error, never a panic, and a
//! product that was read must be writable and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meshwright::standards::{odps, source, validate};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = validate::validate_text(text, Path::new("fuzz.odps.yaml"));
    let Ok(document) = source::parse_located(text) else { return };
    if let Ok(product) = odps::read(document.value) {
        for version in [odps::OdpsVersion::V1_0_0, odps::OdpsVersion::V1_1_0] {
            if let Ok(written) = odps::write(&product, version) {
                let reread = meshwright::standards::read_str(&written, Path::new("written.odps.yaml"));
                assert!(reread.is_ok(), "the writer's output could not be read back: {reread:?}\n{written}");
            }
        }
    }
});
