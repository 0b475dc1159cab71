package io.gatehouse.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Newtonsoft's explicit conversion operators from {@code JToken} to primitives (spec 6.5). */
final class JsonConversions {
  private JsonConversions() {}

  static Object convert(Object token, CsType target, boolean nullable) {
    String netName = switch (target.name) {
      case "int" -> "Int32";
      case "long" -> "Int64";
      case "bool" -> "Boolean";
      case "double" -> "Double";
      case "decimal" -> "Decimal";
      case "string" -> "String";
      default -> target.name;
    };
    if (token == null || (token instanceof JsonNode n && n.isNull())) {
      if (nullable) {
        return null;
      }
      if (token == null) {
        throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 'value')");
      }
      throw Values.fail("ArgumentException", "Can not convert Null to " + netName + ".");
    }
    if (!(token instanceof JsonNode n) || n.isContainerNode()) {
      String kind = token instanceof JsonNode j ? Json.tokenType(j) : "Property";
      throw Values.fail("ArgumentException", "Can not convert " + kind + " to " + netName + ".");
    }
    try {
      switch (target.name) {
        case "string" -> {
          return Json.toText(n);
        }
        case "bool" -> {
          if (n.isBoolean()) {
            return n.booleanValue();
          }
          if (n.isNumber()) {
            return n.doubleValue() != 0;
          }
          String s = n.asText().strip();
          if (s.equalsIgnoreCase("true")) {
            return true;
          }
          if (s.equalsIgnoreCase("false")) {
            return false;
          }
          throw Values.fail("FormatException", "String '" + s + "' was not recognized as a valid Boolean.");
        }
        default -> {
          if (target.isNumeric()) {
            Object num;
            if (n.isBoolean()) {
              num = n.booleanValue() ? 1 : 0;
            } else if (n.isNumber()) {
              num = n.isIntegralNumber() ? (Object) n.longValue() : n.isBigDecimal() ? n.decimalValue()
                  : (Object) n.doubleValue();
              if (target.isIntegral() && num instanceof Double d) {
                num = Math.rint(d);
              }
            } else {
              String s = n.asText().strip();
              num = target.isIntegral() ? (Object) Long.parseLong(s) : target.name.equals("decimal")
                  ? new BigDecimal(s) : (Object) Double.parseDouble(s);
            }
            return Values.convertNumeric(num, target);
          }
          throw Values.fail("ArgumentException", "Can not convert " + Json.tokenType(n) + " to " + netName + ".");
        }
      }
    } catch (NumberFormatException e) {
      throw Values.fail("FormatException", "Input string was not in a correct format.");
    }
  }
}
