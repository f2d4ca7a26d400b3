// The storage module the example's task packets scope (IN_SCOPE_PATHS: src/storage/mod.rs).
pub trait Database {}
