package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Newtonsoft.Json.Linq.JObject}: ordered properties. {@code new JObject(params object[])}, {@code Parse},
 * {@code FromObject}, indexer get (missing → null) and set (add or replace), {@code Add(name, value)} and
 * {@code Add(JProperty)} (duplicate → ArgumentException), {@code Remove(name)}, {@code Property(name)},
 * {@code Properties()}, {@code ContainsKey}, {@code TryGetValue}, {@code GetValue(name[, comparison])},
 * {@code Count}.
 */
public final class JObject extends JContainer {
  private final List<JProperty> props = new ArrayList<>();

  /** {@code new JObject(params object[] content)}: items are JProperty, null, or collections of them. */
  public JObject(Object... content) {
    if (content != null) {
      for (Object c : content) {
        addContent(c);
      }
    }
  }

  /** {@code JObject.Parse(json)}: root must be an object (else JsonReaderException). */
  public static JObject parse(String json) {
    return (JObject) JsonParser.parse(json, JTokenType.Object);
  }

  /** {@code JObject.FromObject(o)}: the value must serialise to an object. */
  public static JObject fromObject(Object o) {
    JToken t = JToken.fromObject(o);
    if (t instanceof JObject obj) {
      return obj;
    }
    throw CsException.argument("Object serialized to " + t.type() + ". JObject instance expected.", null);
  }

  @Override
  public JTokenType type() {
    return JTokenType.Object;
  }

  @Override
  public List<JToken> children() {
    return new ArrayList<>(props);
  }

  /** {@code Properties()}. */
  public List<JProperty> properties() {
    return new ArrayList<>(props);
  }

  /** {@code Property(name)}: exact name, or null. */
  public JProperty property(String name) {
    for (JProperty p : props) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** {@code Property(name, StringComparison)}. */
  public JProperty property(String name, CsStringComparison comparison) {
    JProperty exact = property(name);
    if (exact != null || !comparison.ignoreCase()) {
      return exact;
    }
    for (JProperty p : props) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public JToken get(Object key) {
    if (!(key instanceof String name)) {
      throw CsException.argument("Accessed JObject values with invalid key value: " + CsFormat.toDisplayString(key)
          + ". Object property name expected.", null);
    }
    JProperty p = property(name);
    return p == null ? null : p.value();
  }

  /** {@code obj[name] = value}: replaces the value of an existing property or appends a new one. */
  @Override
  public void set(Object key, Object value) {
    if (!(key instanceof String name)) {
      throw CsException.argument("Set JObject values with invalid key value: " + CsFormat.toDisplayString(key)
          + ". Object property name expected.", null);
    }
    JProperty p = property(name);
    if (p != null) {
      p.setValue(value);
    } else {
      add(new JProperty(name, value));
    }
  }

  /** {@code Add(name, value)}: duplicate name → ArgumentException. */
  public void add(String name, Object value) {
    add(new JProperty(name, value));
  }

  /** {@code Add(object content)}: a JProperty (or collection of them). */
  public void add(Object content) {
    addContent(content);
  }

  private void addContent(Object c) {
    if (c == null) {
      return;
    }
    if (JContainer.isMultiContent(c)) {
      for (Object item : JContainer.iterate(c)) {
        addContent(item);
      }
      return;
    }
    JToken t = JToken.fromValue(c);
    if (!(t instanceof JProperty p)) {
      throw CsException.argument("Can not add " + t.netTypeName() + " to Newtonsoft.Json.Linq.JObject.", null);
    }
    if (property(p.name()) != null) {
      throw CsException.argument("Can not add property " + p.name()
          + " to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.", null);
    }
    props.add((JProperty) adopt(p));
  }

  /** {@code Remove(name)}: true when a property was removed. */
  public boolean remove(String name) {
    JProperty p = property(name);
    if (p == null) {
      return false;
    }
    props.remove(p);
    p.parent = null;
    return true;
  }

  /** {@code ContainsKey(name)}. */
  public boolean containsKey(String name) {
    return property(name) != null;
  }

  /** {@code TryGetValue(name, out JToken value)}: the value or null. */
  public JToken tryGetValue(String name) {
    return get(name);
  }

  /** {@code GetValue(name)}. */
  public JToken getValue(String name) {
    return get(name);
  }

  /** {@code GetValue(name, StringComparison)}. */
  public JToken getValue(String name, CsStringComparison comparison) {
    JProperty p = property(name, comparison);
    return p == null ? null : p.value();
  }

  /** {@code AddFirst(content)}. */
  public void addFirst(Object content) {
    List<JProperty> old = new ArrayList<>(props);
    props.clear();
    addContent(content);
    props.addAll(old);
  }

  @Override
  void removeChild(JToken child) {
    if (props.remove(child)) {
      child.parent = null;
    }
  }

  @Override
  void replaceChild(JToken child, JToken replacement) {
    int i = props.indexOf(child);
    if (!(replacement instanceof JProperty p)) {
      throw CsException.argument("Can not add " + replacement.netTypeName() + " to Newtonsoft.Json.Linq.JObject.", null);
    }
    child.parent = null;
    props.set(i, (JProperty) adopt(p));
  }

  @Override
  void insertAfter(JToken child, Object content) {
    int i = props.indexOf(child);
    List<JProperty> tail = new ArrayList<>(props.subList(i + 1, props.size()));
    props.subList(i + 1, props.size()).clear();
    addContent(content);
    props.addAll(tail);
  }

  /** {@code Merge(content)} with default settings: objects merge recursively, arrays concatenate, values replace. */
  public void merge(Object content) {
    if (!(content instanceof JObject other)) {
      return;
    }
    for (JProperty p : other.props) {
      JToken existing = get(p.name());
      if (existing instanceof JObject eo && p.value() instanceof JObject po) {
        eo.merge(po);
      } else if (existing instanceof JArray ea && p.value() instanceof JArray pa) {
        for (JToken t : pa.children()) {
          ea.add(t.deepClone());
        }
      } else if (existing == null || p.value().type() != JTokenType.Null) {
        set(p.name(), p.value().deepClone());
      }
    }
  }

  @Override
  public JToken deepClone() {
    JObject o = new JObject();
    for (JProperty p : props) {
      o.props.add((JProperty) o.adopt(p.deepClone()));
    }
    return o;
  }

  @Override
  boolean deepEqualsTo(JToken other) {
    if (!(other instanceof JObject o) || o.props.size() != props.size()) {
      return false;
    }
    for (JProperty p : props) {
      JProperty q = o.property(p.name());
      if (q == null || !JToken.deepEquals(p.value(), q.value())) {
        return false;
      }
    }
    return true;
  }
}
