package io.gatehouse.engine.expr.xml;

/** {@code System.Xml.Linq.XName}: a namespace URI (empty for none) and a local name. */
public record XName(String namespaceName, String localName) {
  /** {@code ToString()}: {@code {ns}local} or {@code local}. */
  @Override
  public String toString() {
    return namespaceName.isEmpty() ? localName : "{" + namespaceName + "}" + localName;
  }

  /** The implicit conversion from {@code string} ({@code "{ns}local"} or {@code "local"}). */
  public static XName of(String expanded) {
    if (expanded.startsWith("{")) {
      int close = expanded.indexOf('}');
      return new XName(expanded.substring(1, close), expanded.substring(close + 1));
    }
    return new XName("", expanded);
  }

  boolean matches(org.w3c.dom.Node n) {
    String local = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    String ns = n.getNamespaceURI() == null ? "" : n.getNamespaceURI();
    return local.equals(localName) && ns.equals(namespaceName);
  }
}
