package io.gatehouse.xml.catalog;

import io.gatehouse.xml.Scope;
import io.gatehouse.xml.Section;
import java.util.Set;

/**
 * What Gatehouse knows about one policy element.
 *
 * @param element the element's shape; for {@code outOfScope} policies it accepts any content
 * @param sections the sections it may be used in (usage matrix of policies.md)
 * @param scopes the scopes it may be used at
 * @param once whether it may appear at most once per section or per document
 * @param outOfScope a known APIM policy Gatehouse does not aim to support (the engine reports it as unsupported)
 */
public record PolicySpec(ElementSpec element, Set<Section> sections, Set<Scope> scopes, Once once, boolean outOfScope) {

  /** Occurrence restrictions. */
  public enum Once {
    /** No restriction. */
    ANY,
    /** At most once in each section of a document. */
    PER_SECTION,
    /** At most once in a document. */
    PER_DOCUMENT
  }

  public PolicySpec {
    sections = Set.copyOf(sections);
    scopes = Set.copyOf(scopes);
  }

  /** The policy's element name. */
  public String name() {
    return element.name();
  }
}
