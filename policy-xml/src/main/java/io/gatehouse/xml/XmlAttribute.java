package io.gatehouse.xml;

/**
 * An attribute.
 *
 * @param name attribute name as written
 * @param value value with entities decoded and named values substituted
 * @param position where the attribute name starts
 * @param valuePosition where the value's first character starts (after the opening quote); expression
 *     positions are computed from it
 * @param secret whether a secret named value was substituted into it
 */
public record XmlAttribute(String name, String value, Position position, Position valuePosition, boolean secret) {}
