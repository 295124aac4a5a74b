//! Operating-system facts and operations that know nothing of venvsh: each module is a
//! leaf (it imports no other venvsh module), so any layer can use it.

pub mod remove;
