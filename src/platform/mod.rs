//! Operating-system specifics, one small module per concern, each with a Unix and a
//! Windows side. A leaf: nothing here uses the rest of venvsh.
