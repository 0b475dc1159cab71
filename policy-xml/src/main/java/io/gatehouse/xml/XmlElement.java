package io.gatehouse.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An element of a policy document with its source position. Immutable.
 *
 * @param name element name as written (no namespace processing; {@code xsl:stylesheet} keeps its prefix)
 * @param attributes attributes in document order
 * @param children child elements and text in document order (whitespace-only text is dropped)
 * @param position where the {@code <} of the start tag is
 */
public record XmlElement(String name, List<XmlAttribute> attributes, List<XmlNode> children, Position position)
    implements XmlNode {

  public XmlElement {
    attributes = List.copyOf(attributes);
    children = List.copyOf(children);
  }

  /** The attribute named {@code name}, if present. */
  public Optional<XmlAttribute> attribute(String name) {
    for (XmlAttribute a : attributes) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The value of attribute {@code name}, or null when absent. */
  public String attributeValue(String name) {
    return attribute(name).map(XmlAttribute::value).orElse(null);
  }

  /** Child elements only, in order. */
  public List<XmlElement> elements() {
    List<XmlElement> result = new ArrayList<>(children.size());
    for (XmlNode n : children) {
      if (n instanceof XmlElement e) {
        result.add(e);
      }
    }
    return result;
  }

  /** Child elements named {@code name}, in order. */
  public List<XmlElement> elements(String name) {
    List<XmlElement> result = new ArrayList<>();
    for (XmlNode n : children) {
      if (n instanceof XmlElement e && e.name().equals(name)) {
        result.add(e);
      }
    }
    return result;
  }

  /** The first child element named {@code name}, if any. */
  public Optional<XmlElement> element(String name) {
    for (XmlNode n : children) {
      if (n instanceof XmlElement e && e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The single text child, if the element's content is text (whitespace around it already trimmed away by
   * the reader only when the text is whitespace-only); null when the element has no text. */
  public XmlText text() {
    for (XmlNode n : children) {
      if (n instanceof XmlText t) {
        return t;
      }
    }
    return null;
  }
}
