package io.gatehouse.xml;

import java.util.Objects;

/**
 * A policy document as read by {@link PolicyReader}: a {@code <policies>} document or a {@code <fragment>}.
 *
 * @param origin the source's origin, as printed in diagnostics
 * @param kind whether the root is {@code <policies>} or {@code <fragment>}
 * @param root the root element
 */
public record PolicyDocument(String origin, Kind kind, XmlElement root) {

  /** The two kinds of policy documents. */
  public enum Kind {
    /** Root {@code <policies>}: up to four sections. */
    POLICIES("policies"),
    /** Root {@code <fragment>}: a list of policy statements. */
    FRAGMENT("fragment");

    private final String rootName;

    Kind(String rootName) {
      this.rootName = rootName;
    }

    /** The root element name. */
    public String rootName() {
      return rootName;
    }
  }

  public PolicyDocument {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(root, "root");
  }

  /** The first section element named after {@code section}, or null (always null for fragments). */
  public XmlElement section(Section section) {
    if (kind != Kind.POLICIES) {
      return null;
    }
    return root.element(section.xmlName()).orElse(null);
  }
}
