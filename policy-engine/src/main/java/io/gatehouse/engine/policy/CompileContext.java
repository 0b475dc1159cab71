package io.gatehouse.engine.policy;

import io.gatehouse.engine.expr.CompiledExpression;
import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.expr.ResultType;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.engine.pipeline.StepInfo;
import io.gatehouse.engine.pipeline.StepSequence;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.Section;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;
import io.gatehouse.xml.XmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything a {@link PolicyFactory} needs while compiling one statement: where it is (section, scope, path), which
 * message it edits, how to turn attribute and element values into {@link Value}s, and how to compile nested
 * statements. Immutable; nested compilation derives new contexts.
 */
final class CompileContext {
  private final PolicyCompiler compiler;
  private final Diagnostics diagnostics;
  private final Section section;
  private final Scope scope;
  private final String path;
  private final MessageTarget target;
  private final boolean responseBodyNeeded;

  /** @param responseBodyNeeded whether the pipeline may read the backend's response body ({@link ResponseBodyUse}) */
  CompileContext(
      PolicyCompiler compiler, Diagnostics diagnostics, Section section, Scope scope, String path,
      MessageTarget target, boolean responseBodyNeeded) {
    this.compiler = compiler;
    this.diagnostics = diagnostics;
    this.section = section;
    this.scope = scope;
    this.path = path;
    this.target = target;
    this.responseBodyNeeded = responseBodyNeeded;
  }

  Section section() {
    return section;
  }

  Scope scope() {
    return scope;
  }

  String path() {
    return path;
  }

  MessageTarget target() {
    return target;
  }

  /** Whether a policy of this pipeline may read or transform the backend's response body. */
  boolean responseBodyNeeded() {
    return responseBodyNeeded;
  }

  PolicyCompiler compiler() {
    return compiler;
  }

  void error(Position position, String message) {
    diagnostics.error(position, message);
  }

  void warning(Position position, String message) {
    diagnostics.warning(position, message);
  }

  /** A context for statements nested in an element (e.g. {@code when}), optionally editing another message. */
  CompileContext nested(String childPath, MessageTarget newTarget) {
    return new CompileContext(compiler, diagnostics, section, scope, childPath, newTarget, responseBodyNeeded);
  }

  /** Compiles child statements of {@code parent} (e.g. the body of {@code when}) into a sequence. */
  StepSequence statements(XmlElement parent, MessageTarget childTarget) {
    List<Step> steps = new ArrayList<>();
    List<StepInfo> infos = new ArrayList<>();
    int index = 0;
    for (XmlElement child : parent.elements()) {
      index++;
      String childPath = path + "\\" + child.name() + "[" + index + "]";
      CompileContext childContext = nested(childPath, childTarget);
      Step step = compiler.compileStatement(child, childContext);
      if (step != null) {
        steps.add(step);
        infos.add(childContext.stepInfo(child));
      }
    }
    return StepSequence.of(steps, infos);
  }

  StepInfo stepInfo(XmlElement element) {
    return new StepInfo(element.name(), section, scope, path, element.attributeValue("id"), element.position());
  }

  // ---- values -------------------------------------------------------------------------------------------------

  /** A string attribute: literal, expression, or {@code defaultValue} (may be null) when absent. */
  Value<String> string(XmlElement element, String attribute, String defaultValue) {
    XmlAttribute a = element.attribute(attribute).orElse(null);
    if (a == null) {
      return Value.constant(defaultValue);
    }
    return stringValue(a.value(), expressionStart(a), a.secret());
  }

  /** A required string attribute; reports a diagnostic when absent. */
  Value<String> requiredString(XmlElement element, String attribute) {
    if (element.attribute(attribute).isEmpty()) {
      error(element.position(), "'" + element.name() + "' requires attribute '" + attribute + "'");
      return null;
    }
    return string(element, attribute, null);
  }

  /** The text content of an element as a string value (empty string when there is no text). */
  Value<String> text(XmlElement element) {
    XmlText t = element.text();
    if (t == null) {
      return Value.constant("");
    }
    return stringValue(t.value(), t.position(), t.secret());
  }

  /** The text content as any runtime value (set-body, set-variable-like hosts). Literal text is a string. */
  Value<Object> anyText(XmlElement element) {
    XmlText t = element.text();
    if (t == null) {
      return Value.constant("");
    }
    return anyValue(t.value(), t.position(), t.secret());
  }

  Value<Object> anyAttribute(XmlAttribute a) {
    return anyValue(a.value(), expressionStart(a), a.secret());
  }

  /** A boolean attribute: {@code true}/{@code false} (any case) or an expression. */
  Value<Boolean> bool(XmlElement element, String attribute, boolean defaultValue) {
    XmlAttribute a = element.attribute(attribute).orElse(null);
    if (a == null) {
      return Value.constant(defaultValue);
    }
    if (ExpressionSource.isExpression(a.value())) {
      CompiledExpression e = compile(a.value(), expressionStart(a), a.secret(), ResultType.BOOL);
      return e == null ? null : ctx -> (Boolean) e.evaluate(ctx);
    }
    String v = a.value().strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Value.constant(v.equals("true"));
    }
    error(a.valuePosition(), "attribute '" + attribute + "' of '" + element.name() + "' must be true or false");
    return null;
  }

  /** An integer attribute: decimal literal or expression; absent gives {@code defaultValue} (may be null). */
  Value<Long> integer(XmlElement element, String attribute, Long defaultValue) {
    XmlAttribute a = element.attribute(attribute).orElse(null);
    if (a == null) {
      return Value.constant(defaultValue);
    }
    if (ExpressionSource.isExpression(a.value())) {
      CompiledExpression e = compile(a.value(), expressionStart(a), a.secret(), ResultType.INTEGER);
      return e == null ? null : ctx -> (Long) e.evaluate(ctx);
    }
    try {
      return Value.constant(Long.parseLong(a.value().strip()));
    } catch (NumberFormatException ex) {
      error(a.valuePosition(), "attribute '" + attribute + "' of '" + element.name() + "' must be an integer");
      return null;
    }
  }


  /** A condition: an expression of static type bool, or a literal true/false. */
  Value<Boolean> condition(XmlElement element, String attribute) {
    if (element.attribute(attribute).isEmpty()) {
      error(element.position(), "'" + element.name() + "' requires attribute '" + attribute + "'");
      return null;
    }
    return bool(element, attribute, false);
  }

  private Value<String> stringValue(String raw, Position position, boolean secret) {
    if (ExpressionSource.isExpression(raw)) {
      CompiledExpression e = compile(raw, position, secret, ResultType.STRING);
      return e == null ? null : ctx -> (String) e.evaluate(ctx);
    }
    return Value.constant(raw);
  }

  private Value<Object> anyValue(String raw, Position position, boolean secret) {
    if (ExpressionSource.isExpression(raw)) {
      CompiledExpression e = compile(raw, position, secret, ResultType.ANY);
      return e == null ? null : e::evaluate;
    }
    return Value.constant(raw);
  }

  private CompiledExpression compile(String raw, Position at, boolean secret, ResultType type) {
    return compiler.expressions().compile(new ExpressionSource(raw.strip(), at, secret), type, diagnostics);
  }

  /** Position of the {@code @} of an attribute value's expression (leading whitespace skipped). */
  private static Position expressionStart(XmlAttribute a) {
    Position p = a.valuePosition();
    String v = a.value();
    int line = p.line();
    int col = p.column();
    for (int i = 0; i < v.length() && Character.isWhitespace(v.charAt(i)); i++) {
      if (v.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Position(p.file(), line, col);
  }

}
