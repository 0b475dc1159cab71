package io.gatehouse.engine.expr.xml;

import org.w3c.dom.Attr;

/** {@code System.Xml.Linq.XAttribute}: a name and a value. */
public final class XAttribute {
  private final Attr attr;

  XAttribute(Attr attr) {
    this.attr = attr;
  }

  /** {@code Name}. */
  public XName name() {
    String ns = attr.getNamespaceURI();
    return new XName(ns == null ? "" : ns, attr.getLocalName() != null ? attr.getLocalName() : attr.getName());
  }

  /** {@code Value}. */
  public String value() {
    return attr.getValue();
  }

  /** {@code ToString()}: {@code name="value"}. */
  @Override
  public String toString() {
    return attr.getName() + "=\"" + XElement.escape(attr.getValue(), true) + "\"";
  }
}
