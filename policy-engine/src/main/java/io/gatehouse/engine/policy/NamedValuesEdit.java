package io.gatehouse.engine.policy;

import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled shape shared by {@code set-header} and {@code set-query-parameter}: a name, an exists-action and
 * value children, each possibly an expression. A null expression value is dropped (DECISION: an override left
 * with no values removes the entry).
 */
record NamedValuesEdit(Value<String> name, Value<String> action, ExistsAction constantAction,
    List<Value<String>> values) {

  static NamedValuesEdit compile(XmlElement element, CompileContext context) {
    Value<String> name = context.requiredString(element, "name");
    Value<String> action = context.string(element, "exists-action", "override");
    if (action != null && action.isConstant() && ExistsAction.parse(action.get(null)) == null) {
      context.error(element.attribute("exists-action").orElseThrow().valuePosition(),
          "exists-action must be one of override, skip, append, delete");
      return null;
    }
    List<Value<String>> values = new ArrayList<>();
    boolean ok = name != null && action != null;
    for (XmlElement child : element.elements("value")) {
      Value<String> v = context.text(child);
      ok &= v != null;
      values.add(v);
    }
    return ok ? new NamedValuesEdit(name, action, action.isConstant() ? ExistsAction.parse(action.get(null)) : null,
        List.copyOf(values)) : null;
  }

  String evalName(PolicyContext context) {
    String n = name.get(context);
    if (n == null || n.isBlank()) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. The name evaluated to an empty value.");
    }
    return n;
  }

  ExistsAction evalAction(PolicyContext context) {
    if (constantAction != null) {
      return constantAction;
    }
    ExistsAction a = ExistsAction.parse(action.get(context));
    if (a == null) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. exists-action must be one of override, skip, append, delete.");
    }
    return a;
  }

  List<String> evalValues(PolicyContext context) {
    if (values.isEmpty()) {
      return List.of();
    }
    if (values.size() == 1) {
      String s = values.get(0).get(context);
      return s == null ? List.of() : List.of(s);
    }
    List<String> result = new ArrayList<>(values.size());
    for (Value<String> v : values) {
      String s = v.get(context);
      if (s != null) {
        result.add(s);
      }
    }
    return result;
  }
}
