package io.gatehouse.xml.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of an element: its attributes, child elements, and whether it holds text or policy statements.
 *
 * @param name element name
 * @param attributes allowed attributes by name, in documentation order
 * @param openAttributes whether any other attribute is accepted too (foreign or out-of-scope elements)
 * @param children allowed non-statement child elements, in documentation order
 * @param text whether text content is allowed
 * @param content what other children it may contain
 * @param statementNames when {@code content} is {@link Content#STATEMENTS} and this is not empty, the only policies
 *     allowed as children (e.g. {@code wait})
 * @param requireOneOf groups of attribute names of which at least one must be present
 */
public record ElementSpec(
    String name,
    Map<String, AttributeSpec> attributes,
    boolean openAttributes,
    List<ChildSpec> children,
    boolean text,
    Content content,
    Set<String> statementNames,
    List<List<String>> requireOneOf) {

  /** What may appear as child elements besides {@link #children()}. */
  public enum Content {
    /** Only the listed child elements. */
    ELEMENTS,
    /** The listed child elements and policy statements (choose/when, retry, wait...). */
    STATEMENTS,
    /** Any child elements and text (an embedded document such as an XSLT stylesheet or an XML body); not validated. */
    ANY
  }

  public ElementSpec {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    children = List.copyOf(children);
    statementNames = Set.copyOf(statementNames);
    requireOneOf = requireOneOf.stream().map(List::copyOf).toList();
  }

  /** The attribute named {@code attributeName}, or null. */
  public AttributeSpec attribute(String attributeName) {
    return attributes.get(attributeName);
  }

  /** The allowed child element named {@code childName}, or null. */
  public ChildSpec child(String childName) {
    for (ChildSpec c : children) {
      if (c.element().name().equals(childName)) {
        return c;
      }
    }
    return null;
  }
}
