package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsDecimal;
import io.gatehouse.engine.expr.runtime.CsException;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Tier 2 LINQ operators beyond the basics of {@link Calls}: {@code OrderBy}, {@code OrderByDescending},
 * {@code ThenBy}, {@code ThenByDescending}, {@code Max}/{@code Min}/{@code Average} (with and without selector),
 * {@code Concat}, {@code Append}, {@code ElementAt}, {@code Cast<T>}, {@code OfType<T>}, {@code SelectMany},
 * {@code ToDictionary}, {@code Aggregate} (with and without seed, with a result selector) and {@code GroupBy} (key
 * and element selectors; groups in order of first appearance, keys compared with C# equality). Results are eager
 * lists; every element visited counts a step and every built collection is checked against the size budget. Keys order as .NET's default comparer: numbers by value,
 * strings by the invariant culture (a {@link Collator} for {@link Locale#ROOT}), {@code null} first.
 */
final class Linq {
  /** An ordered sequence: the source and its key comparator, so {@code ThenBy} can refine the ordering. */
  static final class Ordered extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    final transient Comparator<Object> order;

    Ordered(List<Object> sorted, Comparator<Object> order) {
      super(sorted);
      this.order = order;
    }
  }

  /** One group of {@code GroupBy}: its elements in source order and its {@code Key}. */
  static final class Grouping extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    final transient Object key;

    Grouping(Object key) {
      this.key = key;
    }
  }

  private static final Comparator<Object> DEFAULT = Linq::compareKeys;
  /** The invariant collator; {@link Collator#getInstance} clones on every call, so one is kept per thread. */
  private static final ThreadLocal<Collator> COLLATOR =
      ThreadLocal.withInitial(() -> Collator.getInstance(Locale.ROOT));

  private Linq() {}

  static Bound bind(Calls c, CsType elem, Eval seq) {
    int n = c.n;
    switch (c.name) {
      case "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending" -> {
        if (n != 1 || c.args.get(0).lambda == null) {
          return null;
        }
        Binder.Fn key = c.binder.lambda(c.args.get(0), elem);
        boolean desc = c.name.endsWith("Descending");
        boolean then = c.name.startsWith("Then");
        return c.of(CsType.seq(elem), f -> {
          List<Object> items = seq(f, seq);
          Comparator<Object> byKey = (a, b) -> compareKeys(key.call(f, a), key.call(f, b));
          Comparator<Object> cmp = desc ? byKey.reversed() : byKey;
          if (then) {
            if (!(items instanceof Ordered o)) {
              throw CsException.invalidOperation("ThenBy needs an ordered sequence (OrderBy first).");
            }
            cmp = o.order.thenComparing(cmp);
          }
          List<Object> sorted = new ArrayList<>(items);
          sorted.sort(cmp);
          return new Ordered(sorted, cmp);
        });
      }
      case "Max", "Min", "Average" -> {
        Binder.Fn sel = n == 1 && c.args.get(0).lambda != null ? c.binder.lambda(c.args.get(0), elem) : null;
        if (n > 1 || n == 1 && sel == null) {
          return null;
        }
        CsType vt = sel == null ? elem : sel.returnType();
        boolean avg = c.name.equals("Average");
        if (avg && !vt.underlying().isNumeric()) {
          throw new CompileError(c.pos, "Average needs numeric values, not %s", vt.name);
        }
        CsType rt = !avg ? vt : vt.underlying().equals(CsType.DECIMAL) ? CsType.DECIMAL
            : vt.underlying().equals(CsType.FLOAT) ? CsType.FLOAT : CsType.DOUBLE;
        boolean max = c.name.equals("Max");
        return c.of(rt, f -> {
          List<Object> values = new ArrayList<>();
          for (Object x : seq(f, seq)) {
            Object v = sel == null ? x : sel.call(f, x);
            if (v != null || !vt.acceptsNull()) {
              values.add(v);
            }
          }
          if (values.isEmpty()) {
            if (vt.acceptsNull()) {
              return null;
            }
            throw CsException.invalidOperation("Sequence contains no elements");
          }
          if (avg) {
            return average(values, rt);
          }
          Object best = values.get(0);
          for (Object v : values) {
            int d = compareKeys(v, best);
            if (max ? d > 0 : d < 0) {
              best = v;
            }
          }
          return best;
        });
      }
      case "Concat" -> {
        if (n != 1 || !c.is(0, CsType.seq(elem)) && c.args.get(0).type.elementType() == null) {
          return null;
        }
        Eval other = c.args.get(0).eval;
        return c.of(CsType.seq(elem), f -> {
          List<Object> a = seq(f, seq);
          List<Object> b = Sequences.iterate(Values.requireNonNull(other.eval(f)));
          f.checkSize(a.size() + b.size());
          List<Object> out = new ArrayList<>(a);
          out.addAll(b);
          return out;
        });
      }
      case "Append" -> {
        if (n != 1 || !c.is(0, elem)) {
          return null;
        }
        Eval v = c.arg(0, elem);
        return c.of(CsType.seq(elem), f -> {
          List<Object> a = seq(f, seq);
          f.checkSize(a.size() + 1);
          List<Object> out = new ArrayList<>(a);
          out.add(v.eval(f));
          return out;
        });
      }
      case "ElementAt", "ElementAtOrDefault" -> {
        if (n != 1 || !c.is(0, CsType.INT)) {
          return null;
        }
        Eval i = c.arg(0, CsType.INT);
        boolean orDefault = c.name.endsWith("OrDefault");
        Object def = Conversions.defaultValue(elem);
        return c.of(elem, f -> {
          List<Object> a = seq(f, seq);
          int k = (Integer) i.eval(f);
          if (k < 0 || k >= a.size()) {
            if (orDefault) {
              return def;
            }
            throw CsException.argumentOutOfRange("index", "Index was out of range. Must be non-negative and less"
                + " than the size of the collection.");
          }
          return a.get(k);
        });
      }
      case "Cast", "OfType" -> {
        if (n != 0 || c.typeArgs.size() != 1) {
          return null;
        }
        CsType to = c.typeArgs.get(0);
        boolean cast = c.name.equals("Cast");
        return c.of(CsType.seq(to), f -> {
          List<Object> out = new ArrayList<>();
          for (Object x : seq(f, seq)) {
            if (x != null && Values.isInstance(x, to)) {
              out.add(x);
            } else if (cast && x == null && to.acceptsNull()) {
              out.add(null);
            } else if (cast) {
              throw Values.invalidCast(x == null ? "null" : x, to);
            }
          }
          return out;
        });
      }
      case "SelectMany" -> {
        if (n != 1 || c.args.get(0).lambda == null) {
          return null;
        }
        Binder.Fn sel = c.binder.lambda(c.args.get(0), elem);
        CsType inner = sel.returnType().elementType();
        if (inner == null) {
          throw new CompileError(c.args.get(0).pos, "the SelectMany selector must return a sequence, not %s",
              sel.returnType().name);
        }
        return c.of(CsType.seq(inner), f -> {
          List<Object> out = new ArrayList<>();
          for (Object x : seq(f, seq)) {
            List<Object> part = Sequences.iterate(Values.requireNonNull(sel.call(f, x)));
            f.checkSize(out.size() + part.size());
            out.addAll(part);
          }
          return out;
        });
      }
      case "ToDictionary" -> {
        if (n < 1 || n > 2 || c.args.get(0).lambda == null || n == 2 && c.args.get(1).lambda == null) {
          return null;
        }
        Binder.Fn key = c.binder.lambda(c.args.get(0), elem);
        Binder.Fn val = n == 2 ? c.binder.lambda(c.args.get(1), elem) : null;
        if (key.returnType() != CsType.STRING) {
          throw new CompileError(c.args.get(0).pos, "only dictionaries with string keys are supported");
        }
        return c.of(CsType.dict(CsType.STRING, val == null ? elem : val.returnType()), f -> {
          Map<String, Object> m = new LinkedHashMap<>();
          CsDictionary d = CsDictionary.ofMap(m, CsDictionary.Missing.THROW);
          for (Object x : seq(f, seq)) {
            f.checkSize(d.count() + 1);
            d.add((String) key.call(f, x), val == null ? x : val.call(f, x));
          }
          return d;
        });
      }
      case "Aggregate" -> {
        return aggregate(c, elem, seq);
      }
      case "GroupBy" -> {
        if (n < 1 || n > 2 || c.args.get(0).lambda == null || n == 2 && c.args.get(1).lambda == null) {
          return null;
        }
        Binder.Fn key = c.binder.lambda(c.args.get(0), elem);
        Binder.Fn val = n == 2 ? c.binder.lambda(c.args.get(1), elem) : null;
        CsType groupType = CsType.grouping(key.returnType(), val == null ? elem : val.returnType());
        return c.of(CsType.seq(groupType), f -> {
          Map<Object, Grouping> groups = new LinkedHashMap<>();
          int size = 0;
          for (Object x : seq(f, seq)) {
            Object k = key.call(f, x);
            Grouping g = groups.get(k);
            if (g == null) {
              g = new Grouping(k);
              groups.put(k, g);
            }
            f.checkSize(++size);
            g.add(val == null ? x : val.call(f, x));
          }
          return new ArrayList<Object>(groups.values());
        });
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code Aggregate(func)}, {@code Aggregate(seed, func)}, {@code Aggregate(seed, func, resultSelector)}. */
  private static Bound aggregate(Calls c, CsType elem, Eval seq) {
    int n = c.n;
    if (n == 1 && c.args.get(0).lambda != null) {
      Binder.Fn2 fn = c.binder.lambda2(c.args.get(0), elem, elem, elem);
      return c.of(elem, f -> {
        List<Object> items = seq(f, seq);
        if (items.isEmpty()) {
          throw CsException.invalidOperation("Sequence contains no elements");
        }
        Object acc = items.get(0);
        for (int i = 1; i < items.size(); i++) {
          acc = fn.call(f, acc, items.get(i));
        }
        return acc;
      });
    }
    if ((n == 2 || n == 3) && c.args.get(0).isValue() && c.args.get(1).lambda != null
        && (n == 2 || c.args.get(2).lambda != null)) {
      CsType accType = c.args.get(0).type;
      if (accType == CsType.NULL) {
        throw new CompileError(c.args.get(0).pos, "the type of the seed cannot be inferred from null");
      }
      Eval seed = c.args.get(0).eval;
      Binder.Fn2 fn = c.binder.lambda2(c.args.get(1), accType, elem, accType);
      Binder.Fn result = n == 3 ? c.binder.lambda(c.args.get(2), accType) : null;
      return c.of(result == null ? accType : result.returnType(), f -> {
        Object acc = seed.eval(f);
        for (Object x : seq(f, seq)) {
          acc = fn.call(f, acc, x);
        }
        return result == null ? acc : result.call(f, acc);
      });
    }
    return null;
  }

  private static List<Object> seq(Frame f, Eval seq) {
    @SuppressWarnings("unchecked")
    List<Object> items = (List<Object>) seq.eval(f);
    for (int i = 0; i < items.size(); i++) {
      f.step();
    }
    return items;
  }

  private static Object average(List<Object> values, CsType rt) {
    if (rt.equals(CsType.DECIMAL)) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Object v : values) {
        sum = CsDecimal.add(sum, (BigDecimal) Values.convertNumeric(v, CsType.DECIMAL));
      }
      return CsDecimal.divide(sum, BigDecimal.valueOf(values.size()));
    }
    double sum = 0;
    for (Object v : values) {
      sum += (Double) Values.convertNumeric(v, CsType.DOUBLE);
    }
    double avg = sum / values.size();
    return rt.equals(CsType.FLOAT) ? (Object) (float) avg : (Object) avg;
  }

  /** .NET {@code Comparer<T>.Default}: null first, numbers by value, strings by the invariant culture. */
  static int compareKeys(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String s && b instanceof String t) {
      int d = COLLATOR.get().compare(s, t);
      return d != 0 ? d : s.compareTo(t);
    }
    if ((a instanceof Number || a instanceof Character) && (b instanceof Number || b instanceof Character)) {
      BigDecimal x = number(a);
      BigDecimal y = number(b);
      return x == null || y == null ? Double.compare(dbl(a), dbl(b)) : x.compareTo(y);
    }
    if (a instanceof Comparable<?> && a.getClass() == b.getClass()) {
      @SuppressWarnings("unchecked")
      Comparable<Object> ca = (Comparable<Object>) a;
      return ca.compareTo(b);
    }
    throw CsException.invalidOperation("Failed to compare two elements in the array.");
  }

  private static BigDecimal number(Object v) {
    if (v instanceof Character ch) {
      return BigDecimal.valueOf(ch);
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
    }
    if (v instanceof Float fl) {
      return fl.isNaN() || fl.isInfinite() ? null : BigDecimal.valueOf(fl);
    }
    if (v instanceof Byte b) {
      return BigDecimal.valueOf(Byte.toUnsignedInt(b));
    }
    return new BigDecimal(v.toString());
  }

  private static double dbl(Object v) {
    return v instanceof Character ch ? ch : ((Number) v).doubleValue();
  }
}
