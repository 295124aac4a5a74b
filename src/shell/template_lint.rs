//! The lint that keeps every value a template prints inside the quoting module: each
//! `{{ … }}` in `shells/` must end in one of the filters of `quote::filters`, each of
//! which calls exactly one quoting function.

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
