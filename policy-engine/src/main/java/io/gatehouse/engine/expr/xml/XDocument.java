package io.gatehouse.engine.expr.xml;

/** {@code System.Xml.Linq.XDocument}: a parsed document with its {@code Root} element. */
public final class XDocument {
  private final XElement root;

  private XDocument(XElement root) {
    this.root = root;
  }

  /** {@code XDocument.Parse(text)}: malformed input throws XmlException. */
  public static XDocument parse(String text) {
    return new XDocument(XElement.parse(text));
  }

  /** {@code Root}. */
  public XElement root() {
    return root;
  }

  /** {@code Descendants([name])}. */
  public java.util.List<XElement> descendants(XName name) {
    java.util.List<XElement> out = new java.util.ArrayList<>();
    if (name == null || name.matches(root.node())) {
      out.add(root);
    }
    out.addAll(root.descendants(name));
    return out;
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
