//! Checking a call's arguments against its tool's JSON Schema, before the tool runs.

/// `Ok` when `args` fits `schema`; otherwise every reason, one per line. A schema that
/// does not compile (a tool's own bug) lets every call through, with a warning.
pub fn check(schema: &serde_json::Value, args: &serde_json::Value) -> Result<(), String> {
    let validator = match jsonschema::validator_for(schema) {
        Ok(validator) => validator,
        Err(err) => {
            tracing::warn!(error = %err, "a tool's parameter schema does not compile; its arguments go unchecked");
            return Ok(());
        }
    };
    let reasons: Vec<String> = validator
        .iter_errors(args)
        .map(|e| {
            let at = e.instance_path().to_string();
            if at.is_empty() {
                e.to_string()
            } else {
                format!("{at}: {e}")
            }
        })
        .collect();
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(reasons.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn arguments_that_do_not_fit_are_refused_with_every_reason() {
        let schema = json!({"type": "object", "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}},
            "required": ["x", "y"], "additionalProperties": false});
        assert_eq!(check(&schema, &json!({"x": 1, "y": 2})), Ok(()));
        let why = check(&schema, &json!({"x": "1", "z": 3})).unwrap_err();
        assert!(
            why.contains("/x") && why.contains("\"y\" is a required property"),
            "{why}"
        );
        assert!(why.contains("z"), "{why}");
        assert!(check(&schema, &json!("not an object")).is_err());
    }
}
