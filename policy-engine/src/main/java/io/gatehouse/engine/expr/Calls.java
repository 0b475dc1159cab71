package io.gatehouse.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.context.MessageBody;
import io.gatehouse.engine.context.UrlCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Overload resolution and binding of one method call onto the modeled library. */
final class Calls {
  private final Binder binder;
  private final Bound target;
  private final String name;
  private final List<CsType> typeArgs;
  private final List<Syntax.Arg> syntax;
  private final List<Bound> args;
  private final int pos;
  private final int n;

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

  private Eval arg(int i, CsType t) {
    return Conversions.implicit(args.get(i), t, args.get(i).pos);
  }

  private boolean is(int i, CsType t) {
    return i < n && args.get(i).isValue() && Conversions.implicitOk(args.get(i), t);
  }

  private Bound of(CsType type, Eval e) {
    return Bound.of(pos, type, e);
  }

  private Eval recv() {
    Eval te = target.eval;
    return f -> Values.requireNonNull(te.eval(f));
  }

  Bound bind() {
    if (target.typeRef != null) {
      return statics(target.typeRef);
    }
    if (!target.isValue()) {
      return null;
    }
    CsType t = target.type;
    Bound b = null;
    if (t.kind == CsType.Kind.STRING) {
      b = string();
    } else if (t.kind == CsType.Kind.DICT) {
      b = dictionary(t);
    } else if (t == Library.BODY) {
      b = body();
    } else if (Conversions.isJToken(t)) {
      b = jtoken(t);
    } else if (t == Library.DATETIME) {
      b = dateTime();
    } else if (t == Library.CONTEXT && name.equals("Trace") && n == 1) {
      Eval m = arg(0, CsType.STRING);
      Eval r = recv();
      b = of(CsType.VOID, f -> {
        ((io.gatehouse.engine.context.PolicyContext) r.eval(f)).trace((String) m.eval(f));
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
    if (name.equals("ToString") && n == 1 && (target.type.underlying().isNumeric()) && is(0, CsType.STRING)) {
      Eval fmt = arg(0, CsType.STRING);
      return of(CsType.STRING, f -> Formatting.format(r.eval(f), (String) fmt.eval(f)));
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

  static boolean equalsValue(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return a.getClass() == b.getClass() && a.equals(b);
    }
    if (a instanceof JsonNode || a instanceof Json.Property) {
      return a == b;
    }
    return a.equals(b);
  }

  // ---- string ----

  private Bound string() {
    Eval s = recv();
    switch (name) {
      case "ToLower", "ToLowerInvariant" -> {
        return n == 0 ? of(CsType.STRING, f -> ((String) s.eval(f)).toLowerCase(Locale.ROOT)) : null;
      }
      case "ToUpper", "ToUpperInvariant" -> {
        return n == 0 ? of(CsType.STRING, f -> ((String) s.eval(f)).toUpperCase(Locale.ROOT)) : null;
      }
      case "Trim", "TrimStart", "TrimEnd" -> {
        if (n == 0) {
          String mode = name;
          return of(CsType.STRING, f -> trim((String) s.eval(f), null, mode));
        }
        if (args.stream().allMatch(a -> Conversions.implicitOk(a, CsType.CHAR))) {
          Eval[] cs = new Eval[n];
          for (int i = 0; i < n; i++) {
            cs[i] = arg(i, CsType.CHAR);
          }
          String mode = name;
          return of(CsType.STRING, f -> {
            StringBuilder chars = new StringBuilder();
            for (Eval c : cs) {
              chars.append((char) c.eval(f));
            }
            return trim((String) s.eval(f), chars.toString(), mode);
          });
        }
        return null;
      }
      case "Substring" -> {
        if (n == 1 && is(0, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          return of(CsType.STRING, f -> substring((String) s.eval(f), (Integer) a.eval(f), -1));
        }
        if (n == 2 && is(0, CsType.INT) && is(1, CsType.INT)) {
          Eval a = arg(0, CsType.INT);
          Eval l = arg(1, CsType.INT);
          return of(CsType.STRING, f -> substring((String) s.eval(f), (Integer) a.eval(f), (Integer) l.eval(f)));
        }
        return null;
      }
      case "StartsWith", "EndsWith", "Contains", "Equals" -> {
        if (n >= 1 && n <= 2 && (is(0, CsType.STRING) || (name.equals("Contains") && is(0, CsType.CHAR)))
            && (n == 1 || is(1, Library.STRING_COMPARISON))) {
          if (name.equals("Equals") && args.get(0).type == CsType.OBJECT) {
            return null;
          }
          Eval a = args.get(0).type == CsType.CHAR ? args.get(0).eval : arg(0, CsType.STRING);
          Eval cmp = n == 2 ? arg(1, Library.STRING_COMPARISON) : f -> "Ordinal";
          String op = name;
          return of(CsType.BOOL, f -> {
            String x = (String) s.eval(f);
            Object yo = a.eval(f);
            if (yo == null) {
              if (op.equals("Equals")) {
                return false;
              }
              throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 'value')");
            }
            String y = yo.toString();
            if ("OrdinalIgnoreCase".equals(cmp.eval(f))) {
              x = x.toLowerCase(Locale.ROOT);
              y = y.toLowerCase(Locale.ROOT);
            }
            return switch (op) {
              case "StartsWith" -> x.startsWith(y);
              case "EndsWith" -> x.endsWith(y);
              case "Contains" -> x.contains(y);
              default -> x.equals(y);
            };
          });
        }
        return null;
      }
      case "IndexOf", "LastIndexOf" -> {
        if (n == 1 && (is(0, CsType.STRING) || is(0, CsType.CHAR))) {
          Eval a = args.get(0).eval;
          boolean last = name.equals("LastIndexOf");
          return of(CsType.INT, f -> {
            String x = (String) s.eval(f);
            String y = Values.toText(Values.requireNonNull(a.eval(f)));
            return last ? x.lastIndexOf(y) : x.indexOf(y);
          });
        }
        return null;
      }
      case "Replace" -> {
        if (n == 2 && args.get(0).type == CsType.CHAR && args.get(1).type == CsType.CHAR) {
          Eval a = args.get(0).eval;
          Eval c = args.get(1).eval;
          return of(CsType.STRING, f -> ((String) s.eval(f)).replace((Character) a.eval(f), (Character) c.eval(f)));
        }
        if (n == 2 && is(0, CsType.STRING) && is(1, CsType.STRING)) {
          Eval a = arg(0, CsType.STRING);
          Eval c = arg(1, CsType.STRING);
          return of(CsType.STRING, f -> {
            String old = (String) a.eval(f);
            if (old == null) {
              throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 'oldValue')");
            }
            if (old.isEmpty()) {
              throw Values.fail("ArgumentException", "String cannot be of zero length. (Parameter 'oldValue')");
            }
            String nv = (String) c.eval(f);
            return f.checkString(((String) s.eval(f)).replace(old, nv == null ? "" : nv));
          });
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
            String x = (String) s.eval(f);
            int width = (Integer) w.eval(f);
            if (width < 0) {
              throw Values.fail("ArgumentOutOfRangeException",
                  "Non-negative number required. (Parameter 'totalWidth')");
            }
            if (width <= x.length()) {
              return x;
            }
            f.checkSize(width);
            String pad = String.valueOf((char) c.eval(f)).repeat(width - x.length());
            return left ? pad + x : x + pad;
          });
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

  private static String trim(String s, String chars, String mode) {
    int start = 0;
    int end = s.length();
    boolean front = !mode.equals("TrimEnd");
    boolean back = !mode.equals("TrimStart");
    while (front && start < end && (chars == null ? Character.isWhitespace(s.charAt(start))
        : chars.indexOf(s.charAt(start)) >= 0)) {
      start++;
    }
    while (back && end > start && (chars == null ? Character.isWhitespace(s.charAt(end - 1))
        : chars.indexOf(s.charAt(end - 1)) >= 0)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String substring(String s, int start, int length) {
    if (start < 0 || start > s.length()) {
      throw Values.fail("ArgumentOutOfRangeException", "startIndex cannot be larger than length of string."
          + " (Parameter 'startIndex')");
    }
    if (length < 0 && length != -1) {
      throw Values.fail("ArgumentOutOfRangeException", "Length cannot be less than zero. (Parameter 'length')");
    }
    if (length == -1) {
      return s.substring(start);
    }
    if (start + length > s.length()) {
      throw Values.fail("ArgumentOutOfRangeException", "Index and length must refer to a location within the string."
          + " (Parameter 'length')");
    }
    return s.substring(start, start + length);
  }

  private Bound split(Eval s) {
    // separators: chars (params), char[], string, string[]; optional count and options
    List<Eval> seps = new ArrayList<>();
    int i = 0;
    boolean stringSeps = false;
    Eval arraySep = null;
    while (i < n && args.get(i).type == CsType.CHAR) {
      seps.add(args.get(i).eval);
      i++;
    }
    if (seps.isEmpty() && i < n) {
      CsType t = args.get(i).type;
      if (t.equals(CsType.array(CsType.CHAR)) || t.equals(Library.STRING_ARRAY)) {
        arraySep = args.get(i).eval;
        stringSeps = t.equals(Library.STRING_ARRAY);
        i++;
      } else if (t == CsType.STRING) {
        Eval one = args.get(i).eval;
        arraySep = f -> new String[] {(String) one.eval(f)};
        stringSeps = true;
        i++;
      } else if (t == CsType.NULL) {
        i++;
      }
    }
    Eval count = null;
    if (i < n && args.get(i).type == CsType.INT) {
      count = args.get(i).eval;
      i++;
    }
    Eval options = null;
    if (i < n && args.get(i).type == Library.SPLIT_OPTIONS) {
      options = args.get(i).eval;
      i++;
    }
    if (i != n) {
      return null;
    }
    Eval arr = arraySep;
    Eval cnt = count;
    Eval opt = options;
    Eval[] charSeps = seps.toArray(Eval[]::new);
    return of(Library.STRING_ARRAY, f -> {
      String str = (String) s.eval(f);
      List<String> separators = new ArrayList<>();
      for (Eval c : charSeps) {
        separators.add(String.valueOf((char) c.eval(f)));
      }
      if (arr != null) {
        Object a = arr.eval(f);
        if (a != null) {
          for (Object o : (Object[]) a) {
            if (o != null && !Values.toText(o).isEmpty()) {
              separators.add(Values.toText(o));
            }
          }
        }
      }
      int max = cnt == null ? Integer.MAX_VALUE : (Integer) cnt.eval(f);
      int o = opt == null ? 0 : (Integer) opt.eval(f);
      return splitString(f, str, separators, max, o);
    });
  }

  static String[] splitString(Frame f, String s, List<String> seps, int max, int options) {
    if (max < 0) {
      throw Values.fail("ArgumentOutOfRangeException", "Count cannot be less than zero. (Parameter 'count')");
    }
    boolean remove = (options & 1) != 0;
    boolean trimEntries = (options & 2) != 0;
    List<String> out = new ArrayList<>();
    if (max == 0) {
      return new String[0];
    }
    int start = 0;
    int i = 0;
    while (i <= s.length()) {
      if (out.size() == max - 1) {
        break;
      }
      int matchLen = -1;
      if (i < s.length()) {
        if (seps.isEmpty()) {
          matchLen = Character.isWhitespace(s.charAt(i)) ? 1 : -1;
        } else {
          for (String sep : seps) {
            if (s.startsWith(sep, i)) {
              matchLen = sep.length();
              break;
            }
          }
        }
      }
      if (matchLen > 0) {
        add(out, s.substring(start, i), remove, trimEntries);
        f.checkSize(out.size());
        i += matchLen;
        start = i;
      } else {
        i++;
      }
    }
    add(out, s.substring(Math.min(start, s.length())), remove, trimEntries);
    return out.toArray(String[]::new);
  }

  private static void add(List<String> out, String item, boolean remove, boolean trim) {
    String v = trim ? item.strip() : item;
    if (!remove || !v.isEmpty()) {
      out.add(v);
    }
  }

  // ---- dictionaries ----

  private Bound dictionary(CsType t) {
    Eval d = recv();
    switch (name) {
      case "ContainsKey" -> {
        if (n == 1) {
          Eval k = arg(0, t.a);
          return of(CsType.BOOL, f -> ((CsDictionary) d.eval(f)).containsKey((String) k.eval(f)));
        }
        return null;
      }
      case "GetValueOrDefault" -> {
        if (n < 1 || n > 2) {
          return null;
        }
        Eval k = arg(0, t.a);
        if (t.b.equals(Library.STRING_ARRAY)) {
          Eval def = n == 2 ? arg(1, CsType.STRING) : f -> null;
          return of(CsType.STRING, f -> {
            Object v = ((CsDictionary) d.eval(f)).lookup((String) k.eval(f), null);
            return v == null ? def.eval(f) : String.join(",", (String[]) v);
          });
        }
        CsType rt = !typeArgs.isEmpty() ? typeArgs.get(0)
            : n == 2 && t.b.kind == CsType.Kind.OBJECT ? args.get(1).type : t.b;
        if (rt == CsType.NULL) {
          rt = t.b;
        }
        CsType result = rt;
        Eval def = n == 2 ? arg(1, rt) : f -> Conversions.defaultValue(result);
        boolean check = !result.equals(t.b);
        return of(result, f -> {
          Object marker = def;
          Object v = ((CsDictionary) d.eval(f)).lookup((String) k.eval(f), marker);
          if (v == marker) {
            return def.eval(f);
          }
          if (check) {
            if (v == null) {
              if (result.acceptsNull()) {
                return null;
              }
              throw Values.nullReference();
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
    Eval e = switch (t.name) {
      case "string" -> f -> new String((byte[]) bytes.eval(f), StandardCharsets.UTF_8);
      case "byte[]" -> bytes;
      case "JObject" -> f -> Json.parseObject(new String((byte[]) bytes.eval(f), StandardCharsets.UTF_8));
      case "JArray" -> f -> Json.parseArray(new String((byte[]) bytes.eval(f), StandardCharsets.UTF_8));
      case "JToken" -> f -> Json.parse(new String((byte[]) bytes.eval(f), StandardCharsets.UTF_8));
      default -> throw new CompileError(pos, "As<%s> is not supported", t.name);
    };
    return of(t, e);
  }

  // ---- JToken ----

  private Bound jtoken(CsType t) {
    Eval r = recv();
    switch (name) {
      case "ToString" -> {
        if (n == 0) {
          return of(CsType.STRING, f -> Values.toText(r.eval(f)));
        }
        if (n == 1 && args.get(0).type == Library.FORMATTING) {
          Eval fmt = args.get(0).eval;
          return of(CsType.STRING, f -> {
            Object tok = r.eval(f);
            boolean indented = "Indented".equals(fmt.eval(f));
            return Json.write(tok, indented);
          });
        }
        return null;
      }
      case "SelectToken" -> {
        if (n == 1 && is(0, CsType.STRING)) {
          Eval p = arg(0, CsType.STRING);
          return of(Library.JTOKEN, f -> Json.selectToken((JsonNode) r.eval(f), (String) p.eval(f)));
        }
        return null;
      }
      case "Value" -> {
        if (typeArgs.size() == 1 && n == 1) {
          CsType vt = typeArgs.get(0);
          Eval k = args.get(0).type.isIntegral() ? arg(0, CsType.INT) : arg(0, CsType.STRING);
          Bound probe = Bound.of(pos, Library.JTOKEN, f -> f.result);
          Eval conv = Conversions.isJToken(vt) ? null : Conversions.explicit(probe, vt, pos);
          return of(vt, f -> {
            Object v = Json.index(r.eval(f), k.eval(f));
            if (conv == null) {
              return v;
            }
            if (v == null) {
              return Conversions.defaultValue(vt);
            }
            Object saved = f.result;
            f.result = v;
            try {
              return conv.eval(f);
            } finally {
              f.result = saved;
            }
          });
        }
        return null;
      }
      case "Property" -> {
        if (n == 1 && is(0, CsType.STRING) && t == Library.JOBJECT) {
          Eval k = arg(0, CsType.STRING);
          return of(Library.JPROPERTY, f -> {
            JsonNode v = ((JsonNode) r.eval(f)).get((String) k.eval(f));
            return v == null ? null : new Json.Property((String) k.eval(f), v);
          });
        }
        return null;
      }
      case "Remove" -> {
        if (n == 1 && is(0, CsType.STRING) && t == Library.JOBJECT) {
          Eval k = arg(0, CsType.STRING);
          return of(CsType.BOOL, f -> ((ObjectNode) r.eval(f)).remove((String) k.eval(f)) != null);
        }
        return null;
      }
      case "ContainsKey" -> {
        if (n == 1 && is(0, CsType.STRING) && t == Library.JOBJECT) {
          Eval k = arg(0, CsType.STRING);
          return of(CsType.BOOL, f -> ((ObjectNode) r.eval(f)).has((String) k.eval(f)));
        }
        return null;
      }
      case "Add" -> {
        if (t == Library.JOBJECT && n == 2 && is(0, CsType.STRING)) {
          Eval k = arg(0, CsType.STRING);
          Eval v = args.get(1).eval;
          return of(CsType.VOID, f -> {
            ObjectNode o = (ObjectNode) r.eval(f);
            String key = (String) k.eval(f);
            if (o.has(key)) {
              throw Values.fail("ArgumentException", "Can not add property " + key
                  + " to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.");
            }
            o.set(key, Json.fromValue(v.eval(f)));
            return null;
          });
        }
        if (t == Library.JARRAY && n == 1) {
          Eval v = args.get(0).eval;
          return of(CsType.VOID, f -> {
            com.fasterxml.jackson.databind.node.ArrayNode a = (com.fasterxml.jackson.databind.node.ArrayNode) r.eval(f);
            f.checkSize(a.size() + 1);
            a.add(Json.fromValue(v.eval(f)));
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

  // ---- DateTime ----

  private Bound dateTime() {
    Eval r = recv();
    long unit = switch (name) {
      case "AddTicks" -> 1L;
      case "AddMilliseconds" -> 10_000L;
      case "AddSeconds" -> 10_000_000L;
      case "AddMinutes" -> 600_000_000L;
      case "AddHours" -> 36_000_000_000L;
      case "AddDays" -> 864_000_000_000L;
      default -> 0;
    };
    if (unit != 0 && n == 1 && is(0, CsType.DOUBLE)) {
      Eval a = arg(0, CsType.DOUBLE);
      return of(Library.DATETIME, f -> ((CsDateTime) r.eval(f)).addTicks(
          unit == 1 ? (long) (double) (Double) a.eval(f) : Math.round((Double) a.eval(f) * unit / 10_000.0) * 10_000L));
    }
    if ((name.equals("AddMonths") || name.equals("AddYears")) && n == 1 && is(0, CsType.INT)) {
      Eval a = arg(0, CsType.INT);
      int mult = name.equals("AddYears") ? 12 : 1;
      return of(Library.DATETIME, f -> ((CsDateTime) r.eval(f)).addMonths((Integer) a.eval(f) * mult));
    }
    if (name.equals("ToString") && n == 1 && is(0, CsType.STRING)) {
      Eval fmt = arg(0, CsType.STRING);
      return of(CsType.STRING, f -> ((CsDateTime) r.eval(f)).format((String) fmt.eval(f)));
    }
    if (name.equals("ToUniversalTime") && n == 0) {
      return of(Library.DATETIME, f -> new CsDateTime(((CsDateTime) r.eval(f)).ticks(), CsDateTime.DateKind.Utc));
    }
    return null;
  }

  // ---- LINQ ----

  private Bound linq(CsType elem) {
    Eval src = recv();
    Eval seq = f -> Sequences.iterate(src.eval(f));
    boolean hasLambda = n == 1 && args.get(0).lambda != null;
    switch (name) {
      case "Where", "Select", "Any", "All", "First", "FirstOrDefault", "Last", "LastOrDefault", "Count", "Sum" -> {
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
        return null;
      }
    }
  }

  private static Object add(CsType t, Object a, Object b) {
    return switch (t.name) {
      case "int" -> (Integer) a + (Integer) b;
      case "long" -> (Long) a + (Long) b;
      case "double" -> (Double) a + (Double) b;
      case "float" -> (Float) a + (Float) b;
      default -> ((java.math.BigDecimal) a).add((java.math.BigDecimal) b, Values.DECIMAL);
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
        case "First", "Last" -> {
          if (!found) {
            throw Values.fail("InvalidOperationException", fn == null ? "Sequence contains no elements"
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
        CsType rt = t;
        return of(rt, f -> Parsing.parse((String) s.eval(f), rt));
      }
      case "Convert.ToInt32", "Convert.ToInt64", "Convert.ToDouble", "Convert.ToBoolean", "Convert.ToDecimal",
          "Convert.ToString" -> {
        if (n != 1 || !args.get(0).isValue()) {
          return null;
        }
        CsType rt = switch (name) {
          case "ToInt32" -> CsType.INT;
          case "ToInt64" -> CsType.LONG;
          case "ToDouble" -> CsType.DOUBLE;
          case "ToBoolean" -> CsType.BOOL;
          case "ToDecimal" -> CsType.DECIMAL;
          default -> CsType.STRING;
        };
        Eval v = args.get(0).eval;
        return of(rt, f -> Parsing.convert(v.eval(f), rt));
      }
      case "Guid.NewGuid" -> {
        return n == 0 ? of(Library.GUID, f -> UUID.randomUUID()) : null;
      }
      case "string.IsNullOrEmpty", "string.IsNullOrWhiteSpace" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        boolean ws = name.endsWith("WhiteSpace");
        return of(CsType.BOOL, f -> {
          String x = (String) s.eval(f);
          return x == null || (ws ? x.isBlank() : x.isEmpty());
        });
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
          return f.checkString(Formatting.composite((String) fmt.eval(f), vals));
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
              throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 'values')");
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
          Eval c = n == 3 ? arg(2, Library.STRING_COMPARISON) : f -> "Ordinal";
          return of(CsType.BOOL, f -> {
            String x = (String) a.eval(f);
            String y = (String) b.eval(f);
            if (x == null || y == null) {
              return x == y;
            }
            return "OrdinalIgnoreCase".equals(c.eval(f)) ? x.equalsIgnoreCase(y) : x.equals(y);
          });
        }
        return null;
      }
      case "JObject.Parse", "JArray.Parse", "JToken.Parse" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        return of(t, switch (t.name) {
          case "JObject" -> f -> Json.parseObject((String) s.eval(f));
          case "JArray" -> f -> Json.parseArray((String) s.eval(f));
          default -> f -> Json.parse((String) s.eval(f));
        });
      }
      case "Uri.EscapeDataString", "Uri.UnescapeDataString", "WebUtility.UrlEncode", "WebUtility.UrlDecode" -> {
        if (n != 1 || !is(0, CsType.STRING)) {
          return null;
        }
        Eval s = arg(0, CsType.STRING);
        return of(CsType.STRING, switch (key) {
          case "Uri.EscapeDataString" -> f -> UrlCodec.encodeQueryComponent(
              (String) Values.requireNonNull(s.eval(f)));
          case "Uri.UnescapeDataString" -> f -> UrlCodec.decode((String) Values.requireNonNull(s.eval(f)), false);
          case "WebUtility.UrlEncode" -> f -> s.eval(f) == null ? null : urlEncode((String) s.eval(f));
          default -> f -> s.eval(f) == null ? null : UrlCodec.decode((String) s.eval(f), true);
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

  private static String urlEncode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!*()".indexOf(c) >= 0) {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
