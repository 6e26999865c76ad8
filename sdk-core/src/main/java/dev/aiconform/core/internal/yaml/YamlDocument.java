package dev.aiconform.core.internal.yaml;

import dev.aiconform.core.SourceLocation;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One YAML document read into a JSON tree, with the location of every mapping key and sequence item
 * keyed by canonical field path ({@code spec.containers[0].name}).
 */
public record YamlDocument(
    JsonNode root, SourceLocation start, Map<String, SourceLocation> locations) {}
