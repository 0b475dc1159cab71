package io.gatehouse.engine.expr.xml;

import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsRuntimeSettings;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** {@code System.Xml.Linq.XElement} over a DOM element (read-only navigation, values and text output). */
public final class XElement {
  private static final DocumentBuilderFactory FACTORY = secureFactory();
  private final Element element;

  XElement(Element element) {
    this.element = element;
  }

  private static DocumentBuilderFactory secureFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setXIncludeAware(false);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  /** {@code XElement.Parse(text)}: malformed input (or a DTD) throws XmlException. */
  public static XElement parse(String text) {
    if (text == null) {
      throw CsException.argumentNull("text");
    }
    try {
      DocumentBuilder b = FACTORY.newDocumentBuilder();
      b.setErrorHandler(null);
      return new XElement(b.parse(new InputSource(new StringReader(text))).getDocumentElement());
    } catch (SAXException | java.io.IOException | ParserConfigurationException e) {
      throw new CsException("XmlException", e.getMessage() == null ? "Invalid XML." : e.getMessage());
    }
  }

  Node node() {
    return element;
  }

  /** {@code Name}. */
  public XName name() {
    String ns = element.getNamespaceURI();
    return new XName(ns == null ? "" : ns, element.getLocalName() != null ? element.getLocalName()
        : element.getTagName());
  }

  /** {@code Value}: the concatenated text of all descendants. */
  public String value() {
    return element.getTextContent();
  }

  /** {@code HasElements}. */
  public boolean hasElements() {
    return !elements(null).isEmpty();
  }

  /** {@code Parent}, or null for the root. */
  public XElement parent() {
    return element.getParentNode() instanceof Element p ? new XElement(p) : null;
  }

  /** {@code Element(name)}: the first child element with that name, or null. */
  public XElement element(XName name) {
    List<XElement> e = elements(name);
    return e.isEmpty() ? null : e.get(0);
  }

  /** {@code Elements([name])}: child elements (all when {@code name} is null). */
  public List<XElement> elements(XName name) {
    List<XElement> out = new ArrayList<>();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node c = children.item(i);
      if (c instanceof Element e && (name == null || name.matches(e))) {
        out.add(new XElement(e));
      }
    }
    return out;
  }

  /** {@code Descendants([name])} in document order. */
  public List<XElement> descendants(XName name) {
    List<XElement> out = new ArrayList<>();
    for (XElement c : elements(null)) {
      if (name == null || name.matches(c.element)) {
        out.add(c);
      }
      out.addAll(c.descendants(name));
    }
    return out;
  }

  /** {@code Attribute(name)}, or null. */
  public XAttribute attribute(XName name) {
    for (XAttribute a : attributes()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** {@code Attributes()} (namespace declarations excluded). */
  public List<XAttribute> attributes() {
    List<XAttribute> out = new ArrayList<>();
    NamedNodeMap attrs = element.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
        out.add(new XAttribute(a));
      }
    }
    return out;
  }

  /** {@code ToString()}: indented with two spaces. */
  @Override
  public String toString() {
    return toString(true);
  }

  /** {@code ToString(SaveOptions)}: indented, or as is with {@code DisableFormatting}. */
  public String toString(boolean indent) {
    StringBuilder sb = new StringBuilder();
    write(element, sb, indent, 0);
    return sb.toString();
  }

  private static void write(Element e, StringBuilder sb, boolean indent, int level) {
    sb.append('<').append(e.getTagName());
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      sb.append(' ').append(a.getName()).append("=\"").append(escape(a.getValue(), true)).append('"');
    }
    NodeList children = e.getChildNodes();
    if (children.getLength() == 0) {
      sb.append(" />");
      return;
    }
    sb.append('>');
    boolean elementsOnly = true;
    for (int i = 0; i < children.getLength(); i++) {
      if (!(children.item(i) instanceof Element) && !children.item(i).getTextContent().isBlank()) {
        elementsOnly = false;
      }
    }
    for (int i = 0; i < children.getLength(); i++) {
      Node c = children.item(i);
      if (c instanceof Element ce) {
        if (indent && elementsOnly) {
          sb.append(CsRuntimeSettings.NEW_LINE).append("  ".repeat(level + 1));
        }
        write(ce, sb, indent, level + 1);
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        if (!(indent && elementsOnly)) {
          sb.append(escape(c.getTextContent(), false));
        }
      }
    }
    if (indent && elementsOnly) {
      sb.append(CsRuntimeSettings.NEW_LINE).append("  ".repeat(level));
    }
    sb.append("</").append(e.getTagName()).append('>');
  }

  static String escape(String s, boolean attribute) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
