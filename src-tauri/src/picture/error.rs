//! What can stop a picture: an `--around` id the design lacks, no fonts to set text in, or a render failure.

/// A picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    #[error(
        "no fonts found to draw the PNG's text; install a font package (Debian: `apt-get install fonts-dejavu-core`, which scripts/setup does)"
    )]
    NoFonts,
    #[error("cannot draw the picture: {detail}")]
    Render { detail: String },
}
