package io.gatehouse.xml;

/**
 * Text content (entities decoded, named values substituted, CDATA unwrapped).
 *
 * @param value the text
 * @param position where the text starts in the source
 * @param secret whether a secret named value was substituted into it (never print it then)
 */
public record XmlText(String value, Position position, boolean secret) implements XmlNode {}
