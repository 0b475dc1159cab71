package io.gatehouse.xml;

import java.util.Objects;

/**
 * One policy statement of an effective section: the element and the scope of the document it came from (for a
 * fragment's statements, the scope of the including document).
 */
public record Statement(XmlElement element, Scope scope) {
  public Statement {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(scope, "scope");
  }
}
