package io.gatehouse.xml;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The composed statements of every section for one request path (README §3.2). Immutable. */
public final class EffectivePolicy {
  private final Map<Section, List<Statement>> sections;

  EffectivePolicy(Map<Section, List<Statement>> sections) {
    Map<Section, List<Statement>> copy = new EnumMap<>(Section.class);
    for (Section s : Section.values()) {
      copy.put(s, List.copyOf(sections.getOrDefault(s, List.of())));
    }
    this.sections = copy;
  }

  /** The statements of {@code section} in execution order; empty when there are none. */
  public List<Statement> section(Section section) {
    return sections.get(section);
  }
}
