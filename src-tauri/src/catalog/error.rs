//! What can stop the HTML catalog: a page that cannot be written, a template that fails (a bug), or an overview
//! picture that cannot be drawn.

/// The catalog could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Write(#[from] crate::mesh_as_code::CodeError),
    #[error("cannot render the catalog page {page}: {detail}; please report it")]
    Template { page: String, detail: String },
    #[error("cannot draw the catalog's overview picture: {0}")]
    Picture(#[from] crate::picture::PictureError),
    #[error("cannot write the catalog's search index: {0}")]
    Index(serde_json::Error),
}
