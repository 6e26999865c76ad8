package dev.aiconform.gang.internal.cluster;

/**
 * The topology domain a running placement search is confined to, shared by the gang plugin (which
 * searches) and {@link GangTopologyFilter} (which the search runs): placement searches give every
 * pod a fresh cycle, so cycle data cannot carry it. Everything runs on one thread.
 */
final class SearchDomain {
  /** One value of a node label: all members land on nodes labelled {@code key=value}. */
  record Domain(String key, String value) {}

  private Domain current;
  private int depth;

  void begin(Domain domain) {
    current = domain;
    depth++;
  }

  void end() {
    depth--;
    current = null;
  }

  /** Whether the gang plugin's search is running. */
  boolean isSearching() {
    return depth > 0;
  }

  Domain current() {
    return current;
  }
}
