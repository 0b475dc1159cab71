package io.gatehouse.engine.expr.runtime;

import java.util.List;

/**
 * {@code Newtonsoft.Json.Linq.JProperty}: a name/value pair inside a {@link JObject}. {@code Name}, {@code Value}
 * (get/set), {@code new JProperty(name, content)} (content converted implicitly; arrays/lists become a
 * {@link JArray}).
 */
public final class JProperty extends JContainer {
  private final String name;
  private JToken value;

  /** {@code new JProperty(name, content)}. */
  public JProperty(String name, Object content) {
    if (name == null) {
      throw CsException.argumentNull("name");
    }
    this.name = name;
    this.value = adopt(JToken.fromValue(content));
  }

  /** {@code Name}. */
  public String name() {
    return name;
  }

  /** {@code Value}. */
  public JToken value() {
    return value;
  }

  /** {@code Value = x}. */
  public void setValue(Object content) {
    JToken v = adopt(JToken.fromValue(content));
    value.parent = null;
    value = v;
  }

  @Override
  public JTokenType type() {
    return JTokenType.Property;
  }

  @Override
  public List<JToken> children() {
    return List.of(value);
  }

  @Override
  void removeChild(JToken child) {
    throw CsException.invalidOperation("Cannot add or remove items from Newtonsoft.Json.Linq.JProperty.");
  }

  @Override
  void replaceChild(JToken child, JToken replacement) {
    setValue(replacement);
  }

  @Override
  void insertAfter(JToken child, Object content) {
    throw CsException.invalidOperation("Cannot add or remove items from Newtonsoft.Json.Linq.JProperty.");
  }

  @Override
  public JToken deepClone() {
    return new JProperty(name, value.deepClone());
  }

  @Override
  boolean deepEqualsTo(JToken other) {
    return other instanceof JProperty p && p.name.equals(name) && JToken.deepEquals(value, p.value);
  }
}
