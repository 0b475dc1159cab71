package io.gatehouse.xml;

/** The four sections of a policy document, in execution order. */
public enum Section {
  INBOUND("inbound"),
  BACKEND("backend"),
  OUTBOUND("outbound"),
  ON_ERROR("on-error");

  private final String xmlName;

  Section(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The element name, e.g. {@code on-error}. */
  public String xmlName() {
    return xmlName;
  }

  /** The section with element name {@code name}, or null. */
  public static Section fromXmlName(String name) {
    for (Section s : values()) {
      if (s.xmlName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
