package io.gatehouse.xml.config;

import java.util.HashSet;
import java.util.Set;

/** Syntax check for APIM operation URL templates such as {@code /orders/{id}/*} or {@code /get?a={b}}. */
final class UrlTemplateCheck {
  private UrlTemplateCheck() {}

  /** A description of the first problem, or null when the template is well formed. */
  static String problem(String template) {
    if (!template.startsWith("/")) {
      return "must start with '/'";
    }
    int q = template.indexOf('?');
    String path = q < 0 ? template : template.substring(0, q);
    Set<String> names = new HashSet<>();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.contains("*") && !(segment.equals("*") && i == segments.length - 1)) {
        return "'*' is only allowed as the last segment";
      }
      String p = params(segment, names);
      if (p != null) {
        return p;
      }
    }
    if (q >= 0) {
      for (String pair : template.substring(q + 1).split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        if (name.isEmpty() || name.contains("{")) {
          return "query part '" + pair + "' needs a literal name";
        }
        String p = params(eq < 0 ? "" : pair.substring(eq + 1), names);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private static String params(String text, Set<String> names) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        return "unbalanced '}'";
      }
      if (c != '{') {
        i++;
        continue;
      }
      int end = text.indexOf('}', i);
      if (end < 0) {
        return "unbalanced '{'";
      }
      String name = text.substring(i + 1, end);
      if (name.isEmpty() || name.contains("{")) {
        return "empty or nested parameter name";
      }
      if (!names.add(name)) {
        return "parameter '" + name + "' appears twice";
      }
      if (end + 1 < text.length() && text.charAt(end + 1) == '{') {
        return "adjacent parameters '{" + name + "}{' cannot be told apart";
      }
      i = end + 1;
    }
    return null;
  }
}
