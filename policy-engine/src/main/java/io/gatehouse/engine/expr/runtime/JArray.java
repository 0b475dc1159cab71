package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Newtonsoft.Json.Linq.JArray}: {@code new JArray(params object[])}, {@code Parse}, {@code FromObject},
 * indexer (out of range → ArgumentOutOfRangeException), {@code Add}, {@code Insert}, {@code Remove},
 * {@code RemoveAt}, {@code IndexOf}, {@code Contains}, {@code Clear}, {@code Count}; enumerates its items.
 */
public final class JArray extends JContainer implements Iterable<JToken> {
  private final List<JToken> items = new ArrayList<>();

  /** {@code new JArray(params object[] content)}; a single JArray argument copies its items. */
  public JArray(Object... content) {
    if (content != null) {
      if (content.length == 1 && content[0] instanceof JArray other) {
        for (JToken t : other.items) {
          add(t.deepClone());
        }
        return;
      }
      for (Object c : content) {
        add(c);
      }
    }
  }

  /** {@code JArray.Parse(json)}: root must be an array (else JsonReaderException). */
  public static JArray parse(String json) {
    return (JArray) JsonParser.parse(json, JTokenType.Array);
  }

  /** {@code JArray.FromObject(o)}. */
  public static JArray fromObject(Object o) {
    JToken t = JToken.fromObject(o);
    if (t instanceof JArray a) {
      return a;
    }
    throw CsException.argument("Object serialized to " + t.type() + ". JArray instance expected.", null);
  }

  @Override
  public JTokenType type() {
    return JTokenType.Array;
  }

  @Override
  public List<JToken> children() {
    return new ArrayList<>(items);
  }

  @Override
  public java.util.Iterator<JToken> iterator() {
    return children().iterator();
  }

  @Override
  public JToken get(Object key) {
    if (!(key instanceof Integer i)) {
      throw CsException.argument("Accessed JArray values with invalid key value: " + quote(key)
          + ". Int32 array index expected.", null);
    }
    return get((int) i);
  }

  /** {@code arr[i]}. */
  public JToken get(int index) {
    if (index < 0 || index >= items.size()) {
      throw CsException.indexArgumentOutOfRange();
    }
    return items.get(index);
  }

  @Override
  public void set(Object key, Object value) {
    if (!(key instanceof Integer i)) {
      throw CsException.argument("Set JArray values with invalid key value: " + quote(key)
          + ". Int32 array index expected.", null);
    }
    if (i < 0 || i >= items.size()) {
      throw CsException.indexArgumentOutOfRange();
    }
    JToken old = items.get(i);
    old.parent = null;
    items.set(i, adopt(JToken.fromValue(value)));
  }

  /** {@code Add(item)}: collections are added item by item (Newtonsoft multi-content). */
  public void add(Object content) {
    if (JContainer.isMultiContent(content)) {
      for (Object o : JContainer.iterate(content)) {
        add(o);
      }
      return;
    }
    JToken t = JToken.fromValue(content);
    if (t instanceof JProperty) {
      throw CsException.argument("Can not add Newtonsoft.Json.Linq.JProperty to Newtonsoft.Json.Linq.JArray.", null);
    }
    items.add(adopt(t));
  }

  /** {@code Insert(index, item)}. */
  public void insert(int index, Object content) {
    if (index < 0 || index > items.size()) {
      throw CsException.argumentOutOfRange("index", "Index must be within the bounds of the List.");
    }
    items.add(index, adopt(JToken.fromValue(content)));
  }

  /** {@code Remove(item)}: by reference. */
  public boolean remove(JToken item) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == item) {
        items.remove(i).parent = null;
        return true;
      }
    }
    return false;
  }

  /** {@code RemoveAt(index)}. */
  public void removeAt(int index) {
    if (index < 0 || index >= items.size()) {
      throw CsException.indexArgumentOutOfRange();
    }
    items.remove(index).parent = null;
  }

  /** {@code IndexOf(item)}: by reference. */
  public int indexOf(JToken item) {
    return item == null ? -1 : item.indexIn(items);
  }

  /** {@code Contains(item)}: by reference. */
  public boolean contains(JToken item) {
    return indexOf(item) >= 0;
  }

  /** {@code Clear()}. */
  public void clear() {
    for (JToken t : items) {
      t.parent = null;
    }
    items.clear();
  }

  /** {@code AddFirst(item)}. */
  public void addFirst(Object content) {
    insert(0, content);
  }

  @Override
  void removeChild(JToken child) {
    remove(child);
  }

  @Override
  void replaceChild(JToken child, JToken replacement) {
    int i = child.indexIn(items);
    child.parent = null;
    items.set(i, adopt(replacement));
  }

  @Override
  void insertAfter(JToken child, Object content) {
    int i = child.indexIn(items) + 1;
    for (Object o : JContainer.iterate(content)) {
      items.add(i++, adopt(JToken.fromValue(o)));
    }
  }

  @Override
  public JToken deepClone() {
    JArray a = new JArray();
    for (JToken t : items) {
      a.items.add(a.adopt(t.deepClone()));
    }
    return a;
  }

  @Override
  boolean deepEqualsTo(JToken other) {
    if (!(other instanceof JArray a) || a.items.size() != items.size()) {
      return false;
    }
    for (int i = 0; i < items.size(); i++) {
      if (!JToken.deepEquals(items.get(i), a.items.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String quote(Object key) {
    return key instanceof String s ? "\"" + s + "\"" : CsFormat.toDisplayString(key);
  }
}
