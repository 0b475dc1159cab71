package io.gatehouse.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An ordered, case-insensitive HTTP header multimap. Names keep the spelling of their first insertion.
 *
 * <p>Names and values are validated on the way in: a name must be an RFC 9110 token and a value must not contain
 * CR, LF or NUL, so a policy can never split a header. Not thread-safe; one instance belongs to one message.
 */
public final class HttpHeaders {
  // A list scanned with a case-insensitive compare: messages carry few headers, and a lookup then allocates nothing
  // (no lower-cased copy of the name), which matters on the request path. Entries are immutable, so copy() shares
  // the list and whichever instance changes first copies it (a request's headers are copied for the backend request
  // and the response's for the client, and most of those copies are never changed).
  private ArrayList<Entry> entries;
  private boolean shared;

  private static final class Entry {
    final String name;
    final List<String> values; // unmodifiable, never empty

    Entry(String name, List<String> values) {
      this.name = name;
      this.values = values;
    }
  }

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
    this.entries = new ArrayList<>();
  }

  private HttpHeaders(ArrayList<Entry> shared) {
    this.entries = shared;
    this.shared = true;
  }

  /** Creates a header map from name/value pairs: {@code of("Accept", "a", "X-Id", "1")}. */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs");
    }
    HttpHeaders headers = new HttpHeaders();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private int indexOf(String name) {
    ArrayList<Entry> list = entries;
    for (int i = 0, n = list.size(); i < n; i++) {
      if (sameName(list.get(i).name, name)) {
        return i;
      }
    }
    return -1;
  }

  private Entry find(String name) {
    int i = indexOf(name);
    return i < 0 ? null : entries.get(i);
  }

  /** The list to change: this instance's own (copied first when it is shared with a copy). */
  private ArrayList<Entry> owned() {
    if (shared) {
      entries = new ArrayList<>(entries);
      shared = false;
    }
    return entries;
  }

  /** Appends one value, keeping existing ones. */
  public HttpHeaders add(String name, String value) {
    checkName(name);
    checkValue(value);
    int i = indexOf(name);
    if (i < 0) {
      owned().add(new Entry(name, List.of(value)));
    } else {
      Entry e = entries.get(i);
      String[] values = e.values.toArray(new String[e.values.size() + 1]);
      values[values.length - 1] = value;
      owned().set(i, new Entry(e.name, List.of(values)));
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
    for (String v : values) {
      checkValue(v);
    }
    List<String> copy = List.copyOf(values); // returns an immutable list as it is
    int i = indexOf(name);
    if (i < 0) {
      owned().add(new Entry(name, copy));
    } else {
      owned().set(i, new Entry(entries.get(i).name, copy));
    }
    return this;
  }

  /** Replaces all values of {@code name} with one value. */
  public HttpHeaders set(String name, String value) {
    return set(name, List.of(value));
  }

  /** Removes a header; returns whether it was present. */
  public boolean remove(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return false;
    }
    owned().remove(i);
    return true;
  }

  /** All values of a header in order, or an empty list. The list is read-only. */
  public List<String> get(String name) {
    Entry e = find(name);
    return e == null ? List.of() : e.values;
  }

  /** The first value of a header, or null. */
  public String first(String name) {
    Entry e = find(name);
    return e == null ? null : e.values.get(0);
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
    return e.values.size() == 1 ? e.values.get(0) : String.join(separator, e.values);
  }

  /** Whether the header is present. */
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /** Header names in insertion order, spelled as first inserted. */
  public List<String> names() {
    List<String> names = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      names.add(e.name);
    }
    return names;
  }

  /** Number of distinct header names. */
  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Visits every header with its read-only value list. */
  public void forEach(BiConsumer<String, List<String>> action) {
    ArrayList<Entry> list = entries;
    for (int i = 0, n = list.size(); i < n; i++) {
      Entry e = list.get(i);
      action.accept(e.name, e.values);
    }
  }

  /** A copy as an ordered map of name to values (spelling of first insertion). */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      map.put(e.name, e.values);
    }
    return map;
  }

  /**
   * An independent copy: changing either leaves the other as it is. Cheap: the two share their entries until one
   * of them changes.
   */
  public HttpHeaders copy() {
    shared = true;
    return new HttpHeaders(entries);
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
    // String.indexOf(char) is a vectorized intrinsic: much faster than a charAt loop on long values (tokens)
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
      throw new IllegalArgumentException("header value contains CR, LF or NUL");
    }
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
