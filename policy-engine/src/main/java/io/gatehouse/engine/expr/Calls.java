package io.gatehouse.engine.expr;

import io.gatehouse.engine.context.MessageBody;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.expr.runtime.CsConvert;
import io.gatehouse.engine.expr.runtime.CsDateTime;
import io.gatehouse.engine.expr.runtime.CsDecimal;
import io.gatehouse.engine.expr.runtime.CsEncoding;
import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.expr.runtime.CsGuid;
import io.gatehouse.engine.expr.runtime.CsParse;
import io.gatehouse.engine.expr.runtime.CsStringComparison;
import io.gatehouse.engine.expr.runtime.CsStrings;
import io.gatehouse.engine.expr.runtime.CsUri;
import io.gatehouse.engine.expr.runtime.CsWebUtility;
import io.gatehouse.engine.expr.runtime.Formatting;
import io.gatehouse.engine.expr.runtime.JArray;
import io.gatehouse.engine.expr.runtime.JObject;
import io.gatehouse.engine.expr.runtime.JToken;
import io.gatehouse.engine.expr.runtime.JsonTarget;
import io.gatehouse.engine.expr.runtime.Jwt;
import io.gatehouse.engine.expr.xml.XDocument;
import io.gatehouse.engine.expr.xml.XElement;
import java.util.ArrayList;
import java.util.List;

/** Overload resolution and binding of one method call onto the modeled library. */
final class Calls {
  /** Marks a missing key in dictionary lookups. */
  private static final Object ABSENT = new Object();

  final Binder binder;
  final Bound target;
  final String name;
  final List<CsType> typeArgs;
  final List<Syntax.Arg> syntax;
  final List<Bound> args;
  final int pos;
  final int n;

  Calls(Binder binder, Bound target, String name, List<CsType> typeArgs, List<Syntax.Arg> syntax, List<Bound> args,
      int pos) {
    this.binder = binder;
    this.target = target;
    this.name = name;
    this.typeArgs = typeArgs;
    this.syntax = syntax;
    this.args = args;
    this.pos = pos;
    this.n = args.size();
  }

  Eval arg(int i, CsType t) {
    return Conversions.implicit(args.get(i), t, args.get(i).pos);
  }

  boolean is(int i, CsType t) {
    return i < n && args.get(i).isValue() && Conversions.implicitOk(args.get(i), t);
  }

  Bound of(CsType type, Eval e) {
    return Bound.of(pos, type, e);
  }

  Eval recv() {
    Eval te = target.eval;
    return f -> Values.requireNonNull(te.eval(f));
  }

  /** The same call without argument {@code i} (static forms whose extra argument was consumed). */
  Calls without(int i) {
    List<Syntax.Arg> s = new ArrayList<>(syntax);
    List<Bound> a = new ArrayList<>(args);
    s.remove(i);
    a.remove(i);
    return new Calls(binder, target, name, typeArgs, s, a, pos);
  }

  /** Whether argument {@code i} is written {@code out}. */
  boolean isOut(int i) {
    return i < n && "out".equals(syntax.get(i).modifier());
  }

  Bound bind() {
    if (target.typeRef != null) {
      Bound s = statics(target.typeRef);
      return s != null ? s : UtilityTypes.call(this);
    }
    if (!target.isValue()) {
      return null;
    }
    CsType t = target.type;
    Bound b = UtilityTypes.call(this);
    if (b != null) {
      return b;
    }
    if (t.kind == CsType.Kind.STRING) {
      b = string();
    } else if (t.kind == CsType.Kind.DICT) {
      b = dictionary(t);
    } else if (t == Library.BODY) {
      b = body();
    } else if (Conversions.isJToken(t) || t == Library.JPROPERTY) {
      b = jtoken(t);
    } else if (t == Library.DATETIME) {
      b = dateTime();
    } else if (t == Library.CONTEXT && name.equals("Trace") && n == 1) {
      Eval m = arg(0, CsType.STRING);
      Eval r = recv();
      b = of(CsType.VOID, f -> {
        ((PolicyContext) r.eval(f)).trace((String) m.eval(f));
        return null;
      });
    }
    if (b == null && t.elementType() != null) {
      b = linq(t.elementType());
    }
    if (b == null) {
      b = objectMethods();
    }
    return b;
  }

  private Bound objectMethods() {
    Eval r = recv();
    if (name.equals("ToString") && n == 0) {
      return of(CsType.STRING, f -> Values.toText(r.eval(f)));
    }
    if (name.equals("ToString") && n == 1 && FORMATTABLE.contains(target.type.underlying().name)
        && is(0, CsType.STRING)) {
      Eval fmt = arg(0, CsType.STRING);
      return of(CsType.STRING, f -> CsFormat.toFormattedString(r.eval(f), (String) fmt.eval(f)));
    }
    if (name.equals("Equals") && n == 1) {
      Eval o = args.get(0).eval;
      return of(CsType.BOOL, f -> equalsValue(r.eval(f), o.eval(f)));
    }
    if (name.equals("GetHashCode") && n == 0) {
      return of(CsType.INT, f -> r.eval(f).hashCode());
    }
    return null;
  }

  /** Types whose {@code ToString(string format)} the runtime formats. */
  private static final java.util.Set<String> FORMATTABLE = java.util.Set.of("byte", "short", "int", "long", "uint",
      "ulong", "float", "double", "decimal", "DateTime", "DateTimeOffset", "TimeSpan", "Guid");

  static boolean equalsValue(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return a.getClass() == b.getClass() && a.equals(b);
    }
    if (a instanceof JToken) {
      return a == b;
    }
    return a.equals(b);
  }

  // ---- string ----

  private static CsStringComparison comparison(Object o) {
    return (CsStringComparison) o;
  }

  /** A C# {@code char[]} value (Object[] of Character in the compiler's representation) as Java chars. */
  static char[] chars(Object arr) {
    if (arr == null) {
      return null;
    }
    List<Object> items = Sequences.iterate(arr);
    char[] out = new char[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Character) items.get(i);
    }
    return out;
  }

  private Bound string() {
    Eval s = recv();
    boolean cmp2 = n == 2 && is(1, Library.STRING_COMPARISON);
    switch (name) {
      case "ToLower", "ToLowerInvariant" -> {
        return n == 0 ? of(CsType.STRING, f -> CsStrings.toLower((String) s.eval(f))) : null;
      }
      case "ToUpper", "ToUpperInvariant" -> {
        return n == 0 ? of(CsType.STRING, f -> CsStrings.toUpper((String) s.eval(f))) : null;
      }
      case "Trim", "TrimStart", "TrimEnd" -> {
        Eval cs = charParams(0);
        if (cs == null) {
          return null;
        }
        String mode = name;
        return of(CsType.STRING, f -> {
          String x = (String) s.eval(f);
          char[] c = chars(cs.eval(f));
          return switch (mode) {
            case "Trim" -> CsStrings.trim(x, c);
            case "TrimStart" -> CsStrings.trimStart(x, c);
            default -> CsStrings.trimEnd(x, c);
          };
        });
      }
      case "Substring" -> {
        if (n == 1 && is(0, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          return of(CsType.STRING, f -> CsStrings.substring((String) s.eval(f), (Integer) a.eval(f)));
        }
        if (n == 2 && is(0, CsType.INT) && is(1, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          Eval l = arg(1, CsType.INT);
          return of(CsType.STRING, f -> CsStrings.substring((String) s.eval(f), (Integer) a.eval(f),
              (Integer) l.eval(f)));
        }
        return null;
      }
      case "StartsWith", "EndsWith", "Contains" -> {
        String op = name;
        if (n == 1 && args.get(0).type == CsType.CHAR) {
          Eval a = args.get(0).eval;
          return of(CsType.BOOL, f -> {
            String x = (String) s.eval(f);
            char c = (Character) a.eval(f);
            return switch (op) {
              case "StartsWith" -> CsStrings.startsWith(x, c);
              case "EndsWith" -> CsStrings.endsWith(x, c);
              default -> CsStrings.contains(x, c);
            };
          });
        }
        if ((n == 1 || cmp2) && is(0, CsType.STRING)) {
          Eval a = arg(0, CsType.STRING);
          Eval c = n == 2 ? arg(1, Library.STRING_COMPARISON) : f -> CsStringComparison.Ordinal;
          return of(CsType.BOOL, f -> {
            String x = (String) s.eval(f);
            String y = (String) a.eval(f);
            CsStringComparison k = comparison(c.eval(f));
            return switch (op) {
              case "StartsWith" -> CsStrings.startsWith(x, y, k);
              case "EndsWith" -> CsStrings.endsWith(x, y, k);
              default -> CsStrings.contains(x, y, k);
            };
          });
        }
        return null;
      }
      case "Equals" -> {
        if ((n == 1 || cmp2) && is(0, CsType.STRING) && args.get(0).type != CsType.OBJECT) {
          Eval a = arg(0, CsType.STRING);
          Eval c = n == 2 ? arg(1, Library.STRING_COMPARISON) : f -> CsStringComparison.Ordinal;
          return of(CsType.BOOL, f -> CsStrings.equals((String) s.eval(f), (String) a.eval(f),
              comparison(c.eval(f))));
        }
        return null;
      }
      case "IndexOf", "LastIndexOf" -> {
        boolean last = name.equals("LastIndexOf");
        if (n == 1 && args.get(0).type == CsType.CHAR) {
          Eval a = args.get(0).eval;
          return of(CsType.INT, f -> last ? CsStrings.lastIndexOf((String) s.eval(f), (Character) a.eval(f))
              : CsStrings.indexOf((String) s.eval(f), (Character) a.eval(f)));
        }
        if (!last && n == 2 && args.get(0).type == CsType.CHAR && is(1, CsType.INT)) {
          Eval a = args.get(0).eval;
          Eval st = arg(1, CsType.INT);
          return of(CsType.INT, f -> CsStrings.indexOf((String) s.eval(f), (Character) a.eval(f),
              (Integer) st.eval(f)));
        }
        if ((n == 1 || cmp2) && is(0, CsType.STRING)) {
          Eval a = arg(0, CsType.STRING);
          Eval c = n == 2 ? arg(1, Library.STRING_COMPARISON) : f -> CsStringComparison.Ordinal;
          return of(CsType.INT, f -> last
              ? CsStrings.lastIndexOf((String) s.eval(f), (String) a.eval(f), comparison(c.eval(f)))
              : CsStrings.indexOf((String) s.eval(f), (String) a.eval(f), comparison(c.eval(f))));
        }
        if (!last && n == 2 && is(0, CsType.STRING) && is(1, CsType.INT)) {
          Eval a = arg(0, CsType.STRING);
          Eval st = arg(1, CsType.INT);
          return of(CsType.INT, f -> CsStrings.indexOf((String) s.eval(f), (String) a.eval(f),
              (Integer) st.eval(f)));
        }
        return null;
      }
      case "Replace" -> {
        if (n == 2 && args.get(0).type == CsType.CHAR && args.get(1).type == CsType.CHAR) {
          Eval a = args.get(0).eval;
          Eval c = args.get(1).eval;
          return of(CsType.STRING, f -> CsStrings.replace((String) s.eval(f), (Character) a.eval(f),
              (Character) c.eval(f)));
        }
        if (n == 2 && is(0, CsType.STRING) && is(1, CsType.STRING)) {
          Eval a = arg(0, CsType.STRING);
          Eval c = arg(1, CsType.STRING);
          return of(CsType.STRING, f -> f.checkString(CsStrings.replace((String) s.eval(f), (String) a.eval(f),
              (String) c.eval(f))));
        }
        return null;
      }
      case "Split" -> {
        return split(s);
      }
      case "PadLeft", "PadRight" -> {
        if (n >= 1 && is(0, CsType.INT) && (n == 1 || (n == 2 && is(1, CsType.CHAR)))) {
          Eval w = arg(0, CsType.INT);
          Eval c = n == 2 ? arg(1, CsType.CHAR) : f -> ' ';
          boolean left = name.equals("PadLeft");
          return of(CsType.STRING, f -> {
            int width = f.checkSize((Integer) w.eval(f));
            return left ? CsStrings.padLeft((String) s.eval(f), width, (Character) c.eval(f))
                : CsStrings.padRight((String) s.eval(f), width, (Character) c.eval(f));
          });
        }
        return null;
      }
      case "Insert" -> {
        if (n == 2 && is(0, CsType.INT) && is(1, CsType.STRING)) {
          Eval a = arg(0, CsType.INT);
          Eval v = arg(1, CsType.STRING);
          return of(CsType.STRING, f -> CsStrings.insert((String) s.eval(f), (Integer) a.eval(f),
              (String) v.eval(f)));
        }
        return null;
      }
      case "Remove" -> {
        if (n == 1 && is(0, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          return of(CsType.STRING, f -> CsStrings.remove((String) s.eval(f), (Integer) a.eval(f)));
        }
        if (n == 2 && is(0, CsType.INT) && is(1, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          Eval c = arg(1, CsType.INT);
          return of(CsType.STRING, f -> CsStrings.remove((String) s.eval(f), (Integer) a.eval(f),
              (Integer) c.eval(f)));
        }
        return null;
      }
      case "CompareTo" -> {
        if (n == 1 && is(0, CsType.STRING)) {
          Eval a = arg(0, CsType.STRING);
          return of(CsType.INT, f -> CsStrings.compareTo((String) s.eval(f), (String) a.eval(f)));
        }
        return null;
      }
      case "AsJwt" -> {
        return n == 0 ? of(Library.JWT, f -> Jwt.parse((String) s.eval(f))) : null;
      }
      case "ToCharArray" -> {
        return n == 0 ? of(CsType.array(CsType.CHAR), f -> Sequences.iterate(s.eval(f)).toArray()) : null;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * Binds C# {@code params char[]} starting at argument {@code from}: nothing, one {@code char[]} or several chars;
   * the closure yields a compiler char array (or null), or null when the arguments do not fit.
   */
  private Eval charParams(int from) {
    if (n == from) {
      return f -> null;
    }
    if (n == from + 1 && (args.get(from).type.equals(CsType.array(CsType.CHAR)) || args.get(from).type == CsType.NULL)) {
      return args.get(from).eval;
    }
    Eval[] cs = new Eval[n - from];
    for (int i = from; i < n; i++) {
      if (!is(i, CsType.CHAR)) {
        return null;
      }
      cs[i - from] = arg(i, CsType.CHAR);
    }
    return f -> {
      Object[] out = new Object[cs.length];
      for (int i = 0; i < cs.length; i++) {
        out[i] = cs[i].eval(f);
      }
      return out;
    };
  }

  private Bound split(Eval s) {
    // separators: chars (params), char[], string, string[]; optional count and options
    int i = 0;
    boolean stringSeps = false;
    Eval sep;
    int chars = 0;
    while (chars < n && args.get(chars).type == CsType.CHAR) {
      chars++;
    }
    if (chars > 0) {
      Eval[] cs = new Eval[chars];
      for (int k = 0; k < chars; k++) {
        cs[k] = args.get(k).eval;
      }
      sep = f -> {
        Object[] out = new Object[cs.length];
        for (int k = 0; k < cs.length; k++) {
          out[k] = cs[k].eval(f);
        }
        return out;
      };
      i = chars;
    } else if (n == 0) {
      sep = f -> null;
    } else {
      CsType t = args.get(0).type;
      if (t.equals(CsType.array(CsType.CHAR)) || t == CsType.NULL) {
        sep = args.get(0).eval;
      } else if (t.equals(Library.STRING_ARRAY)) {
        sep = args.get(0).eval;
        stringSeps = true;
      } else if (t == CsType.STRING) {
        Eval one = args.get(0).eval;
        sep = f -> new String[] {(String) one.eval(f)};
        stringSeps = true;
      } else {
        return null;
      }
      i = 1;
    }
    Eval count = f -> Integer.MAX_VALUE;
    if (i < n && is(i, CsType.INT) && args.get(i).type != Library.SPLIT_OPTIONS) {
      count = arg(i, CsType.INT);
      i++;
    }
    Eval options = f -> 0;
    if (i < n && args.get(i).type == Library.SPLIT_OPTIONS) {
      options = args.get(i).eval;
      i++;
    }
    if (i != n) {
      return null;
    }
    Eval cnt = count;
    Eval opt = options;
    boolean strings = stringSeps;
    return of(Library.STRING_ARRAY, f -> {
      String str = (String) s.eval(f);
      Object sv = sep.eval(f);
      int max = (Integer) cnt.eval(f);
      int o = (Integer) opt.eval(f);
      String[] out = strings ? CsStrings.split(str, (String[]) sv, max, o) : CsStrings.split(str, chars(sv), max, o);
      f.checkSize(out.length);
      return out;
    });
  }

  // ---- dictionaries ----

  private Bound dictionary(CsType t) {
    // a context collection is read through its backing store: no wrapper, no array, one lookup
    Eval d = target.backing != null ? target.backing : recv();
    boolean direct = target.backing != null;
    switch (name) {
      case "ContainsKey" -> {
        if (n == 1) {
          Eval k = arg(0, t.a);
          return direct ? of(CsType.BOOL, f -> CsDictionary.containsKey(d.eval(f), (String) k.eval(f)))
              : of(CsType.BOOL, f -> ((CsDictionary) d.eval(f)).containsKey((String) k.eval(f)));
        }
        return null;
      }
      case "GetValueOrDefault" -> {
        if (n < 1 || n > 2) {
          return null;
        }
        Eval k = arg(0, t.a);
        if (t.b.equals(Library.STRING_ARRAY)) {
          Eval def = n == 2 ? arg(1, CsType.STRING) : null;
          if (direct) {
            return of(CsType.STRING, f -> {
              String v = CsDictionary.joined(d.eval(f), (String) k.eval(f));
              return v != null || def == null ? v : def.eval(f);
            });
          }
          return of(CsType.STRING, f -> {
            Object v = ((CsDictionary) d.eval(f)).lookup((String) k.eval(f), null);
            return v == null ? def == null ? null : def.eval(f) : String.join(",", (String[]) v);
          });
        }
        CsType rt = !typeArgs.isEmpty() ? typeArgs.get(0)
            : n == 2 && t.b.kind == CsType.Kind.OBJECT ? args.get(1).type : t.b;
        if (rt == CsType.NULL) {
          rt = t.b;
        }
        CsType result = rt;
        Object defaultValue = Conversions.defaultValue(result);
        Eval def = n == 2 ? arg(1, rt) : null;
        boolean check = !result.equals(t.b);
        Object marker = ABSENT;
        return of(result, f -> {
          Object c = d.eval(f);
          String key = (String) k.eval(f);
          Object v = direct ? CsDictionary.lookup(c, key, marker) : ((CsDictionary) c).lookup(key, marker);
          if (v == marker) {
            return def == null ? defaultValue : def.eval(f);
          }
          if (check) {
            if (v == null) {
              if (result.acceptsNull()) {
                return null;
              }
              throw CsException.nullReference();
            }
            if (!Values.isInstance(v, result)) {
              throw Values.invalidCast(v, result);
            }
          }
          return v;
        });
      }
      default -> {
        return null;
      }
    }
  }

  // ---- IMessageBody ----

  private Bound body() {
    if (!name.equals("As") || typeArgs.size() != 1 || n > 1) {
      return null;
    }
    Eval preserve = n == 1 ? arg(0, CsType.BOOL) : f -> false;
    if (n == 1 && syntax.get(0).name() != null && !syntax.get(0).name().equals("preserveContent")) {
      throw new CompileError(syntax.get(0).pos(), "As has no parameter named %s", syntax.get(0).name());
    }
    CsType t = typeArgs.get(0);
    Eval b = recv();
    Eval bytes = f -> ((MessageBody) b.eval(f)).read(Boolean.TRUE.equals(preserve.eval(f)));
    Eval text = f -> CsEncoding.UTF8.getString((byte[]) bytes.eval(f));
    Eval e = switch (t.name) {
      case "string" -> text;
      case "byte[]" -> bytes;
      case "JObject" -> f -> JObject.parse((String) text.eval(f));
      case "JArray" -> f -> JArray.parse((String) text.eval(f));
      case "JToken" -> f -> JToken.parse((String) text.eval(f));
      case "XElement" -> f -> XElement.parse((String) text.eval(f));
      case "XDocument" -> f -> XDocument.parse((String) text.eval(f));
      default -> throw new CompileError(pos, "As<%s> is not supported", t.name);
    };
    return of(t, e);
  }

  // ---- JToken ----

  private Bound jtoken(CsType t) {
    Eval r = recv();
    boolean obj = t == Library.JOBJECT;
    switch (name) {
      case "ToString" -> {
        if (n == 0) {
          return of(CsType.STRING, f -> r.eval(f).toString());
        }
        if (n == 1 && args.get(0).type == Library.FORMATTING) {
          Eval fmt = args.get(0).eval;
          return of(CsType.STRING, f -> f.checkString(((JToken) r.eval(f)).toString((Formatting) fmt.eval(f))));
        }
        return null;
      }
      case "SelectToken" -> {
        if (n == 1 && is(0, CsType.STRING)) {
          Eval p = arg(0, CsType.STRING);
          return of(Library.JTOKEN, f -> ((JToken) r.eval(f)).selectToken((String) p.eval(f)));
        }
        return null;
      }
      case "Value" -> {
        if (typeArgs.size() == 1 && n <= 1) {
          CsType vt = typeArgs.get(0);
          JsonTarget jt = valueTarget(vt);
          boolean nullable = vt.acceptsNull();
          if (n == 0) {
            return of(vt, f -> ((JToken) r.eval(f)).value(jt, nullable));
          }
          Eval k = args.get(0).type.isIntegral() ? arg(0, CsType.INT) : arg(0, CsType.STRING);
          return of(vt, f -> ((JToken) r.eval(f)).value(k.eval(f), jt, nullable));
        }
        return null;
      }
      case "ToObject" -> {
        if (typeArgs.size() == 1 && n == 0) {
          CsType vt = typeArgs.get(0);
          JsonTarget jt = valueTarget(vt);
          boolean nullable = vt.acceptsNull();
          return of(vt, f -> ((JToken) r.eval(f)).toObject(jt, nullable));
        }
        return null;
      }
      case "Property" -> {
        if (n == 1 && is(0, CsType.STRING) && obj) {
          Eval k = arg(0, CsType.STRING);
          return of(Library.JPROPERTY, f -> ((JObject) r.eval(f)).property((String) k.eval(f)));
        }
        return null;
      }
      case "Remove" -> {
        if (n == 1 && is(0, CsType.STRING) && obj) {
          Eval k = arg(0, CsType.STRING);
          return of(CsType.BOOL, f -> ((JObject) r.eval(f)).remove((String) k.eval(f)));
        }
        if (n == 0) {
          return of(CsType.VOID, f -> {
            ((JToken) r.eval(f)).remove();
            return null;
          });
        }
        return null;
      }
      case "ContainsKey" -> {
        if (n == 1 && is(0, CsType.STRING) && obj) {
          Eval k = arg(0, CsType.STRING);
          return of(CsType.BOOL, f -> ((JObject) r.eval(f)).containsKey((String) k.eval(f)));
        }
        return null;
      }
      case "Add" -> {
        if (obj && n == 2 && is(0, CsType.STRING)) {
          Eval k = arg(0, CsType.STRING);
          Eval v = args.get(1).eval;
          return of(CsType.VOID, f -> {
            ((JObject) r.eval(f)).add((String) k.eval(f), v.eval(f));
            return null;
          });
        }
        if ((obj || t == Library.JARRAY) && n == 1) {
          Eval v = args.get(0).eval;
          return of(CsType.VOID, f -> {
            Object target = r.eval(f);
            if (target instanceof JArray a) {
              f.checkSize(a.count() + 1);
              a.add(v.eval(f));
            } else {
              ((JObject) target).add(v.eval(f));
            }
            return null;
          });
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The conversion target of {@code Value<T>} / {@code ToObject<T>}. */
  private JsonTarget valueTarget(CsType vt) {
    if (vt.kind == CsType.Kind.OBJECT) {
      return JsonTarget.OBJECT;
    }
    if (Conversions.isJToken(vt) || vt == Library.JPROPERTY) {
      return vt.name.equals("JContainer") ? JsonTarget.JTOKEN
          : JsonTarget.valueOf(vt.name.toUpperCase(java.util.Locale.ROOT));
    }
    JsonTarget jt = Conversions.jsonTarget(vt.underlying());
    if (jt == null) {
      throw new CompileError(pos, "%s<%s> is not supported", name, vt.name);
    }
    return jt;
  }

  // ---- DateTime ----

  private Bound dateTime() {
    Eval r = recv();
    switch (name) {
      case "AddTicks" -> {
        if (n == 1 && is(0, CsType.LONG)) {
          Eval a = arg(0, CsType.LONG);
          return of(Library.DATETIME, f -> ((CsDateTime) r.eval(f)).addTicks((Long) a.eval(f)));
        }
        return null;
      }
      case "AddMilliseconds", "AddSeconds", "AddMinutes", "AddHours", "AddDays" -> {
        if (n == 1 && is(0, CsType.DOUBLE)) {
          Eval a = arg(0, CsType.DOUBLE);
          String op = name;
          return of(Library.DATETIME, f -> {
            CsDateTime d = (CsDateTime) r.eval(f);
            double v = (Double) a.eval(f);
            return switch (op) {
              case "AddMilliseconds" -> d.addMilliseconds(v);
              case "AddSeconds" -> d.addSeconds(v);
              case "AddMinutes" -> d.addMinutes(v);
              case "AddHours" -> d.addHours(v);
              default -> d.addDays(v);
            };
          });
        }
        return null;
      }
      case "AddMonths", "AddYears" -> {
        if (n == 1 && is(0, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          boolean years = name.equals("AddYears");
          return of(Library.DATETIME, f -> years ? ((CsDateTime) r.eval(f)).addYears((Integer) a.eval(f))
              : ((CsDateTime) r.eval(f)).addMonths((Integer) a.eval(f)));
        }
        return null;
      }
      case "ToUniversalTime", "ToLocalTime" -> {
        boolean utc = name.equals("ToUniversalTime");
        return n == 0 ? of(Library.DATETIME, f -> utc ? ((CsDateTime) r.eval(f)).toUniversalTime()
            : ((CsDateTime) r.eval(f)).toLocalTime()) : null;
      }
      default -> {
        return null;
      }
    }
  }

  // ---- LINQ ----

  private Bound linq(CsType elem) {
    Eval src = recv();
    Eval seq = f -> Sequences.iterate(src.eval(f));
    boolean hasLambda = n == 1 && args.get(0).lambda != null;
    switch (name) {
      case "Where", "Select", "Any", "All", "First", "FirstOrDefault", "Last", "LastOrDefault", "Count", "Sum",
          "Single", "SingleOrDefault" -> {
        if (n == 0 && !name.equals("Where") && !name.equals("Select") && !name.equals("All")) {
          return terminal(elem, seq, null);
        }
        if (!hasLambda) {
          return null;
        }
        Binder.Fn fn = binder.lambda(args.get(0), elem);
        if (!name.equals("Select") && !name.equals("Sum") && fn.returnType() != CsType.BOOL) {
          throw new CompileError(args.get(0).pos, "cannot convert lambda: it must return bool");
        }
        if (name.equals("Where")) {
          return of(CsType.seq(elem), f -> {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) seq.eval(f)) {
              if (Boolean.TRUE.equals(fn.call(f, x))) {
                out.add(x);
              }
            }
            return out;
          });
        }
        if (name.equals("Select")) {
          return of(CsType.seq(fn.returnType()), f -> {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) seq.eval(f)) {
              out.add(fn.call(f, x));
            }
            return out;
          });
        }
        if (name.equals("Sum")) {
          CsType rt = fn.returnType();
          if (!rt.isNumeric()) {
            throw new CompileError(pos, "Sum needs a numeric selector");
          }
          CsType st = rt.rank < CsType.INT.rank ? CsType.INT : rt;
          return of(st, f -> {
            Object acc = Conversions.defaultValue(st);
            for (Object x : (List<?>) seq.eval(f)) {
              acc = add(st, acc, Values.convertNumeric(fn.call(f, x), st));
            }
            return acc;
          });
        }
        return terminal(elem, seq, fn);
      }
      case "Contains" -> {
        if (n == 1 && is(0, elem)) {
          Eval v = arg(0, elem);
          return of(CsType.BOOL, f -> {
            Object x = v.eval(f);
            for (Object o : (List<?>) seq.eval(f)) {
              if (x == null ? o == null : o != null && equalsValue(o, x)) {
                return true;
              }
            }
            return false;
          });
        }
        return null;
      }
      case "Skip", "Take" -> {
        if (n != 1 || !is(0, CsType.INT)) {
          return null;
        }
        Eval k = arg(0, CsType.INT);
        boolean skip = name.equals("Skip");
        return of(CsType.seq(elem), f -> {
          List<?> l = (List<?>) seq.eval(f);
          int c = Math.max(0, Math.min((Integer) k.eval(f), l.size()));
          return new ArrayList<Object>(skip ? l.subList(c, l.size()) : l.subList(0, c));
        });
      }
      case "Distinct", "Reverse" -> {
        if (n != 0) {
          return null;
        }
        boolean distinct = name.equals("Distinct");
        return of(CsType.seq(elem), f -> {
          List<Object> out = new ArrayList<>(distinct ? new java.util.LinkedHashSet<>((List<?>) seq.eval(f))
              : (List<?>) seq.eval(f));
          if (!distinct) {
            java.util.Collections.reverse(out);
          }
          return out;
        });
      }
      case "ToArray", "ToList" -> {
        if (n != 0) {
          return null;
        }
        if (name.equals("ToList")) {
          return of(CsType.list(elem), f -> new ArrayList<Object>((List<?>) seq.eval(f)));
        }
        CsType at = CsType.array(elem);
        return of(at, f -> {
          List<?> l = (List<?>) seq.eval(f);
          Object arr = Arrays2.create(elem, l.size());
          for (int i = 0; i < l.size(); i++) {
            Arrays2.set(arr, i, l.get(i));
          }
          return arr;
        });
      }
      default -> {
        return Linq.bind(this, elem, seq);
      }
    }
  }

  private static Object add(CsType t, Object a, Object b) {
    return switch (t.name) {
      case "int" -> (Integer) a + (Integer) b;
      case "long" -> (Long) a + (Long) b;
      case "double" -> (Double) a + (Double) b;
      case "float" -> (Float) a + (Float) b;
      default -> CsDecimal.add((java.math.BigDecimal) a, (java.math.BigDecimal) b);
    };
  }

  private Bound terminal(CsType elem, Eval seq, Binder.Fn fn) {
    String op = name;
    CsType type = switch (op) {
      case "Any", "All" -> CsType.BOOL;
      case "Count" -> CsType.INT;
      case "Sum" -> elem;
      default -> elem;
    };
    if (op.equals("Sum") && !elem.isNumeric()) {
      return null;
    }
    Object def = Conversions.defaultValue(elem);
    return of(type, f -> {
      List<?> items = (List<?>) seq.eval(f);
      int count = 0;
      Object first = null;
      Object last = null;
      boolean found = false;
      for (Object x : items) {
        boolean match = fn == null || Boolean.TRUE.equals(fn.call(f, x));
        if (op.equals("All")) {
          if (!match) {
            return false;
          }
          continue;
        }
        if (match) {
          count++;
          if (!found) {
            first = x;
            found = true;
            if (op.equals("Any")) {
              return true;
            }
            if (op.startsWith("First")) {
              return x;
            }
          }
          last = x;
        }
      }
      return switch (op) {
        case "All" -> true;
        case "Any" -> false;
        case "Count" -> count;
        case "Single", "SingleOrDefault" -> {
          if (count > 1) {
            throw CsException.invalidOperation(fn == null ? "Sequence contains more than one element"
                : "Sequence contains more than one matching element");
          }
          if (!found && op.equals("Single")) {
            throw CsException.invalidOperation(fn == null ? "Sequence contains no elements"
                : "Sequence contains no matching element");
          }
          yield found ? first : def;
        }
        case "First", "Last" -> {
          if (!found) {
            throw new CsException("InvalidOperationException", fn == null ? "Sequence contains no elements"
                : "Sequence contains no matching element");
          }
          yield op.equals("First") ? first : last;
        }
        case "Sum" -> {
          Object acc = def;
          for (Object x : items) {
            acc = add(elem.rank < CsType.INT.rank ? CsType.INT : elem, acc, x);
          }
          yield acc;
        }
        default -> found ? (op.startsWith("First") ? first : last) : def;
      };
    });
  }

  // ---- statics ----

  private Bound statics(CsType t) {
    String key = t.name + "." + name;
    switch (key) {
      case "int.Parse", "long.Parse", "double.Parse", "bool.Parse", "decimal.Parse" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        return of(t, switch (t.name) {
          case "int" -> f -> CsParse.parseInt((String) s.eval(f));
          case "long" -> f -> CsParse.parseLong((String) s.eval(f));
          case "double" -> f -> CsParse.parseDouble((String) s.eval(f));
          case "bool" -> f -> CsParse.parseBool((String) s.eval(f));
          default -> f -> CsParse.parseDecimal((String) s.eval(f));
        });
      }
      case "Convert.ToInt32", "Convert.ToInt64", "Convert.ToDouble", "Convert.ToBoolean", "Convert.ToDecimal",
          "Convert.ToString", "Convert.ToByte", "Convert.ToInt16", "Convert.ToChar" -> {
        if (n != 1 || !args.get(0).isValue()) {
          return null;
        }
        Eval v = args.get(0).eval;
        return switch (name) {
          case "ToInt32" -> of(CsType.INT, f -> CsConvert.toInt32(v.eval(f)));
          case "ToInt64" -> of(CsType.LONG, f -> CsConvert.toInt64(v.eval(f)));
          case "ToDouble" -> of(CsType.DOUBLE, f -> CsConvert.toDouble(v.eval(f)));
          case "ToBoolean" -> of(CsType.BOOL, f -> CsConvert.toBoolean(v.eval(f)));
          case "ToDecimal" -> of(CsType.DECIMAL, f -> CsConvert.toDecimal(v.eval(f)));
          case "ToByte" -> of(CsType.BYTE, f -> CsConvert.toByte(v.eval(f)));
          case "ToInt16" -> of(CsType.SHORT, f -> CsConvert.toInt16(v.eval(f)));
          case "ToChar" -> of(CsType.CHAR, f -> CsConvert.toChar(v.eval(f)));
          default -> of(CsType.STRING, f -> CsConvert.toString(v.eval(f)));
        };
      }
      case "Guid.NewGuid" -> {
        return n == 0 ? of(Library.GUID, f -> CsGuid.newGuid()) : null;
      }
      case "string.IsNullOrEmpty", "string.IsNullOrWhiteSpace" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        boolean ws = name.endsWith("WhiteSpace");
        return of(CsType.BOOL, f -> ws ? CsStrings.isNullOrWhiteSpace((String) s.eval(f))
            : CsStrings.isNullOrEmpty((String) s.eval(f)));
      }
      case "string.Format" -> {
        if (n < 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval fmt = arg(0, CsType.STRING);
        Eval[] rest = new Eval[n - 1];
        for (int i = 1; i < n; i++) {
          rest[i - 1] = args.get(i).eval;
        }
        boolean spread = n == 2 && args.get(1).type.kind == CsType.Kind.ARRAY;
        return of(CsType.STRING, f -> {
          Object[] vals;
          if (spread) {
            vals = Sequences.iterate(rest[0].eval(f)).toArray();
          } else {
            vals = new Object[rest.length];
            for (int i = 0; i < rest.length; i++) {
              vals[i] = rest[i].eval(f);
            }
          }
          return f.checkString(CsFormat.composite((String) fmt.eval(f), vals));
        });
      }
      case "string.Join", "string.Concat" -> {
        boolean join = name.equals("Join");
        if (join && (n < 2 || !(is(0, CsType.STRING) || is(0, CsType.CHAR)))) {
          return null;
        }
        Eval sep = join ? args.get(0).eval : f -> "";
        int from = join ? 1 : 0;
        boolean seqArg = n == from + 1 && args.get(from).type.elementType() != null
            && args.get(from).type.kind != CsType.Kind.STRING;
        Eval[] rest = new Eval[n - from];
        for (int i = from; i < n; i++) {
          rest[i - from] = args.get(i).eval;
        }
        return of(CsType.STRING, f -> {
          List<?> items;
          if (seqArg) {
            Object c = rest[0].eval(f);
            if (c == null) {
              throw new CsException("ArgumentNullException", "Value cannot be null. (Parameter 'values')");
            }
            items = Sequences.iterate(c);
          } else {
            List<Object> l = new ArrayList<>();
            for (Eval e : rest) {
              l.add(e.eval(f));
            }
            items = l;
          }
          String separator = Values.toText(sep.eval(f));
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
              sb.append(separator);
            }
            sb.append(Values.toText(items.get(i)));
          }
          return f.checkString(sb.toString());
        });
      }
      case "string.Equals" -> {
        if ((n == 2 || n == 3) && is(0, CsType.STRING) && is(1, CsType.STRING)
            && (n == 2 || is(2, Library.STRING_COMPARISON))) {
          Eval a = arg(0, CsType.STRING);
          Eval b = arg(1, CsType.STRING);
          Eval c = n == 3 ? arg(2, Library.STRING_COMPARISON) : f -> CsStringComparison.Ordinal;
          return of(CsType.BOOL, f -> CsStrings.equals((String) a.eval(f), (String) b.eval(f), comparison(c.eval(f))));
        }
        return null;
      }
      case "JObject.Parse", "JArray.Parse", "JToken.Parse" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        return of(t, switch (t.name) {
          case "JObject" -> f -> JObject.parse((String) s.eval(f));
          case "JArray" -> f -> JArray.parse((String) s.eval(f));
          default -> f -> JToken.parse((String) s.eval(f));
        });
      }
      case "Uri.EscapeDataString", "Uri.UnescapeDataString", "WebUtility.UrlEncode", "WebUtility.UrlDecode" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        return of(CsType.STRING, switch (key) {
          case "Uri.EscapeDataString" -> f -> CsUri.escapeDataString((String) s.eval(f));
          case "Uri.UnescapeDataString" -> f -> CsUri.unescapeDataString((String) s.eval(f));
          case "WebUtility.UrlEncode" -> f -> CsWebUtility.urlEncode((String) s.eval(f));
          default -> f -> CsWebUtility.urlDecode((String) s.eval(f));
        });
      }
      case "Array.Copy" -> {
        boolean full = n == 5 && is(1, CsType.INT) && is(3, CsType.INT) && is(4, CsType.INT);
        if (!(full || n == 3 && is(2, CsType.INT)) || args.get(0).type.kind != CsType.Kind.ARRAY
            || args.get(full ? 2 : 1).type.kind != CsType.Kind.ARRAY) {
          return null;
        }
        Eval src = args.get(0).eval;
        Eval dst = args.get(full ? 2 : 1).eval;
        Eval si = full ? arg(1, CsType.INT) : f -> 0;
        Eval di = full ? arg(3, CsType.INT) : f -> 0;
        Eval len = arg(full ? 4 : 2, CsType.INT);
        return of(CsType.VOID, f -> {
          Arrays2.copy(Values.requireNonNull(src.eval(f)), (Integer) si.eval(f), Values.requireNonNull(dst.eval(f)),
              (Integer) di.eval(f), (Integer) len.eval(f));
          return null;
        });
      }
      case "Array.Exists" -> {
        if (n != 2 || args.get(0).type.kind != CsType.Kind.ARRAY) {
          return null;
        }
        Eval a = args.get(0).eval;
        Binder.Fn fn = binder.lambda(args.get(1), args.get(0).type.a);
        return of(CsType.BOOL, f -> {
          for (Object x : Sequences.iterate(Values.requireNonNull(a.eval(f)))) {
            if (Boolean.TRUE.equals(fn.call(f, x))) {
              return true;
            }
          }
          return false;
        });
      }
      default -> {
        return null;
      }
    }
  }
}
