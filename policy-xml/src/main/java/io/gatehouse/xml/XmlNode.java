package io.gatehouse.xml;

/** A node of a policy document: an element or a piece of text. Comments and processing instructions are dropped. */
public sealed interface XmlNode permits XmlElement, XmlText {
  Position position();
}
