package io.gatehouse.api;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BiConsumer;

/**
 * An ordered, case-insensitive HTTP header multimap. Names keep the spelling of their first insertion.
 *
 * <p>Names and values are validated on the way in: a name must be an RFC 9110 token and a value must not contain
 * CR, LF or NUL, so a policy can never split a header. Not thread-safe; one instance belongs to one message.
 */
public final class HttpHeaders {
  // An array scanned with a case-insensitive compare: messages carry few headers, and a lookup then allocates
  // nothing (no lower-cased copy of the name), which matters on the request path. Entries are immutable, so copy()
  // shares the array and whichever instance changes first copies it (a request's headers are copied for the backend
  // request and the response's for the client, and most of those copies are never changed).
  private Entry[] entries;
  private int size;
  private boolean shared;

  private static final Entry[] NONE = new Entry[0];

  /**
   * One header. It is itself the read-only list of its values, and a single value (the usual case) needs no array,
   * so adding a header costs one object.
   */
  private static final class Entry extends AbstractList<String> implements RandomAccess {
    final String name;
    private final String value; // the only value, or null when there are several
    private final String[] values; // two or more values, or null

    Entry(String name, String value) {
      this.name = name;
      this.value = value;
      this.values = null;
    }

    /** {@code values} belongs to the entry from now on (never changed; entries may share it); at least one value. */
    Entry(String name, String[] values) {
      this.name = name;
      this.value = values.length == 1 ? values[0] : null;
      this.values = values.length == 1 ? null : values;
    }

    @Override
    public String get(int index) {
      if (values != null) {
        return values[index];
      }
      Objects.checkIndex(index, 1);
      return value;
    }

    @Override
    public int size() {
      return values == null ? 1 : values.length;
    }

    String first() {
      return values == null ? value : values[0];
    }

    String[] copyValues(int extra) {
      String[] copy = new String[size() + extra];
      if (values == null) {
        copy[0] = value;
      } else {
        System.arraycopy(values, 0, copy, 0, values.length);
      }
      return copy;
    }
  }

  /**
   * Values up to this long are checked in one loop; longer ones (tokens) by three {@link String#indexOf(int)}, a
   * vectorized intrinsic, each with a fixed cost that a short value does not repay.
   */
  private static final int SHORT_VALUE = 32;

  // RFC 9110 tchar, indexed by ASCII code
  private static final boolean[] TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[c - 'a' + 'A'] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  /** Creates an empty header map. */
  public HttpHeaders() {
    this.entries = NONE;
  }

  /**
   * Creates an empty header map with room for {@code expectedNames} distinct names before it grows: what an adapter
   * copying a host's request knows.
   */
  public HttpHeaders(int expectedNames) {
    if (expectedNames < 0) {
      throw new IllegalArgumentException("expectedNames < 0: " + expectedNames);
    }
    this.entries = expectedNames == 0 ? NONE : new Entry[expectedNames];
  }

  private HttpHeaders(Entry[] shared, int size) {
    this.entries = shared;
    this.size = size;
    this.shared = true;
  }

  /** Creates a header map from name/value pairs: {@code of("Accept", "a", "X-Id", "1")}. */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs");
    }
    HttpHeaders headers = new HttpHeaders();
    headers.entries = new Entry[namesAndValues.length / 2];
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private int indexOf(String name) {
    Entry[] array = entries;
    for (int i = 0, n = size; i < n; i++) {
      if (sameName(array[i].name, name)) {
        return i;
      }
    }
    return -1;
  }

  private Entry find(String name) {
    int i = indexOf(name);
    return i < 0 ? null : entries[i];
  }

  /**
   * The array to change, with room for {@code extra} more entries: this instance's own (copied first when it is
   * shared with a copy, or grown when full). A copy leaves room for a few more: a message that changes usually
   * gains headers.
   */
  private Entry[] owned(int extra) {
    if (shared || size + extra > entries.length) {
      entries = Arrays.copyOf(entries, size + Math.max(extra, 3));
      shared = false;
    }
    return entries;
  }

  /** Checks {@code name} and {@code value}; the header's index, or -1 once it was appended with {@code value}. */
  private int appendIfAbsent(String name, String value) {
    checkName(name);
    checkValue(value);
    int i = indexOf(name);
    if (i < 0) {
      owned(1)[size++] = new Entry(name, value);
    }
    return i;
  }

  /** Appends one value, keeping existing ones. */
  public HttpHeaders add(String name, String value) {
    int i = appendIfAbsent(name, value);
    if (i >= 0) {
      Entry e = entries[i];
      String[] values = e.copyValues(1);
      values[values.length - 1] = value;
      owned(0)[i] = new Entry(e.name, values);
    }
    return this;
  }

  /** Replaces all values of {@code name}; an empty list removes the header. */
  public HttpHeaders set(String name, List<String> values) {
    checkName(name);
    if (values.isEmpty()) {
      remove(name);
      return this;
    }
    String single = values.size() == 1 ? values.get(0) : null;
    String[] copy = single != null ? null : values.toArray(new String[0]);
    if (single != null) {
      checkValue(single);
    } else {
      for (String v : copy) {
        checkValue(v);
      }
    }
    int i = indexOf(name);
    String spelling = i < 0 ? name : entries[i].name;
    Entry e = single != null ? new Entry(spelling, single) : new Entry(spelling, copy);
    if (i < 0) {
      owned(1)[size++] = e;
    } else {
      owned(0)[i] = e;
    }
    return this;
  }

  /**
   * Replaces the values of every header {@code other} has with its values, as {@link #set(String, List)} would for
   * each of them in turn (a header already here keeps its spelling), without checking them again: they were
   * checked when they entered {@code other}.
   */
  public HttpHeaders setAll(HttpHeaders other) {
    if (other == this) {
      return this;
    }
    Entry[] from = other.entries;
    for (int k = 0, n = other.size; k < n; k++) {
      Entry e = from[k];
      int i = indexOf(e.name);
      if (i < 0) {
        owned(1)[size++] = e; // entries are immutable: shared as they are
      } else {
        String spelling = entries[i].name;
        owned(0)[i] = spelling.equals(e.name) ? e
            : e.values == null ? new Entry(spelling, e.value) : new Entry(spelling, e.values);
      }
    }
    return this;
  }

  /** Replaces all values of {@code name} with one value. */
  public HttpHeaders set(String name, String value) {
    Objects.requireNonNull(value); // as List.of(value) did before this shortcut
    int i = appendIfAbsent(name, value);
    if (i >= 0) {
      owned(0)[i] = new Entry(entries[i].name, value);
    }
    return this;
  }

  /** Removes a header; returns whether it was present. */
  public boolean remove(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return false;
    }
    Entry[] array = owned(0);
    System.arraycopy(array, i + 1, array, i, size - i - 1);
    array[--size] = null;
    return true;
  }

  /** All values of a header in order, or an empty list. The list is read-only. */
  public List<String> get(String name) {
    Entry e = find(name);
    return e == null ? List.of() : e;
  }

  /** The first value of a header, or null. */
  public String first(String name) {
    Entry e = find(name);
    return e == null ? null : e.first();
  }

  /**
   * All values of a header joined with {@code separator}, or null when the header is absent. A single value is
   * returned as it is, without copying.
   */
  public String joined(String name, String separator) {
    Entry e = find(name);
    if (e == null) {
      return null;
    }
    return e.values == null ? e.value : String.join(separator, e.values);
  }

  /** Whether the header is present. */
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /**
   * The name of the header at {@code index} (insertion order, {@code 0 <= index < size()}), spelled as first
   * inserted. With {@link #values(int)}, a way to visit the headers that allocates nothing.
   */
  public String name(int index) {
    Objects.checkIndex(index, size);
    return entries[index].name;
  }

  /** The read-only values of the header at {@code index} (see {@link #name(int)}). */
  public List<String> values(int index) {
    Objects.checkIndex(index, size);
    return entries[index];
  }

  /** Header names in insertion order, spelled as first inserted. */
  public List<String> names() {
    List<String> names = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      names.add(entries[i].name);
    }
    return names;
  }

  /** Number of distinct header names. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Visits every header with its read-only value list. */
  public void forEach(BiConsumer<String, List<String>> action) {
    Entry[] array = entries;
    for (int i = 0, n = size; i < n; i++) {
      Entry e = array[i];
      action.accept(e.name, e);
    }
  }

  /** A copy as an ordered map of name to values (spelling of first insertion). */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(entries[i].name, entries[i]);
    }
    return map;
  }

  /**
   * An independent copy: changing either leaves the other as it is. Cheap: the two share their entries until one
   * of them changes.
   */
  public HttpHeaders copy() {
    shared = true;
    return new HttpHeaders(entries, size);
  }

  /**
   * Whether {@code name} is a hop-by-hop header (RFC 9110 7.6.1): it describes one connection and is never copied
   * from one message to another. Case-insensitive; allocates nothing. Asked for every header of every message that
   * is copied, so it goes by length first.
   */
  public static boolean isHopByHop(String name) {
    return switch (name.length()) {
      case 2 -> sameName(name, "te");
      case 7 -> sameName(name, "trailer") || sameName(name, "upgrade");
      case 10 -> sameName(name, "connection") || sameName(name, "keep-alive");
      case 16 -> sameName(name, "proxy-connection");
      case 17 -> sameName(name, "transfer-encoding");
      default -> false;
    };
  }

  /**
   * Whether {@code name} equals one of {@code lowerCaseNames}, ignoring ASCII case (header names are tokens),
   * without a lower-cased copy.
   */
  public static boolean isOneOf(String name, String... lowerCaseNames) {
    for (String n : lowerCaseNames) {
      if (sameName(n, name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Equality ignoring ASCII case. Header names are ASCII tokens, and this is several times faster than
   * {@link String#equalsIgnoreCase}, which maps every character through the Unicode tables.
   */
  private static boolean sameName(String a, String b) {
    if (a == b) {
      return true; // a policy's constant name looks up the entry it created
    }
    int n = a.length();
    if (n != b.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        int lower = x | 0x20;
        if (lower != (y | 0x20) || lower < 'a' || lower > 'z') {
          return false;
        }
      }
    }
    return true;
  }

  /** Throws {@link IllegalArgumentException} unless {@code name} is an HTTP token. */
  public static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= TOKEN.length || !TOKEN[c]) {
        throw new IllegalArgumentException("invalid character in header name: " + name);
      }
    }
  }

  /** Throws {@link IllegalArgumentException} if {@code value} could split or truncate a header line. */
  public static void checkValue(String value) {
    if (value == null) {
      throw new IllegalArgumentException("header value is null");
    }
    int n = value.length();
    if (n <= SHORT_VALUE) {
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c <= '\r' && (c == '\r' || c == '\n' || c == 0)) {
          throw new IllegalArgumentException("header value contains CR, LF or NUL");
        }
      }
    } else if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
      throw new IllegalArgumentException("header value contains CR, LF or NUL");
    }
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
