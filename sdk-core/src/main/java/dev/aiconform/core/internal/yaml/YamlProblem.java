package dev.aiconform.core.internal.yaml;

import dev.aiconform.core.SourceLocation;

/** Something the YAML reader could not accept, with the finding id it is reported under. */
public record YamlProblem(String rule, SourceLocation location, String message, String hint) {}
