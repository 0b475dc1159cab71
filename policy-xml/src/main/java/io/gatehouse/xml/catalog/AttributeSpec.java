package io.gatehouse.xml.catalog;

import java.util.Set;

/**
 * An attribute of a policy or child element.
 *
 * @param name attribute name
 * @param required whether it must be present
 * @param type the kind of literal value it takes
 * @param values for {@link Type#ENUM}, the allowed literal values; empty otherwise
 * @param expressions whether a policy expression may be used instead of a literal
 * @param outOfScope a documented attribute the engine does not aim to support (e.g. Dapr, Service Fabric)
 */
public record AttributeSpec(
    String name, boolean required, Type type, Set<String> values, boolean expressions, boolean outOfScope) {

  /** Kinds of literal values. */
  public enum Type {
    STRING,
    INTEGER,
    BOOLEAN,
    ENUM
  }

  public AttributeSpec {
    values = Set.copyOf(values);
  }
}
