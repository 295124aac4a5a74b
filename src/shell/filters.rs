//! How the askama filters, the templates' only way to print a value, are made.
//!
//! [`quoting_filters!`] turns a table of `filter => quoting function` into filters; the
//! table sits in [`crate::shell::quote`] beside the functions, as `quote::filters`, which
//! every dialect's templates use. Every `{{ … }}` in `shells/` must end in one of those
//! filters (the test below checks this); each calls exactly one quoting function.

/// Wrap a quoting result as a template error that keeps the [`Unrepresentable`] inside.
///
/// [`Unrepresentable`]: crate::shell::quote::Unrepresentable
pub fn quoted(result: Result<String, super::quote::Unrepresentable>) -> askama::Result<String> {
    result.map_err(askama::Error::custom)
}

macro_rules! quoting_filters {
    (
        text { $($(#[$doc:meta])* $filter:ident => $function:path;)* }
        bytes { $($(#[$bdoc:meta])* $bfilter:ident => $bfunction:path;)* }
    ) => {
        $(
            $(#[$doc])*
            #[askama::filter_fn]
            pub fn $filter(value: impl ToString, _env: &dyn askama::Values) -> askama::Result<String> {
                $crate::shell::filters::quoted($function(&value.to_string()))
            }
        )*
        $(
            $(#[$bdoc])*
            #[askama::filter_fn]
            pub fn $bfilter(value: &[u8], _env: &dyn askama::Values) -> askama::Result<String> {
                $crate::shell::filters::quoted($bfunction(value))
            }
        )*

        /// Every filter above: the only ones an interpolation may end in.
        #[cfg(test)]
        pub const QUOTING_FILTERS: &[&str] = &[$(stringify!($filter),)* $(stringify!($bfilter)),*];
    };
}
pub(crate) use quoting_filters;

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::shell::quote::filters::QUOTING_FILTERS;

    fn templates(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                templates(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                // shells/README.md documents the templates; it is not one.
            } else {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }

    /// Every `{{ expression }}` in `text`, with its line number.
    fn interpolations(text: &str) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while let Some(start) = rest.find("{{") {
            let end = rest[start..].find("}}").expect("unclosed {{") + start;
            let line = text[..offset + start].matches('\n').count() + 1;
            found.push((
                line,
                rest[start + 2..end]
                    .trim()
                    .trim_matches('-')
                    .trim()
                    .to_owned(),
            ));
            offset += end + 2;
            rest = &rest[end + 2..];
        }
        found
    }

    fn is_filtered(expression: &str) -> bool {
        expression
            .rsplit_once('|')
            .is_some_and(|(_, filter)| QUOTING_FILTERS.contains(&filter.trim()))
    }

    #[test]
    fn every_interpolation_in_shells_goes_through_a_quoting_filter() {
        let mut all = Vec::new();
        templates(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("shells"),
            &mut all,
        );
        assert!(all.len() >= 10, "templates not found");
        let mut unfiltered = Vec::new();
        for (file, text) in &all {
            for (line, expression) in interpolations(text) {
                if !is_filtered(&expression) {
                    unfiltered.push(format!("{file}:{line}: {{{{ {expression} }}}}"));
                }
            }
        }
        assert!(
            unfiltered.is_empty(),
            "interpolations without a quoting filter:\n{}",
            unfiltered.join("\n")
        );
    }

    #[test]
    fn the_lint_catches_a_bare_or_unknown_filter() {
        let found = interpolations("a {{ view.exe }} b {{ x|upper }} c {{- y|posix -}}");
        let verdicts: Vec<bool> = found.iter().map(|(_, e)| is_filtered(e)).collect();
        assert_eq!(verdicts, vec![false, false, true]);
    }
}
