//! Browser tests (placeholder).
