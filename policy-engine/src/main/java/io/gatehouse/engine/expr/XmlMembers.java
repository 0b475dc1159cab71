package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsDateTime;
import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsParse;
import io.gatehouse.engine.expr.xml.XAttribute;
import io.gatehouse.engine.expr.xml.XDocument;
import io.gatehouse.engine.expr.xml.XElement;
import io.gatehouse.engine.expr.xml.XName;
import java.util.ArrayList;
import java.util.function.Function;

/** Binding of the LINQ to XML members of spec 8.6 onto {@link io.gatehouse.engine.expr.xml}. */
final class XmlMembers {
  private XmlMembers() {}

  static Bound property(Bound target, String name) {
    CsType t = target.type;
    if (t == Library.XELEMENT) {
      return switch (name) {
        case "Value" -> Library.prop(target, CsType.STRING, XElement.class, XElement::value);
        case "Name" -> Library.prop(target, Library.XNAME, XElement.class, XElement::name);
        case "HasElements" -> Library.prop(target, CsType.BOOL, XElement.class, XElement::hasElements);
        case "Parent" -> Library.prop(target, Library.XELEMENT, XElement.class, XElement::parent);
        default -> null;
      };
    }
    if (t == Library.XATTRIBUTE) {
      return switch (name) {
        case "Value" -> Library.prop(target, CsType.STRING, XAttribute.class, XAttribute::value);
        case "Name" -> Library.prop(target, Library.XNAME, XAttribute.class, XAttribute::name);
        default -> null;
      };
    }
    if (t == Library.XDOCUMENT && name.equals("Root")) {
      return Library.prop(target, Library.XELEMENT, XDocument.class, XDocument::root);
    }
    if (t == Library.XNAME) {
      return switch (name) {
        case "LocalName" -> Library.prop(target, CsType.STRING, XName.class, XName::localName);
        case "NamespaceName" -> Library.prop(target, CsType.STRING, XName.class, XName::namespaceName);
        default -> null;
      };
    }
    return null;
  }

  /** An {@code XName} argument: a string (implicit conversion) or an XName. */
  private static Eval name(Calls c, int i) {
    if (c.is(i, CsType.STRING)) {
      Eval s = c.arg(i, CsType.STRING);
      return f -> XName.of((String) Values.requireNonNull(s.eval(f)));
    }
    return c.is(i, Library.XNAME) ? c.arg(i, Library.XNAME) : null;
  }

  static Bound call(Calls c, CsType t, Eval r) {
    int n = c.n;
    Eval nm = n == 1 ? name(c, 0) : null;
    if (n > 1 || (n == 1 && nm == null)) {
      return null;
    }
    Eval key = nm == null ? f -> null : nm;
    boolean doc = t == Library.XDOCUMENT;
    switch (c.name) {
      case "Element" -> {
        return !doc && n == 1 ? c.of(Library.XELEMENT, f -> ((XElement) r.eval(f)).element((XName) key.eval(f)))
            : null;
      }
      case "Elements" -> {
        return c.of(CsType.seq(Library.XELEMENT), f -> new ArrayList<Object>(doc
            ? java.util.List.of(((XDocument) r.eval(f)).root()) : ((XElement) r.eval(f)).elements((XName) key.eval(f))));
      }
      case "Descendants" -> {
        return c.of(CsType.seq(Library.XELEMENT), f -> new ArrayList<Object>(doc
            ? ((XDocument) r.eval(f)).descendants((XName) key.eval(f))
            : ((XElement) r.eval(f)).descendants((XName) key.eval(f))));
      }
      case "Attribute" -> {
        return !doc && n == 1 ? c.of(Library.XATTRIBUTE, f -> ((XElement) r.eval(f)).attribute((XName) key.eval(f)))
            : null;
      }
      case "Attributes" -> {
        return !doc && n == 0 ? c.of(CsType.seq(Library.XATTRIBUTE),
            f -> new ArrayList<Object>(((XElement) r.eval(f)).attributes())) : null;
      }
      default -> {
        return null;
      }
    }
  }

  static boolean isXmlValue(CsType t) {
    return t == Library.XELEMENT || t == Library.XATTRIBUTE;
  }

  /** The explicit conversions {@code (string)}, {@code (int)}, {@code (bool)} ... of an XElement/XAttribute. */
  static Eval explicit(Eval e, CsType target, boolean nullable) {
    Function<String, Object> parse = switch (target.name) {
      case "string" -> s -> s;
      case "int" -> CsParse::parseInt;
      case "long" -> CsParse::parseLong;
      case "double" -> CsParse::parseDouble;
      case "decimal" -> CsParse::parseDecimal;
      case "bool" -> s -> switch (s.strip()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw CsException.format("The string '" + s + "' is not a valid Boolean value.");
      };
      case "DateTime" -> CsDateTime::parse;
      default -> null;
    };
    if (parse == null) {
      return null;
    }
    return f -> {
      Object x = e.eval(f);
      if (x == null) {
        if (nullable) {
          return null;
        }
        throw CsException.argumentNull(x instanceof XAttribute ? "attribute" : "element");
      }
      String text = x instanceof XElement el ? el.value() : ((XAttribute) x).value();
      return parse.apply(text);
    };
  }
}
