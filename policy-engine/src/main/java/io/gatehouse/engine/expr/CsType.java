package io.gatehouse.engine.expr;

import java.util.List;
import java.util.Objects;

/**
 * A static C# type as the binder sees it. Library classes are identified by their C# name; constructed types
 * (nullable, array, dictionary, key/value pair, sequence, list) carry their type arguments.
 */
final class CsType {
  enum Kind {
    NUMERIC, BOOL, STRING, OBJECT, NULL, VOID, NULLABLE, ARRAY, DICT, KVP, SEQ, LIST, SET, CLASS, VALUE, LAMBDA,
    ANONYMOUS, GROUPING
  }

  final Kind kind;
  final String name;
  final CsType a;
  final CsType b;
  /** Numeric rank for NUMERIC types (promotion order), else 0. */
  final int rank;
  /** The members of an anonymous type in declaration order, else empty. */
  final List<String> memberNames;
  final List<CsType> memberTypes;

  private CsType(Kind kind, String name, CsType a, CsType b, int rank) {
    this(kind, name, a, b, rank, List.of(), List.of());
  }

  private CsType(Kind kind, String name, CsType a, CsType b, int rank, List<String> memberNames,
      List<CsType> memberTypes) {
    this.kind = kind;
    this.name = name;
    this.a = a;
    this.b = b;
    this.rank = rank;
    this.memberNames = memberNames;
    this.memberTypes = memberTypes;
  }

  static final CsType BYTE = new CsType(Kind.NUMERIC, "byte", null, null, 1);
  static final CsType SHORT = new CsType(Kind.NUMERIC, "short", null, null, 2);
  static final CsType CHAR = new CsType(Kind.NUMERIC, "char", null, null, 3);
  static final CsType INT = new CsType(Kind.NUMERIC, "int", null, null, 4);
  static final CsType UINT = new CsType(Kind.NUMERIC, "uint", null, null, 5);
  static final CsType LONG = new CsType(Kind.NUMERIC, "long", null, null, 6);
  static final CsType ULONG = new CsType(Kind.NUMERIC, "ulong", null, null, 7);
  static final CsType FLOAT = new CsType(Kind.NUMERIC, "float", null, null, 8);
  static final CsType DOUBLE = new CsType(Kind.NUMERIC, "double", null, null, 9);
  static final CsType DECIMAL = new CsType(Kind.NUMERIC, "decimal", null, null, 10);
  static final CsType BOOL = new CsType(Kind.BOOL, "bool", null, null, 0);
  static final CsType STRING = new CsType(Kind.STRING, "string", null, null, 0);
  static final CsType OBJECT = new CsType(Kind.OBJECT, "object", null, null, 0);
  static final CsType NULL = new CsType(Kind.NULL, "<null>", null, null, 0);
  static final CsType VOID = new CsType(Kind.VOID, "void", null, null, 0);
  /** Placeholder type of an {@code out} argument before the called method gives it a type. */
  static final CsType OUT = new CsType(Kind.VOID, "out argument", null, null, 0);
  static final CsType LAMBDA = new CsType(Kind.LAMBDA, "lambda expression", null, null, 0);

  static CsType cls(String name) {
    return new CsType(Kind.CLASS, name, null, null, 0);
  }

  static CsType value(String name) {
    return new CsType(Kind.VALUE, name, null, null, 0);
  }

  static CsType nullable(CsType t) {
    if (t.kind == Kind.NULLABLE || !t.isValueType()) {
      return t;
    }
    return new CsType(Kind.NULLABLE, t.name + "?", t, null, 0);
  }

  static CsType array(CsType elem) {
    return new CsType(Kind.ARRAY, elem.name + "[]", elem, null, 0);
  }

  static CsType seq(CsType elem) {
    return new CsType(Kind.SEQ, "IEnumerable<" + elem.name + ">", elem, null, 0);
  }

  static CsType list(CsType elem) {
    return new CsType(Kind.LIST, "List<" + elem.name + ">", elem, null, 0);
  }

  static CsType set(CsType elem) {
    return new CsType(Kind.SET, "HashSet<" + elem.name + ">", elem, null, 0);
  }

  static CsType dict(CsType key, CsType value) {
    return new CsType(Kind.DICT, "IReadOnlyDictionary<" + key.name + ", " + value.name + ">", key, value, 0);
  }

  static CsType kvp(CsType key, CsType value) {
    return new CsType(Kind.KVP, "KeyValuePair<" + key.name + ", " + value.name + ">", key, value, 0);
  }

  /** An anonymous type; named as C# names it in messages ({@code <anonymous type: int a, string b>}). */
  static CsType anonymous(List<String> names, List<CsType> types) {
    StringBuilder sb = new StringBuilder("<anonymous type:");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i > 0 ? ", " : " ").append(types.get(i).name).append(' ').append(names.get(i));
    }
    return new CsType(Kind.ANONYMOUS, sb.append('>').toString(), null, null, 0, List.copyOf(names),
        List.copyOf(types));
  }

  /** {@code IGrouping<TKey, TElement>}: a sequence of {@code element} with a {@code Key}. */
  static CsType grouping(CsType key, CsType element) {
    return new CsType(Kind.GROUPING, "IGrouping<" + key.name + ", " + element.name + ">", element, key, 0);
  }

  boolean isNumeric() {
    return kind == Kind.NUMERIC;
  }

  boolean isIntegral() {
    return kind == Kind.NUMERIC && rank <= 7;
  }

  boolean isValueType() {
    return kind == Kind.NUMERIC || kind == Kind.BOOL || kind == Kind.NULLABLE || kind == Kind.KVP
        || kind == Kind.VALUE;
  }

  boolean isNullable() {
    return kind == Kind.NULLABLE;
  }

  /** Whether {@code null} can be assigned. */
  boolean acceptsNull() {
    return !isValueType() || kind == Kind.NULLABLE;
  }

  /** The underlying type of a nullable, else this. */
  CsType underlying() {
    return kind == Kind.NULLABLE ? a : this;
  }

  /** Element type when enumerated, or null when not enumerable. */
  CsType elementType() {
    return switch (kind) {
      case ARRAY, SEQ, LIST, SET, GROUPING -> a;
      case STRING -> CHAR;
      case DICT -> kvp(a, b);
      case CLASS -> switch (name) {
        case "JArray", "JToken", "JContainer" -> Library.JTOKEN;
        case "JObject" -> kvp(STRING, Library.JTOKEN);
        case "GroupCollection" -> Library.GROUP;
        default -> null;
      };
      default -> null;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsType t && t.kind == kind && t.name.equals(name) && Objects.equals(t.a, a)
        && Objects.equals(t.b, b);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
